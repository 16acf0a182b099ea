/// Users with a role and a scope, their web sessions (the id stored only as a hash) and their
/// failed sign-ins (for lockout). These tables are registry-wide: they carry no `county_code`.
struct M005_Users: Migration {
    let version = 5
    let name = "users and sessions"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE app_user (
                username TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL,
                scope TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                disabled BOOLEAN NOT NULL DEFAULT FALSE,
                locked_until TEXT,
                created_at TEXT NOT NULL,
                password_changed_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE sign_in_failure (
                username TEXT NOT NULL,
                failed_at TEXT NOT NULL)
            """,
            "CREATE INDEX sign_in_failure_user ON sign_in_failure (username, failed_at)",
            """
            CREATE TABLE user_session (
                id_hash TEXT PRIMARY KEY,
                username TEXT,
                csrf_token TEXT NOT NULL,
                created_at TEXT NOT NULL,
                last_seen_at TEXT NOT NULL)
            """,
            "CREATE INDEX user_session_user ON user_session (username)",
        ]
    }
}
