@preconcurrency import AsyncKit
import Logging
import NIOCore
import PostgresKit
import SQLKit

/// `Store`'s SQL on PostgreSQL: postgres-kit's, except that a statement run again and again (a
/// page's lookups, a session's check, an audit insert) is parsed and analysed once on each
/// connection, then only bound, planned for its values (`plan_cache_mode = force_custom_plan`,
/// set in `Store.open`) and executed (`PostgresStatements` says which and under what name).
/// Everything else, and a statement whose values are not plain text, numbers or booleans, runs
/// as before, as an unnamed statement.
struct PreparedPostgresDatabase: SQLDatabase {
    enum Source: Sendable {
        /// A connection held by a transaction or a read snapshot.
        case connection(PostgresConnection)
        /// A connection taken from the pool for each statement.
        case pool(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }

    let source: Source
    let statements: PostgresStatements
    let logger: Logger
    let queryLogLevel: Logger.Level? = .trace

    var eventLoop: any EventLoop {
        switch source {
        case .connection(let connection): connection.eventLoop
        case .pool(let pool): pool.eventLoopGroup.any()
        }
    }
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { PostgresDialect() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        if let queryLogLevel { logger.log(level: queryLogLevel, "Executing query", metadata: ["sql": .string(sql)]) }
        switch source {
        case .connection(let connection):
            try await run(query, sql, binds, on: connection, onRow)
        case .pool(let pool):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection, logger: logger) }
            try await run(query, sql, binds, on: connection, onRow)
        }
    }

    /// Runs `query` (serialized as `sql` and `binds`) prepared when `statements` says so,
    /// otherwise as postgres-kit runs it.
    private func run(
        _ query: any SQLExpression, _ sql: String, _ binds: [any Encodable & Sendable], on connection: PostgresConnection,
        _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws {
        let id = ObjectIdentifier(connection)
        if statements.enabled, let plain = PlainBindings(binds), case let key = sql + "\u{0}" + plain.signature,
            let chosen = statements.name(for: key, sql: sql, on: id)
        {
            if chosen.newConnection {
                connection.closeFuture.whenComplete { [statements] _ in statements.closed(id) }
            }
            let statement = RuntimeStatement.Text(name: chosen.name, sql: sql, types: plain.types)
            do {
                try await RuntimeStatement.$current.withValue(statement) {
                    for try await row in try await connection.execute(RuntimeStatement(bindings: plain.bindings), logger: logger) {
                        onRow(row.sql())
                    }
                }
                if chosen.first { statements.prepared(key, on: id, succeeded: true) }
            } catch {
                if chosen.first { statements.prepared(key, on: id, succeeded: false) }
                throw error
            }
            return
        }
        try await connection.sql(queryLogLevel: nil).execute(sql: query, onRow)
    }
}

/// A statement known only at run time, for postgres-nio's `PostgresPreparedStatement`, whose
/// name, text and bind types are static: they are handed over in a task-local value, which
/// `PostgresConnection.execute` reads as it sends the statement (postgres-nio 1.33). The
/// connection prepares it under that name the first time it runs there.
struct RuntimeStatement: PostgresPreparedStatement {
    struct Text: Sendable {
        var name = ""
        var sql = ""
        var types: [PostgresDataType] = []
    }
    @TaskLocal static var current = Text()
    static var name: String { current.name }
    static var sql: String { current.sql }
    static var bindingDataTypes: [PostgresDataType] { current.types }

    typealias Row = PostgresRow
    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// A statement's values, when each is text, an integer, a float, a boolean or NULL: encoded as
/// postgres-kit encodes them, with their types (the statement is prepared with these types, and
/// the signature keeps a text run with other types apart).
struct PlainBindings {
    var bindings = PostgresBindings()
    var types: [PostgresDataType] = []
    var signature = ""

    init?(_ binds: [any Encodable & Sendable]) {
        bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            switch bind {
            case let value as String: append(value, "s")
            case let value as Int: append(value, "i")
            case let value as Int64: append(value, "i")
            case let value as Int32: append(value, "n")
            case let value as Int16: append(value, "h")
            case let value as Bool: append(value, "b")
            case let value as Double: append(value, "d")
            case let value as any OptionalBind where value.isNone:
                bindings.appendNull()
                types.append(.null)
                signature.append("0")
            default: return nil
            }
        }
    }

    private mutating func append<T: PostgresNonThrowingEncodable>(_ value: T, _ code: Character) {
        bindings.append(value)
        types.append(T.psqlType)
        signature.append(code)
    }
}

/// Tells a nil bound as an optional apart from a value.
protocol OptionalBind {
    var isNone: Bool { get }
}

extension Optional: OptionalBind {
    var isNone: Bool { self == nil }
}
