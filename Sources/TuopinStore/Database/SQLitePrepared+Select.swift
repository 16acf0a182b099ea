import CTuopinSQLite
import NIOPosix
import SQLiteNIO
import TuopinCore

extension SQLitePrepared {
    /// Runs the query `sql` with `binds` and reads each row with `read` as it is stepped, its
    /// columns straight from the statement (`SteppedRow`): SQLiteNIO builds a row of values for
    /// each, every text copied into a `String` and every column found by name in a dictionary,
    /// which cost a sweep's 90,000 rows of facts more than the query. On SQLiteNIO's thread pool,
    /// the connection's mutex held throughout; the first error `read` throws ends it.
    static func select<T: Sendable>(
        _ sql: String, binds: [SQLiteData], handle db: OpaquePointer, _ read: @escaping @Sendable (SteppedRow) throws -> T
    ) async throws -> [T] {
        let batch = Handle(db: db)
        return try await NIOThreadPool.singleton.runIfActive { try run(sql, binds: binds, db: batch.db, read) }
    }

    /// The connection's handle carried to the thread pool (see `Batch`: SQLite is serialized,
    /// and the caller holds the connection while it runs).
    private final class Handle: @unchecked Sendable {
        let db: OpaquePointer
        init(db: OpaquePointer) { self.db = db }
    }

    private static func run<T>(_ sql: String, binds: [SQLiteData], db: OpaquePointer, _ read: (SteppedRow) throws -> T) throws -> [T] {
        try withStatement(sql, db: db) { statement in try run(statement, binds: binds, db: db, read) }
    }

    private static func run<T>(_ statement: OpaquePointer, binds: [SQLiteData], db: OpaquePointer, _ read: (SteppedRow) throws -> T) throws -> [T] {
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .integer(let v): rc = tuopin_sqlite_bind_int64(statement, index, Int64(v))
            case .float(let v): rc = tuopin_sqlite_bind_double(statement, index, v)
            case .null: rc = tuopin_sqlite_bind_null(statement, index)
            case .text(let v): rc = bindText(statement, index, v)
            case .blob: throw SQLiteWriteError(code: 0, message: "a blob bound to a query")
            }
            try check(rc, db)
        }
        var columns: [String: Int32] = [:]
        for index in 0..<tuopin_sqlite_column_count(statement) {
            guard let name = tuopin_sqlite_column_name(statement, index) else { continue }
            // The first of two columns of one name is the one read, as SQLiteNIO reads it.
            let key = String(cString: name)
            if columns[key] == nil { columns[key] = index }
        }
        let row = SteppedRow(statement: statement, columns: columns)
        var result: [T] = []
        while true {
            let stepped = tuopin_sqlite_step(statement)
            if stepped == TUOPIN_SQLITE_DONE { return result }
            guard stepped == TUOPIN_SQLITE_ROW else { throw writeError(db) }
            result.append(try read(row))
        }
    }
}

/// The row a statement is stepped to, its columns read by name as the values SQLiteNIO would
/// give (the same storage classes: a text column reads only as text, an integer only as an
/// integer). Valid only inside the `read` it is passed to.
struct SteppedRow: StoredCountRow {
    fileprivate let statement: OpaquePointer
    fileprivate let columns: [String: Int32]

    private func index(_ column: String) -> Int32? { columns[column] }

    func storedText(_ column: String, table: String, key: @autoclosure () -> String) throws -> String {
        guard let i = index(column), tuopin_sqlite_column_type(statement, i) == TUOPIN_SQLITE_TEXT else {
            throw stored(column, table: table, key: key())
        }
        return text(at: i)
    }

    /// The column's text as UTF-8: the pointer first, then its length, as SQLite's documentation
    /// orders the two calls.
    private func text(at i: Int32) -> String {
        guard let bytes = tuopin_sqlite_column_text(statement, i) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(tuopin_sqlite_column_bytes(statement, i))), as: UTF8.self)
    }

    func storedInt(_ column: String, table: String, key: @autoclosure () -> String) throws -> Int64 {
        guard let i = index(column), tuopin_sqlite_column_type(statement, i) == TUOPIN_SQLITE_INTEGER else {
            throw stored(column, table: table, key: key())
        }
        return tuopin_sqlite_column_int64(statement, i)
    }

    func isNull(_ column: String) -> Bool {
        guard let i = index(column) else { return true }
        return tuopin_sqlite_column_type(statement, i) == TUOPIN_SQLITE_NULL
    }

    private func stored(_ column: String, table: String, key: String) -> StoredValueError {
        let value: String
        if let i = index(column) {
            switch tuopin_sqlite_column_type(statement, i) {
            case TUOPIN_SQLITE_INTEGER: value = String(tuopin_sqlite_column_int64(statement, i))
            case TUOPIN_SQLITE_FLOAT: value = String(tuopin_sqlite_column_double(statement, i))
            case TUOPIN_SQLITE_TEXT: value = text(at: i)
            case TUOPIN_SQLITE_BLOB: value = "<\(tuopin_sqlite_column_bytes(statement, i)) bytes>"
            default: value = "NULL"
            }
        } else {
            value = "NULL"
        }
        return StoredValueError(table: table, column: column, key: key, value: value)
    }
}
