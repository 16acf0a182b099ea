import SQLKit
import TuopinCore

/// A value in the database that is not what its column may hold: a year of 0, a status token
/// no code list knows, a corrupt policy row. Reading it is an error that names the table, the
/// column, the row and the value, never a crash, a default or an empty field.
///
/// Worded: "数据库 household 表中 4304811002010001 的 first_identified_year 值“0”无效".
public struct StoredValueError: Error, Equatable, Sendable {
    public var table: String
    public var column: String
    /// The row's key as people know it (a household number, an area code, "2020/national").
    public var key: String
    /// The value as stored (shortened to 64 characters).
    public var value: String

    public init(table: String, column: String, key: String, value: String) {
        self.table = table
        self.column = column
        self.key = key
        self.value = String(value.prefix(64))
    }
}

extension SQLRow {
    /// The column's text, or a `StoredValueError` when it is NULL or not text.
    func storedText(_ column: String, table: String, key: @autoclosure () -> String) throws -> String {
        guard let text = try? decode(column: column, as: String.self) else {
            throw StoredValueError(table: table, column: column, key: key(), value: rawText(column))
        }
        return text
    }

    /// The column's text or nil for NULL; a `StoredValueError` when it is something else.
    func storedOptionalText(_ column: String, table: String, key: @autoclosure () -> String) throws -> String? {
        try KitRow(row: self).storedOptionalText(column, table: table, key: key())
    }

    func storedInt(_ column: String, table: String, key: @autoclosure () -> String) throws -> Int64 {
        guard let n = try? decode(column: column, as: Int64.self) else {
            throw StoredValueError(table: table, column: column, key: key(), value: rawText(column))
        }
        return n
    }

    func storedBool(_ column: String, table: String, key: @autoclosure () -> String) throws -> Bool {
        guard let b = try? decode(column: column, as: Bool.self) else {
            throw StoredValueError(table: table, column: column, key: key(), value: rawText(column))
        }
        return b
    }

    /// A year column that must name a registry year (`RegistryYear`), never 0 or 99999.
    func storedYear(_ column: String, table: String, key: @autoclosure () -> String) throws -> Int {
        let n = try storedInt(column, table: table, key: key())
        guard RegistryYear.contains(Int(n)) else { throw StoredValueError(table: table, column: column, key: key(), value: String(n)) }
        return Int(n)
    }

    /// A code-list token column, decoded to its value.
    func storedCode<T: CodeListValue>(_ column: String, as type: T.Type, table: String, key: @autoclosure () -> String) throws -> T {
        try KitRow(row: self).storedCode(column, as: type, table: table, key: key())
    }

    /// A date column (`YYYY-MM-DD`, a real calendar date).
    func storedDate(_ column: String, table: String, key: @autoclosure () -> String) throws -> CivilDate {
        let text = try storedText(column, table: table, key: key())
        guard let date = try? CivilDate(text) else {
            throw StoredValueError(table: table, column: column, key: key(), value: text)
        }
        return date
    }

    /// An instant column (`2026-12-01T05:45:12.123Z`).
    func storedInstant(_ column: String, table: String, key: @autoclosure () -> String) throws -> Instant {
        let text = try storedText(column, table: table, key: key())
        guard let instant = try? Instant(text) else { throw StoredValueError(table: table, column: column, key: key(), value: text) }
        return instant
    }

    /// An area-code column.
    func storedAdminCode(_ column: String, table: String, key: @autoclosure () -> String) throws -> AdminCode {
        try KitRow(row: self).storedAdminCode(column, table: table, key: key())
    }

    /// A health column: the `;`-separated tokens `RegistryRows.healthToken` writes; empty is healthy.
    func storedHealth(_ column: String, table: String, key: @autoclosure () -> String) throws -> Set<HealthCondition> {
        let text = try storedText(column, table: table, key: key())
        var health: Set<HealthCondition> = []
        for token in text.split(separator: ";") {
            guard let condition = HealthCondition(token: String(token)) else {
                throw StoredValueError(table: table, column: column, key: key(), value: text)
            }
            health.insert(condition)
        }
        return health.isEmpty ? [.healthy] : health
    }

    /// A household-number column.
    func storedHousehold(_ column: String, table: String, key: @autoclosure () -> String) throws -> HouseholdNumber {
        let text = try storedText(column, table: table, key: key())
        guard let number = try? HouseholdNumber(text) else { throw StoredValueError(table: table, column: column, key: key(), value: text) }
        return number
    }

    /// Whatever the column holds, as text, for an error message.
    func rawText(_ column: String) -> String {
        if (try? decodeNil(column: column)) == true { return "NULL" }
        // Integers first: PostgreSQL would hand an integer's binary form to a text decoder.
        if let n = try? decode(column: column, as: Int64.self) { return String(n) }
        if let s = try? decode(column: column, as: String.self) { return s }
        if let d = try? decode(column: column, as: Double.self) { return String(d) }
        return "?"
    }
}
