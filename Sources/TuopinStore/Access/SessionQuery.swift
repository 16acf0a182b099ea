import SQLKit
import TuopinCore

/// A web session as stored: the id only as its SHA-256 hash, so a copy of the table signs
/// nobody in. `username` is nil before sign-in (the session then only carries the sign-in
/// form's CSRF token).
public struct StoredSession: Sendable, Equatable {
    public var idHash: String
    public var username: Username?
    public var csrfToken: String
    public var createdAt: Instant
    public var lastSeenAt: Instant

    public init(idHash: String, username: Username?, csrfToken: String, createdAt: Instant, lastSeenAt: Instant) {
        self.idHash = idHash
        self.username = username
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// Reads and writes `user_session`.
public enum SessionQuery {
    public static func insert(_ s: StoredSession, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO user_session (id_hash, username, csrf_token, created_at, last_seen_at)
            VALUES (\(bind: s.idHash), \(bind: s.username?.rawValue), \(bind: s.csrfToken), \(bind: s.createdAt.description),
                    \(bind: s.lastSeenAt.description))
            """
        ).run()
    }

    public static func find(idHash: String, _ sql: any SQLDatabase) async throws -> StoredSession? {
        guard
            let row = try await sql.raw(
                """
                SELECT id_hash, username, csrf_token, created_at, last_seen_at FROM user_session WHERE id_hash = \(bind: idHash)
                """
            ).first()
        else { return nil }
        let t = "user_session", key = String(idHash.prefix(8))
        return StoredSession(
            idHash: idHash, username: try row.storedOptionalText("username", table: t, key: key).map(Username.init(stored:)),
            csrfToken: try row.storedText("csrf_token", table: t, key: key),
            createdAt: try row.storedInstant("created_at", table: t, key: key),
            lastSeenAt: try row.storedInstant("last_seen_at", table: t, key: key))
    }

    public static func touch(idHash: String, at instant: Instant, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("UPDATE user_session SET last_seen_at = \(bind: instant.description) WHERE id_hash = \(bind: idHash)").run()
    }

    public static func delete(idHash: String, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM user_session WHERE id_hash = \(bind: idHash)").run()
    }

    /// Ends every session of a user (disabled, password changed, role changed).
    public static func delete(username: Username, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM user_session WHERE username = \(bind: username.rawValue)").run()
    }

    /// Removes sessions idle since before `idleBefore` or created before `createdBefore`.
    public static func deleteExpired(idleBefore: Instant, createdBefore: Instant, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM user_session WHERE last_seen_at < \(bind: idleBefore.description) OR created_at < \(bind: createdBefore.description)
            """
        ).run()
    }
}
