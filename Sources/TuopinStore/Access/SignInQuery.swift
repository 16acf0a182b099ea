import SQLKit
import TuopinCore

/// Failed sign-ins per account, for the lockout rule (`SignInLockout`).
public enum SignInQuery {
    public static func recordFailure(_ username: Username, at instant: Instant, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO sign_in_failure (username, failed_at) VALUES (\(bind: username.rawValue), \(bind: instant.description))
            """
        ).run()
    }

    /// The account's failures at or after `since`, oldest first.
    public static func failures(_ username: Username, since: Instant, _ sql: any SQLDatabase) async throws -> [Instant] {
        try await sql.raw(
            """
            SELECT failed_at FROM sign_in_failure WHERE username = \(bind: username.rawValue) AND failed_at >= \(bind: since.description)
            ORDER BY failed_at
            """
        ).all().map { try $0.storedInstant("failed_at", table: "sign_in_failure", key: username.rawValue) }
    }

    /// Forgets the account's failures (after a successful sign-in or a password reset).
    public static func clear(_ username: Username, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM sign_in_failure WHERE username = \(bind: username.rawValue)").run()
    }
}
