import SQLiteNIO

extension BulkLoad {
    /// SQLite fast path: one `INSERT` of a row, compiled once and run for each row, as the
    /// `sqlite3` shell's `.import` does (`SQLitePrepared`); on a connection without the handle
    /// function, the multi-row `INSERT`s bound straight to `SQLiteData`. Twin of the portable
    /// loop in `BulkLoad.insert`; all must write the same rows.
    static func insertSQLite(_ rows: [[StoreValue]], into table: BulkTable, connection: SQLiteConnection) async throws {
        // OR FAIL: a failing row ends the statement without undoing the rows before it, so SQLite
        // keeps no statement journal; the caller's transaction rolls back as a whole anyway.
        let head = "INSERT OR FAIL INTO \(table.name) (\(table.columns.joined(separator: ","))) VALUES "
        let rowPlaceholder = "(" + Array(repeating: "?", count: table.columns.count).joined(separator: ",") + ")"
        if let handle = await SQLitePrepared.handle(of: connection) {
            try await SQLitePrepared.insert(rows, sql: head + rowPlaceholder, handle: handle)
            return
        }
        try await insertMultiRow(rows, head: head, rowPlaceholder: rowPlaceholder, columns: table.columns.count, connection: connection)
    }

    /// The multi-row `INSERT`s, through SQLiteNIO (each compiled anew).
    static func insertMultiRow(
        _ rows: [[StoreValue]], head: String, rowPlaceholder: String, columns: Int, connection: SQLiteConnection
    ) async throws {
        let perStatement = max(1, StoreDialect.sqlite.maximumBinds / columns)
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let sql = head + Array(repeating: rowPlaceholder, count: end - start).joined(separator: ",")
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * columns)
            for row in rows[start..<end] { for value in row { binds.append(value.sqliteData) } }
            try await connection.query(sql, binds) { _ in }
            start = end
        }
    }
}
