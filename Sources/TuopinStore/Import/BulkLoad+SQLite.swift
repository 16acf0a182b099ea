import SQLiteNIO

extension BulkLoad {
    /// SQLite fast path: one `INSERT` of a row, compiled once and run for each row, as the
    /// `sqlite3` shell's `.import` does (`SQLitePrepared`); on a connection without the handle
    /// function, the multi-row `INSERT`s bound straight to `SQLiteData`. Twin of the portable
    /// loop in `BulkLoad.insert`; all must write the same rows.
    static func insertSQLite(_ rows: [[StoreValue]], into table: BulkTable, connection: SQLiteConnection) async throws {
        if let handle = await SQLitePrepared.handle(of: connection) {
            try await SQLitePrepared.insert(rows, sql: insertHead(table) + rowPlaceholder(table), handle: handle)
            return
        }
        try await insertMultiRow(rows, into: table, connection: connection)
    }

    /// The multi-row `INSERT`s, through SQLiteNIO (each compiled anew).
    static func insertMultiRow(_ rows: [[StoreValue]], into table: BulkTable, connection: SQLiteConnection) async throws {
        let head = insertHead(table), rowPlaceholder = rowPlaceholder(table)
        let perStatement = max(1, StoreDialect.sqlite.maximumBinds / table.columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let sql = head + Array(repeating: rowPlaceholder, count: end - start).joined(separator: ",")
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * table.columns.count)
            for row in rows[start..<end] { for value in row { binds.append(value.sqliteData) } }
            try await connection.query(sql, binds) { _ in }
            start = end
        }
    }

    /// `INSERT … VALUES ` of the table's columns. OR FAIL: a failing row ends the statement
    /// without undoing the rows before it, so SQLite keeps no statement journal; the caller's
    /// transaction rolls back as a whole anyway.
    private static func insertHead(_ table: BulkTable) -> String {
        "INSERT OR FAIL INTO \(table.name) (\(table.columns.joined(separator: ","))) VALUES "
    }

    /// One row's `(?,…)`.
    private static func rowPlaceholder(_ table: BulkTable) -> String {
        "(" + Array(repeating: "?", count: table.columns.count).joined(separator: ",") + ")"
    }
}
