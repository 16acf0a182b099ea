/// Which SQL engine the store runs on. Capabilities choose dialect-specific fast paths
/// (DESIGN "Storage"); everything else is one portable code path through SQLKit.
public enum StoreDialect: String, Sendable {
    case sqlite
    case postgres

    /// Whether bulk loads may use the SQLite prepared multi-row path (`BulkLoad+SQLite.swift`).
    var hasSQLiteBulkPath: Bool { self == .sqlite }

    /// Whether bulk loads may stream rows with `COPY … FROM STDIN` (`BulkLoad+Postgres.swift`).
    var hasCopyBulkPath: Bool { self == .postgres }

    /// Parameters one statement may bind (SQLite's limit is 32,766; PostgreSQL's 65,535).
    var maximumBinds: Int { self == .sqlite ? 32_000 : 30_000 }
}
