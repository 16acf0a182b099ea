import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// `Store.sql` on a SQLite file: each statement runs on whichever connection of the pool is
/// free, so single-statement reads from many requests (sessions, users, areas) run side by
/// side instead of queueing on one connection.
struct PooledSQLDatabase: SQLDatabase {
    let pool: AsyncPool<SQLiteConnection>
    /// One connection's database: the dialect, logger and event loop every connection shares.
    let template: any SQLDatabase

    var logger: Logger { template.logger }
    var eventLoop: any EventLoop { template.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { template.version }
    var dialect: any SQLDialect { template.dialect }
    var queryLogLevel: Logger.Level? { template.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await pool.with { connection in try await connection.sql(queryLogLevel: .trace).execute(sql: query, onRow) }
    }
}
