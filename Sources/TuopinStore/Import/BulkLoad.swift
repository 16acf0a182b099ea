import SQLKit

/// A table and the columns a bulk load fills.
public struct BulkTable: Sendable {
    public let name: String
    public let columns: [String]

    public init(_ name: String, _ columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

/// Loads many rows in one transaction: large multi-row `INSERT`s, chunked under the dialect's
/// bind limit. This is the portable path through SQLKit; SQLite takes the marked fast path in
/// `BulkLoad+SQLite.swift`, which binds values directly without SQLKit's serializer, and
/// PostgreSQL streams the rows with `COPY … FROM STDIN` (`BulkLoad+Postgres.swift`).
public enum BulkLoad {
    public static func insert(_ rows: [[StoreValue]], into table: BulkTable, in tx: StoreTransaction) async throws {
        guard !rows.isEmpty else { return }
        if tx.dialect.hasSQLiteBulkPath, let connection = tx.sqlite {
            try await insertSQLite(rows, into: table, connection: connection)
            return
        }
        // One row gains nothing from COPY's extra round trips (CopyIn, CopyDone).
        if tx.dialect.hasCopyBulkPath, rows.count > 1, let connection = tx.postgres {
            try await copyPostgres(rows, into: table, connection: connection, logger: tx.logger)
            return
        }
        try await insertPortable(rows, into: table, in: tx)
    }

    /// The portable path, on any dialect (tests run it on SQLite beside the fast path).
    public static func insertPortable(_ rows: [[StoreValue]], into table: BulkTable, in tx: StoreTransaction) async throws {
        let perStatement = max(1, tx.dialect.maximumBinds / table.columns.count)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            var query = SQLQueryString("")
            // Table and column names come from code, never from input.
            query.appendLiteral("INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES ")
            for (i, row) in chunk.enumerated() {
                query.appendLiteral(i == 0 ? "(" : ", (")
                for (j, value) in row.enumerated() {
                    if j > 0 { query.appendLiteral(", ") }
                    // Concrete types take the drivers' fast encoding paths.
                    switch value {
                    case .int(let v): query.appendInterpolation(bind: v)
                    case .text(let v): query.appendInterpolation(bind: v)
                    case .bool(let v): query.appendInterpolation(bind: v)
                    case .null: query.appendLiteral("NULL")
                    }
                }
                query.appendLiteral(")")
            }
            try await tx.sql.raw(query).run()
            start += perStatement
        }
    }
}
