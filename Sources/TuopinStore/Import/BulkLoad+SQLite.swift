import SQLiteNIO

extension BulkLoad {
    /// SQLite fast path: the same multi-row `INSERT`s, bound straight to `SQLiteData`.
    /// Twin of the portable loop in `BulkLoad.insert`; both must write the same rows.
    static func insertSQLite(_ rows: [[StoreValue]], into table: BulkTable, connection: SQLiteConnection) async throws {
        let perStatement = max(1, StoreDialect.sqlite.maximumBinds / table.columns.count)
        let rowPlaceholder = "(" + Array(repeating: "?", count: table.columns.count).joined(separator: ",") + ")"
        // OR FAIL: a failing row ends the statement without undoing the rows before it, so SQLite
        // keeps no statement journal; the caller's transaction rolls back as a whole anyway.
        let head = "INSERT OR FAIL INTO \(table.name) (\(table.columns.joined(separator: ","))) VALUES "
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
}
