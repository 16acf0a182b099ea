import NIOConcurrencyHelpers
import SQLKit
import SQLiteKit
import SQLiteNIO
import TuopinCore

extension SQLiteConnection {
    /// Runs `query` and reads each row with `read` on SQLite's thread as it is stepped, past
    /// SQLKit's `Decodable` rows (which cast every value dynamically): for the roll-ups, whose
    /// hundreds of rows a request cost more to decode than to compute, and the sweep's facts.
    /// The columns are read straight from the statement (`SQLitePrepared.select`) on a
    /// connection with its handle, else from SQLiteNIO's rows. `sql` serializes the query in
    /// SQLite's dialect. The first error `read` throws ends the reading and is thrown.
    func rows<T: Sendable>(
        _ query: SQLQueryString, serializedBy sql: any SQLDatabase, _ read: @escaping @Sendable (any StoredCountRow) throws -> T
    ) async throws -> [T] {
        var serializer = SQLSerializer(database: sql)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        if let handle = await SQLitePrepared.handle(of: self) {
            return try await SQLitePrepared.select(serializer.sql, binds: binds, handle: handle, read)
        }
        let collected = NIOLockedValueBox<(rows: [T], error: (any Error)?)>(([], nil))
        try await self.query(serializer.sql, binds) { row in
            collected.withLockedValue { state in
                guard state.error == nil else { return }
                do { state.rows.append(try read(row)) } catch { state.error = error }
            }
        }
        return try collected.withLockedValue { state in
            if let error = state.error { throw error }
            return state.rows
        }
    }
}

/// A row whose columns are read as stored values, from SQLiteNIO directly or through SQLKit:
/// one reading of a row for both paths (`SQLRow`'s optional-text, code and area-code readers
/// are these, through `KitRow`).
protocol StoredCountRow {
    func storedText(_ column: String, table: String, key: @autoclosure () -> String) throws -> String
    func storedInt(_ column: String, table: String, key: @autoclosure () -> String) throws -> Int64
    /// Whether the column is NULL (or missing).
    func isNull(_ column: String) -> Bool
}

extension StoredCountRow {
    /// The column's text, or nil when it is NULL.
    func storedOptionalText(_ column: String, table: String, key: @autoclosure () -> String) throws -> String? {
        isNull(column) ? nil : try storedText(column, table: table, key: key())
    }

    /// The column's integer, or nil when it is NULL.
    func storedOptionalInt(_ column: String, table: String, key: @autoclosure () -> String) throws -> Int64? {
        isNull(column) ? nil : try storedInt(column, table: table, key: key())
    }

    /// An area code column (an unreadable one is a `StoredValueError`).
    func storedAdminCode(_ column: String, table: String, key: @autoclosure () -> String) throws -> AdminCode {
        let text = try storedText(column, table: table, key: key())
        guard let code = try? AdminCode(text) else { throw StoredValueError(table: table, column: column, key: key(), value: text) }
        return code
    }

    /// A code-list column, by its token.
    func storedCode<T: CodeListValue>(_ column: String, as: T.Type, table: String, key: @autoclosure () -> String) throws -> T {
        let text = try storedText(column, table: table, key: key())
        guard let value = T(token: text) else { throw StoredValueError(table: table, column: column, key: key(), value: text) }
        return value
    }
}

/// An SQLKit row as a `StoredCountRow` (its `storedText` and `storedInt`).
struct KitRow: StoredCountRow {
    let row: any SQLRow
    func storedText(_ column: String, table: String, key: @autoclosure () -> String) throws -> String {
        try row.storedText(column, table: table, key: key())
    }
    func storedInt(_ column: String, table: String, key: @autoclosure () -> String) throws -> Int64 {
        try row.storedInt(column, table: table, key: key())
    }
    func isNull(_ column: String) -> Bool { (try? row.decodeNil(column: column)) ?? true }
}

extension SQLiteRow: StoredCountRow {
    /// The column's text, or a `StoredValueError` when it is NULL or not text.
    func storedText(_ column: String, table: String, key: @autoclosure () -> String) throws -> String {
        guard case .text(let text) = self.column(column) else { throw stored(column, table: table, key: key()) }
        return text
    }

    /// The column's integer, or a `StoredValueError` when it is NULL or not an integer.
    func storedInt(_ column: String, table: String, key: @autoclosure () -> String) throws -> Int64 {
        guard case .integer(let n) = self.column(column) else { throw stored(column, table: table, key: key()) }
        return Int64(n)
    }

    func isNull(_ column: String) -> Bool {
        switch self.column(column) {
        case .null, nil: true
        default: false
        }
    }

    private func stored(_ column: String, table: String, key: String) -> StoredValueError {
        let value: String
        switch self.column(column) {
        case .text(let text): value = text
        case .integer(let n): value = String(n)
        case .float(let x): value = String(x)
        case .blob(let blob): value = "<\(blob.readableBytes) bytes>"
        case .null, nil: value = "NULL"
        }
        return StoredValueError(table: table, column: column, key: key, value: value)
    }
}
