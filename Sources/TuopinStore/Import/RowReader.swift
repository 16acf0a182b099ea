import TuopinCore

/// One record being parsed: typed field access that records a rejection instead of throwing,
/// so every fault of a row is reported, not just the first. It parses fields only; the rules a
/// row or a household must meet are Core's (`IdentityRules`, `MemberRules` …).
struct RowReader {
    let header: ImportHeader
    let line: Int
    let fields: [String]
    private(set) var rejections: [ImportRejection] = []
    private var shortRow = false

    /// Columns of free text: they may hold line breaks, and export protects a leading `=`, `+`,
    /// `-`, `@` with an apostrophe (spreadsheets would run them as formulas), which import removes.
    static let freeText: Set<String> = ["name", "document", "note", "phone", "bank_account"]
    static let multiline: Set<String> = ["document", "note"]

    init(header: ImportHeader, line: Int, fields: [String]) {
        self.header = header
        self.line = line
        self.fields = fields
        if fields.count != header.count {
            shortRow = true
            rejections.append(
                ImportRejection(
                    file: header.file, line: line, field: nil,
                    reason: .wrongFieldCount(expected: header.count, found: fields.count), fields: fields))
        }
    }

    var file: RegistryFile { header.file }
    var isValid: Bool { rejections.isEmpty }

    mutating func reject(_ field: String?, _ reason: ImportRejection.Reason) {
        rejections.append(ImportRejection(file: header.file, line: line, field: field, reason: reason, fields: fields))
    }

    /// Records every failed check of a Core decision, on the column `field` names for it.
    mutating func apply(_ decision: Decision, field: (Check) -> String?) {
        for check in decision.failedChecks { reject(field(check), .rule(check)) }
    }

    /// The trimmed text of a column ("" when the row is short), checked for control characters
    /// and, in free-text columns, with a protective apostrophe removed.
    mutating func raw(_ column: String) -> String {
        guard let i = header.index[column], i < fields.count else { return "" }
        var value = fields[i]
        if value.first == " " || value.last == " " || value.first == "\t" || value.last == "\t" {
            value = value.trimmingCharacters(in: .whitespaces)
        }
        let allowsLineBreaks = Self.multiline.contains(column)
        if let bad = value.unicodeScalars.first(where: {
            ($0.value < 0x20 && !(allowsLineBreaks && ($0 == "\n" || $0 == "\r" || $0 == "\t"))) || $0.value == 0x7F
        }) {
            reject(column, .controlCharacter(bad.value))
            return ""
        }
        if Self.freeText.contains(column) { value = CSVText.restored(value) }
        return value
    }

    /// A required column's text; empty is a rejection.
    mutating func text(_ column: String) -> String? {
        let value = raw(column)
        if value.isEmpty && !header.file.optionalColumns.contains(column) {
            if !shortRow && !rejections.contains(where: { $0.field == column }) { reject(column, .emptyField) }
            return nil
        }
        return value.isEmpty ? nil : value
    }

    mutating func optionalText(_ column: String) -> String? {
        let value = raw(column)
        return value.isEmpty ? nil : value
    }

    /// Free text with a maximum length in characters.
    mutating func text(_ column: String, maximum: Int) -> String? {
        guard let value = text(column) else { return nil }
        guard value.count <= maximum else {
            reject(column, .tooLong(count: value.count, maximum: maximum))
            return nil
        }
        return value
    }

    mutating func code<T: CodeListValue>(_ column: String, _ type: T.Type) -> T? {
        guard let value = text(column) else { return nil }
        guard let parsed = T(token: value) else {
            reject(column, .unknownCode(String(value.prefix(40))))
            return nil
        }
        return parsed
    }

    mutating func int(_ column: String) -> Int? {
        guard let value = text(column) else { return nil }
        guard value.count <= 12, let n = Int(value) else {
            reject(column, .invalidNumber(String(value.prefix(40))))
            return nil
        }
        return n
    }

    mutating func optionalInt(_ column: String) -> Int?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard value.count <= 12, let n = Int(value) else {
            reject(column, .invalidNumber(String(value.prefix(40))))
            return nil
        }
        return .some(n)
    }

    mutating func bool(_ column: String) -> Bool? {
        guard let value = text(column) else { return nil }
        guard let b = CSVBool.parse(value) else {
            reject(column, .unknownCode(String(value.prefix(40))))
            return nil
        }
        return b
    }

    mutating func date(_ column: String) -> CivilDate? {
        guard let value = text(column) else { return nil }
        guard let d = try? CivilDate(value) else {
            reject(column, .invalidDate(String(value.prefix(40))))
            return nil
        }
        return d
    }

    mutating func optionalDate(_ column: String) -> CivilDate?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let d = try? CivilDate(value) else {
            reject(column, .invalidDate(String(value.prefix(40))))
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
            reject(column, .invalidHouseholdNumber(String(value.prefix(40))))
            return nil
        }
        return n
    }

    /// An amount in yuan (its range is a rule of Core).
    mutating func money(_ column: String) -> Money? {
        guard let value = text(column) else { return nil }
        guard let m = try? Money(yuan: value) else {
            reject(column, .invalidAmount(String(value.prefix(40))))
            return nil
        }
        return m
    }

    mutating func optionalMoney(_ column: String) -> Money?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let m = try? Money(yuan: value) else {
            reject(column, .invalidAmount(String(value.prefix(40))))
            return nil
        }
        return .some(m)
    }
}
