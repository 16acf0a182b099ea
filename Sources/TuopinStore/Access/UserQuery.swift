import SQLKit
import TuopinCore

/// Reads and writes `app_user`. The table is small (one row per official), so lists are read
/// whole and filtered by scope in the service.
public enum UserQuery {
    static let columns: SQLQueryString = "username, display_name, role, scope, password_hash, disabled, locked_until, created_at, password_changed_at"

    public static func find(_ username: Username, _ sql: any SQLDatabase) async throws -> StoredUser? {
        try await sql.raw("SELECT \(columns) FROM app_user WHERE username = \(bind: username.rawValue)").first().map(decode)
    }

    public static func all(_ sql: any SQLDatabase) async throws -> [StoredUser] {
        try await sql.raw("SELECT \(columns) FROM app_user ORDER BY username").all().map(decode)
    }

    public static func insert(_ u: StoredUser, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO app_user (\(columns))
            VALUES (\(bind: u.user.username.rawValue), \(bind: u.user.displayName), \(bind: u.user.role.token), \(bind: u.user.scope.token),
                    \(bind: u.passwordHash), \(bind: u.user.isDisabled), \(bind: u.lockedUntil?.description),
                    \(bind: u.createdAt.description), \(bind: u.passwordChangedAt.description))
            """
        ).run()
    }

    /// Writes every changeable column of an existing user.
    public static func update(_ u: StoredUser, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE app_user SET display_name = \(bind: u.user.displayName), role = \(bind: u.user.role.token),
                scope = \(bind: u.user.scope.token), password_hash = \(bind: u.passwordHash), disabled = \(bind: u.user.isDisabled),
                locked_until = \(bind: u.lockedUntil?.description), password_changed_at = \(bind: u.passwordChangedAt.description)
            WHERE username = \(bind: u.user.username.rawValue)
            """
        ).run()
    }

    static func decode(_ row: any SQLRow) throws -> StoredUser {
        let t = "app_user"
        let name = try row.storedText("username", table: t, key: row.rawText("username"))
        let scopeText = try row.storedText("scope", table: t, key: name)
        guard let scope = AreaScope(token: scopeText) else { throw StoredValueError(table: t, column: "scope", key: name, value: scopeText) }
        let role = try row.storedCode("role", as: Role.self, table: t, key: name)
        guard role.allowsScope(scope) else { throw StoredValueError(table: t, column: "scope", key: name, value: scopeText) }
        let user = User(
            username: Username(stored: name), displayName: try row.storedText("display_name", table: t, key: name), role: role,
            scope: scope, isDisabled: try row.storedBool("disabled", table: t, key: name))
        let locked = try row.storedOptionalText("locked_until", table: t, key: name)
        return StoredUser(
            user: user, passwordHash: try row.storedText("password_hash", table: t, key: name),
            lockedUntil: try locked.map { text in
                guard let i = try? Instant(text) else { throw StoredValueError(table: t, column: "locked_until", key: name, value: text) }
                return i
            },
            createdAt: try row.storedInstant("created_at", table: t, key: name),
            passwordChangedAt: try row.storedInstant("password_changed_at", table: t, key: name))
    }
}
