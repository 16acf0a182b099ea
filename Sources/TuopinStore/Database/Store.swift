import Foundation
import Logging
import NIOCore
import NIOPosix
@preconcurrency import AsyncKit
import PostgresKit
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The registry's database: SQLite embedded by default, PostgreSQL for production.
///
/// Reads go through `sql`; writes go through `transaction`, which runs its body in one
/// transaction and rolls back on any error. Start-up code opens a store once and passes it in.
///
/// ```swift
/// let store = try await Store.open(.sqliteFile("./tuopin.sqlite"), logger: logger)
/// try await store.migrate()
/// try await store.transaction { tx in try await BulkLoad.insert(rows, into: .household, in: tx) }
/// ```
public final class Store: Sendable {
    public let dialect: StoreDialect
    public let location: DatabaseLocation
    /// The connection for reads (a WAL reader on SQLite files; the pool on PostgreSQL).
    public let sql: any SQLDatabase
    let logger: Logger
    private let backend: Backend
    private let gate = AsyncGate()

    enum Backend: Sendable {
        case sqlite(reader: SQLiteConnection, writer: SQLiteConnection)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }

    init(dialect: StoreDialect, location: DatabaseLocation, sql: any SQLDatabase, backend: Backend, logger: Logger) {
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

    /// Opens the database. SQLite files are put in WAL mode with foreign keys on.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "tuopin.store")) async throws -> Store {
        switch location {
        case .sqliteMemory:
            let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
            try await configureSQLite(connection, wal: false)
            return Store(dialect: .sqlite, location: location, sql: connection.sql(queryLogLevel: .trace),
                         backend: .sqlite(reader: connection, writer: connection), logger: logger)
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder) else {
                throw OpenError.cannotOpen(location: location.description, reason: "folder \(folder) does not exist")
            }
            do {
                let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                try await configureSQLite(writer, wal: true)
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                try await configureSQLite(reader, wal: true)
                return Store(dialect: .sqlite, location: location, sql: reader.sql(queryLogLevel: .trace),
                             backend: .sqlite(reader: reader, writer: writer), logger: logger)
            } catch let error as OpenError {
                throw error
            } catch {
                throw OpenError.cannotOpen(location: location.description, reason: String(describing: error))
            }
        case .postgres(let url):
            var configuration: SQLPostgresConfiguration
            let (plainURL, schema) = Self.splitSchema(url)
            do { configuration = try SQLPostgresConfiguration(url: plainURL) } catch {
                throw OpenError.cannotOpen(location: location.description, reason: "not a PostgreSQL URL")
            }
            if let schema { configuration.searchPath = [schema] }
            let pool = EventLoopGroupConnectionPool(source: PostgresConnectionSource(sqlConfiguration: configuration),
                                                    maxConnectionsPerEventLoop: 4, logger: logger, on: MultiThreadedEventLoopGroup.singleton)
            let sql = pool.database(logger: logger).sql(queryLogLevel: .trace)
            do { _ = try await sql.raw("SELECT 1").all() } catch {
                try? await pool.shutdownAsync()
                throw OpenError.cannotOpen(location: location.description, reason: String(describing: error))
            }
            return Store(dialect: .postgres, location: location, sql: sql, backend: .postgres(pool), logger: logger)
        }
    }

    /// Takes Tuopin's own `schema=NAME` parameter off a PostgreSQL URL: the schema to work in
    /// (its search path), so several registries or test runs can share one server.
    static func splitSchema(_ url: String) -> (url: String, schema: String?) {
        guard var components = URLComponents(string: url),
              let item = components.queryItems?.first(where: { $0.name == "schema" }) else { return (url, nil) }
        components.queryItems = components.queryItems?.filter { $0.name != "schema" }
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        return (components.string ?? url, item.value)
    }

    static func configureSQLite(_ connection: SQLiteConnection, wal: Bool) async throws {
        let sql = connection.sql()
        if wal { _ = try await sql.raw("PRAGMA journal_mode=WAL").all() }
        try await sql.raw("PRAGMA foreign_keys=ON").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
        try await sql.raw("PRAGMA busy_timeout=10000").run()
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it.
    public func transaction<T: Sendable>(_ body: @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(_, let writer):
            return try await gate.withGate {
                let sql = writer.sql(queryLogLevel: .trace)
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(StoreTransaction(sql: sql, dialect: dialect, sqlite: writer))
                    try await sql.raw("COMMIT").run()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            }
        case .postgres(let pool):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection, logger: logger) }
            let sql = connection.sql(queryLogLevel: .trace)
            try await sql.raw("BEGIN").run()
            do {
                let result = try await body(StoreTransaction(sql: sql, dialect: dialect, sqlite: nil))
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Whether the database answers a trivial query.
    public func ping() async -> Bool {
        (try? await sql.raw("SELECT 1 AS ok").first()) != nil
    }

    /// Closes connections. Call once, at shutdown.
    public func close() async {
        switch backend {
        case .sqlite(let reader, let writer):
            try? await reader.close()
            if reader !== writer { try? await writer.close() }
        case .postgres(let pool):
            try? await pool.shutdownAsync()
        }
    }
}

/// The handle a transaction body writes through.
public struct StoreTransaction: Sendable {
    public let sql: any SQLDatabase
    public let dialect: StoreDialect
    /// The SQLite connection, for the marked SQLite fast paths.
    let sqlite: SQLiteConnection?
}
