import Foundation
import TuopinCore

/// One CSV file read for import: its header mapped to column positions, and its records.
struct CSVTable {
    let file: RegistryFile
    let index: [String: Int]
    let records: [(line: Int, fields: [String])]

    /// Reads `text`; a missing required column is a rejection of line 1.
    static func read(_ text: String, as file: RegistryFile) -> (CSVTable?, [ImportRejection]) {
        var all = CSVText.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard !all.isEmpty else { return (CSVTable(file: file, index: [:], records: []), []) }
        let header = all.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() { index[name] = i }
        let missing = file.columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            return (nil, missing.map { ImportRejection(file: file, line: 1, field: $0, reason: .missingColumn($0), fields: header) })
        }
        return (CSVTable(file: file, index: index, records: all), [])
    }
}

/// One record being parsed: typed field access that records a rejection instead of throwing,
/// so every fault of a row is reported, not just the first.
struct RowReader {
    let table: CSVTable
    let line: Int
    let fields: [String]
    private(set) var rejections: [ImportRejection] = []
    private var shortRow = false

    init(table: CSVTable, line: Int, fields: [String]) {
        self.table = table
        self.line = line
        self.fields = fields
        if fields.count != table.index.count {
            shortRow = true
            rejections.append(
                ImportRejection(
                    file: table.file, line: line, field: nil,
                    reason: .wrongFieldCount(expected: table.index.count, found: fields.count), fields: fields))
        }
    }

    var isValid: Bool { rejections.isEmpty }

    mutating func reject(_ field: String?, _ reason: ImportRejection.Reason) {
        rejections.append(ImportRejection(file: table.file, line: line, field: field, reason: reason, fields: fields))
    }

    /// The trimmed text of a column ("" when the row is short).
    func raw(_ column: String) -> String {
        guard let i = table.index[column], i < fields.count else { return "" }
        let value = fields[i]
        guard value.first == " " || value.last == " " || value.first == "\t" || value.last == "\t" else { return value }
        return value.trimmingCharacters(in: .whitespaces)
    }

    /// A required column's text; empty is a rejection.
    mutating func text(_ column: String) -> String? {
        let value = raw(column)
        if value.isEmpty && !table.file.optionalColumns.contains(column) {
            if !shortRow { reject(column, .emptyField) }  // a short row is reported once, as a whole
            return nil
        }
        return value
    }

    mutating func optionalText(_ column: String) -> String? {
        let value = raw(column)
        return value.isEmpty ? nil : value
    }

    mutating func code<T: CodeListValue>(_ column: String, _ type: T.Type) -> T? {
        guard let value = text(column) else { return nil }
        guard let parsed = T(token: value) else {
            reject(column, .unknownCode(value))
            return nil
        }
        return parsed
    }

    mutating func int(_ column: String) -> Int? {
        guard let value = text(column) else { return nil }
        guard let n = Int(value) else {
            reject(column, .invalidNumber(value))
            return nil
        }
        return n
    }

    mutating func optionalInt(_ column: String) -> Int?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let n = Int(value) else {
            reject(column, .invalidNumber(value))
            return nil
        }
        return .some(n)
    }

    mutating func bool(_ column: String) -> Bool? {
        guard let value = text(column) else { return nil }
        guard let b = CSVBool.parse(value) else {
            reject(column, .unknownCode(value))
            return nil
        }
        return b
    }

    mutating func date(_ column: String) -> CivilDate? {
        guard let value = text(column) else { return nil }
        guard let d = try? CivilDate(value) else {
            reject(column, .invalidDate(value))
            return nil
        }
        return d
    }

    mutating func optionalDate(_ column: String) -> CivilDate?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let d = try? CivilDate(value) else {
            reject(column, .invalidDate(value))
            return nil
        }
        return .some(d)
    }

    mutating func adminCode(_ column: String) -> AdminCode? {
        guard let value = text(column) else { return nil }
        do { return try AdminCode(value) } catch {
            reject(column, .invalidAreaCode(error))
            return nil
        }
    }

    mutating func householdNumber(_ column: String = "household_number") -> HouseholdNumber? {
        guard let value = text(column) else { return nil }
        guard let n = try? HouseholdNumber(value) else {
            reject(column, .invalidHouseholdNumber(value))
            return nil
        }
        return n
    }

    /// An amount in yuan; negative amounts are refused (DQ-009).
    mutating func money(_ column: String) -> Money? {
        guard let value = text(column) else { return nil }
        guard let m = try? Money(yuan: value) else {
            reject(column, .invalidAmount(value))
            return nil
        }
        if m < .zero {
            reject(column, .negativeAmount(m))
            return nil
        }
        return m
    }

    mutating func optionalMoney(_ column: String) -> Money?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let m = try? Money(yuan: value) else {
            reject(column, .invalidAmount(value))
            return nil
        }
        if m < .zero {
            reject(column, .negativeAmount(m))
            return nil
        }
        return .some(m)
    }
}
