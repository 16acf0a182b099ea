@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The registry's database: SQLite embedded by default, PostgreSQL for production.
///
/// Writes go through `transaction`, which runs its body in one transaction and rolls back on
/// any error; the body hands its `StoreTransaction` to every writer, so a change and its audit
/// entry commit together. Reads that combine several queries go through `read`, one snapshot:
/// on SQLite a read transaction on a connection of its own (WAL readers run beside the single
/// writer), on PostgreSQL `REPEATABLE READ READ ONLY`. `sql` answers single statements.
/// Start-up code opens a store once and passes it in.
///
/// ```swift
/// let store = try await Store.open(.sqliteFile("./tuopin.sqlite"), logger: logger)
/// try await Migrator.migrate(store)
/// try await store.transaction { tx in try await BulkLoad.insert(rows, into: RegistryRows.household, in: tx) }
/// let counts = try await store.read { db in try await StatusCountQuery.counts(db, area: leiyang, asOf: day) }
/// ```
public final class Store: Sendable {
    public let dialect: StoreDialect
    public let location: DatabaseLocation
    /// A connection for single-statement reads (the pool on PostgreSQL).
    public let sql: any SQLDatabase
    let logger: Logger
    private let backend: Backend
    /// Figures kept under the registry version they were read at (past dates, dashboards).
    public let cache = VersionedCache()
    /// Whether anything was committed since (SQLite files only).
    let changes: ChangeStamp?

    /// SQLite reader connections beside the writer (WAL lets them read while it writes), one
    /// per core and a few more for requests that wait on I/O.
    static let sqliteReaders = max(3, min(ProcessInfo.processInfo.activeProcessorCount * 2, 16))

    enum Backend: Sendable {
        /// `readers` is nil for an in-memory database, whose one connection is the writer.
        case sqlite(writer: AsyncPool<SQLiteConnection>, readers: AsyncPool<SQLiteConnection>?, single: SQLiteConnection)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>, PostgresStatements)
    }

    init(dialect: StoreDialect, location: DatabaseLocation, sql: any SQLDatabase, backend: Backend, logger: Logger, changes: ChangeStamp? = nil) {
        self.changes = changes
        self.dialect = dialect
        self.location = location
        self.sql = sql
        self.backend = backend
        self.logger = logger
    }

    public enum OpenError: Error, Equatable, Sendable {
        /// The database could not be opened (missing folder, bad URL, server down).
        case cannotOpen(location: String, reason: String)
    }

    /// PostgreSQL connections per event loop when not configured (the loops are one per core).
    static let postgresConnectionsPerLoop = 4

    /// Opens the database. SQLite files are put in WAL mode with foreign keys on.
    /// `connections` sizes the pool: on PostgreSQL the connections in all (default 4 per core,
    /// spread over the event loops), on a SQLite file the readers beside the one writer
    /// (default `sqliteReaders`).
    public static func open(
        _ location: DatabaseLocation, logger: Logger = Logger(label: "tuopin.store"), connections: Int? = nil
    ) async throws -> Store {
        // Before any SQLite connection opens: its bulk loads then run prepared statements.
        _ = SQLitePrepared.registered
        switch location {
        case .sqliteMemory:
            let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
            try await configureSQLite(connection, wal: false, cacheMiB: 64)
            return Store(
                dialect: .sqlite, location: location, sql: connection.sql(queryLogLevel: .trace),
                backend: .sqlite(writer: AsyncPool([connection]), readers: nil, single: connection), logger: logger)
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder) else {
                throw OpenError.cannotOpen(location: location.description, reason: "folder \(folder) does not exist")
            }
            var opened: [SQLiteConnection] = []
            do {
                for _ in 0..<(3 + max(1, connections ?? sqliteReaders)) {
                    let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                    opened.append(connection)
                    try await configureSQLite(connection, wal: true, cacheMiB: opened.count == 1 ? 64 : 16)
                }
                let writer = opened[0], single = opened[1], watch = opened[2], readers = Array(opened[3...])
                // Single statements share the readers' pool (one more connection in it).
                let pool = AsyncPool(readers + [single])
                return Store(
                    dialect: .sqlite, location: location, sql: PooledSQLDatabase(pool: pool, template: single.sql(queryLogLevel: .trace)),
                    backend: .sqlite(writer: AsyncPool([writer]), readers: pool, single: single), logger: logger,
                    changes: ChangeStamp(watch: watch))
            } catch {
                for connection in opened { try? await connection.close() }
                throw OpenError.cannotOpen(location: location.description, reason: String(describing: error))
            }
        case .postgres(let url):
            var configuration: SQLPostgresConfiguration
            let (plainURL, own) = Self.ownParameters(url)
            do { configuration = try SQLPostgresConfiguration(url: plainURL) } catch {
                throw OpenError.cannotOpen(location: location.description, reason: "not a PostgreSQL URL")
            }
            if let schema = own["schema"] { configuration.searchPath = [schema] }
            // `prepare=off` for a server behind a pooler that cannot keep prepared statements
            // (PgBouncer in transaction mode before 1.21).
            let statements = PostgresStatements(enabled: own["prepare"] != "off")
            // A prepared statement is still planned for its values each time: Tuopin's queries
            // filter on area patterns (`LIKE $1`) whose best plan depends on the value, and the
            // generic plan PostgreSQL switches to after five runs took a county's household list
            // from 12 to 61 ms. Preparing saves the parsing and analysis only.
            if statements.enabled {
                configuration.coreConfiguration.options.additionalStartupParameters.append(("plan_cache_mode", "force_custom_plan"))
            }
            let loops = MultiThreadedEventLoopGroup.singleton.makeIterator().reduce(0) { n, _ in n + 1 }
            let perLoop = connections.map { max(1, ($0 + loops - 1) / max(1, loops)) } ?? postgresConnectionsPerLoop
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: perLoop, logger: logger, on: MultiThreadedEventLoopGroup.singleton)
            let sql = PreparedPostgresDatabase(source: .pool(pool), statements: statements, logger: logger)
            do { _ = try await sql.raw("SELECT 1").all() } catch {
                try? await pool.shutdownAsync()
                throw OpenError.cannotOpen(location: location.description, reason: String(describing: error))
            }
            return Store(dialect: .postgres, location: location, sql: sql, backend: .postgres(pool, statements), logger: logger)
        }
    }

    /// Tuopin's own parameters of a PostgreSQL URL, taken off it: `schema=NAME`, the schema to
    /// work in (its search path), so several registries or test runs can share one server, and
    /// `prepare=off`, to run every statement unprepared.
    static func ownParameters(_ url: String) -> (url: String, parameters: [String: String]) {
        let own: Set<String> = ["schema", "prepare"]
        guard var components = URLComponents(string: url), let items = components.queryItems,
            items.contains(where: { own.contains($0.name) })
        else { return (url, [:]) }
        var parameters: [String: String] = [:]
        for item in items where own.contains(item.name) { parameters[item.name] = item.value ?? "" }
        components.queryItems = items.filter { !own.contains($0.name) }
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        return (components.string ?? url, parameters)
    }

    /// WAL, foreign keys, and a page cache of `cacheMiB` (the writer's is larger: an import's
    /// index inserts land all over the indexes).
    static func configureSQLite(_ connection: SQLiteConnection, wal: Bool, cacheMiB: Int) async throws {
        let sql = connection.sql()
        if wal { _ = try await sql.raw("PRAGMA journal_mode=WAL").all() }
        try await sql.raw("PRAGMA foreign_keys=ON").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
        try await sql.raw("PRAGMA busy_timeout=10000").run()
        try await sql.raw("PRAGMA cache_size=\(unsafeRaw: String(-cacheMiB * 1024))").run()
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it.
    ///
    /// `checkingForeignKeys: false` is for a bulk writer that checks every reference it writes
    /// itself (the import: its tests run `PRAGMA foreign_key_check` after it). SQLite then skips
    /// the per-row parent lookups for this transaction; PostgreSQL always checks.
    public func transaction<T: Sendable>(
        checkingForeignKeys: Bool = true, _ body: @Sendable (StoreTransaction) async throws -> T
    ) async throws -> T {
        switch backend {
        case .sqlite(let writer, _, _):
            return try await writer.with { connection in
                let sql = connection.sql(queryLogLevel: .trace)
                // Foreign-key enforcement can only change outside a transaction.
                if !checkingForeignKeys { try await sql.raw("PRAGMA foreign_keys=OFF").run() }
                do {
                    // Caches keyed on the change stamp must not outlive a commit, nor a failed one.
                    defer { changes?.committed() }
                    let result = try await enclose(sql, begin: "BEGIN IMMEDIATE") {
                        try await body(StoreTransaction(sql: sql, dialect: dialect, sqlite: connection, postgres: nil, logger: logger))
                    }
                    if !checkingForeignKeys { try await sql.raw("PRAGMA foreign_keys=ON").run() }
                    return result
                } catch {
                    if !checkingForeignKeys { try? await sql.raw("PRAGMA foreign_keys=ON").run() }
                    throw error
                }
            }
        case .postgres(let pool, let statements):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection, logger: logger) }
            let sql = PreparedPostgresDatabase(source: .connection(connection), statements: statements, logger: logger)
            do {
                return try await enclose(sql, begin: "BEGIN") {
                    try await body(StoreTransaction(sql: sql, dialect: dialect, sqlite: nil, postgres: connection, logger: logger))
                }
            } catch {
                throw IdentityClaimedElsewhere(error) ?? error
            }
        }
    }

    /// Runs `body` on one consistent snapshot: every query in it sees the registry as it was
    /// when the first one ran, whatever commits meanwhile.
    public func read<T: Sendable>(_ body: @Sendable (StoreReader) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, let readers, _):
            return try await (readers ?? writer).with { connection in
                let sql = connection.sql(queryLogLevel: .trace)
                return try await enclose(sql, begin: "BEGIN") {
                    try await body(StoreReader(sql: sql, dialect: dialect, sqlite: connection, spare: readers, logger: logger))
                }
            }
        case .postgres(let pool, let statements):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection, logger: logger) }
            let sql = PreparedPostgresDatabase(source: .connection(connection), statements: statements, logger: logger)
            return try await enclose(sql, begin: "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                try await body(StoreReader(sql: sql, dialect: dialect))
            }
        }
    }

    /// BEGIN, the body, COMMIT; ROLLBACK when the body throws (and the body's error is kept).
    private func enclose<T>(_ sql: any SQLDatabase, begin: String, _ body: () async throws -> T) async throws -> T {
        try await Self.enclose(sql, begin: begin, logger: logger, body)
    }

    static func enclose<T>(_ sql: any SQLDatabase, begin: String, logger: Logger, _ body: () async throws -> T) async throws -> T {
        // The statements are fixed text from this file.
        try await sql.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body()
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            do { try await sql.raw("ROLLBACK").run() } catch let rollback {
                // The connection may be gone; the body's error is the one the caller gets.
                logger.warning("rollback failed", metadata: ["error": "\(type(of: rollback))"])
            }
            throw error
        }
    }

    /// After a bulk write: SQLite gathers the query planner's statistics of every table that
    /// needs them (`PRAGMA optimize=0x10002`, each table sampled up to `analysis_limit` rows, so
    /// it takes milliseconds). Without them it may join a search's tables in the wrong order.
    /// PostgreSQL's autovacuum analyses by itself.
    public func optimize() async throws {
        guard dialect == .sqlite else { return }
        try await transaction { tx in
            try await tx.sql.raw("PRAGMA analysis_limit = 1000").run()
            try await tx.sql.raw("PRAGMA optimize = 0x10002").run()
        }
    }

    /// A number that changes whenever anything is committed (see `ChangeStamp`), or nil where
    /// there is none: an answer cached under one stamp is good while the stamp stays the same.
    public func changeStamp() async -> Int64? { await changes?.current() }

    /// Whether the database answers a trivial query.
    public func ping() async -> Bool {
        (try? await sql.raw("SELECT 1 AS ok").first()) != nil
    }

    /// Closes connections. Call once, at shutdown.
    public func close() async {
        switch backend {
        case .sqlite(let writer, let readers, let single):
            var all = writer.all + (readers?.all ?? [])
            if !all.contains(where: { $0 === single }) { all.append(single) }
            if let watch = changes?.watch { all.append(watch) }
            for connection in all { try? await connection.close() }
        case .postgres(let pool, _):
            try? await pool.shutdownAsync()
        }
    }
}

/// The handle a transaction body writes through; every writer takes it, so the caller's
/// transaction is the one they run in.
public struct StoreTransaction: Sendable {
    public let sql: any SQLDatabase
    public let dialect: StoreDialect
    /// The SQLite connection, for the marked SQLite fast paths.
    let sqlite: SQLiteConnection?
    /// The PostgreSQL connection, for `COPY` (`BulkLoad+Postgres.swift`).
    let postgres: PostgresConnection?
    let logger: Logger

    /// The same connection as a reader, for queries inside the transaction.
    public var reader: StoreReader { StoreReader(sql: sql, dialect: dialect) }
}

/// The handle a read snapshot queries through.
public struct StoreReader: Sendable {
    public let sql: any SQLDatabase
    public let dialect: StoreDialect
    /// The SQLite connection, for the marked SQLite fast paths (`SQLiteConnection.rows`).
    var sqlite: SQLiteConnection? = nil
    /// The SQLite readers' pool, for `beside`; nil on PostgreSQL, in memory and in a transaction.
    var spare: AsyncPool<SQLiteConnection>? = nil
    var logger = Logger(label: "tuopin.store")

    /// Runs `body` on another reader connection, in a read transaction of its own, while this
    /// snapshot goes on: one read split over the cores. Nil when no reader is idle (it never
    /// waits for one) or there is no other reader. Its snapshot is this one's or a later one, so
    /// the caller checks that both saw the same registry (the projection's version) before it
    /// uses the answer.
    func beside<T: Sendable>(_ body: @Sendable (StoreReader) async throws -> T) async throws -> T? {
        guard let spare else { return nil }
        return try await spare.withIdle { connection -> T in
            let sql = connection.sql(queryLogLevel: .trace)
            return try await Store.enclose(sql, begin: "BEGIN", logger: logger) {
                try await body(StoreReader(sql: sql, dialect: dialect, sqlite: connection, logger: logger))
            }
        }
    }
}
