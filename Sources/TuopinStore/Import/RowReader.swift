import TuopinCore

/// One record being parsed: typed field access that records a rejection instead of throwing,
/// so every fault of a row is reported, not just the first. It parses fields only; the rules a
/// row or a household must meet are Core's (`IdentityRules`, `MemberRules` …).
struct RowReader {
    let header: ImportHeader
    let line: Int
    let fields: [String]
    /// Every field can be used as read (see `CSVReader.Record.plain`).
    let plain: Bool
    private(set) var rejections: [ImportRejection] = []
    private var shortRow = false

    /// Columns of free text: they may hold line breaks, and export protects a leading `=`, `+`,
    /// `-`, `@` with an apostrophe (spreadsheets would run them as formulas), which import removes.
    static let freeText: Set<String> = ["name", "document", "note", "phone", "bank_account", "relocation_site", "name_zh", "name_en"]
    static let multiline: Set<String> = ["document", "note"]

    init(header: ImportHeader, line: Int, fields: [String], plain: Bool = false) {
        self.header = header
        self.line = line
        self.fields = fields
        self.plain = plain
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

    /// Records a fault of the row; the same fault of the same field, found again by a second
    /// read of the column, is recorded once.
    mutating func reject(_ field: String?, _ reason: ImportRejection.Reason) {
        if rejections.contains(where: { $0.field == field && $0.reason == reason }) { return }
        rejections.append(ImportRejection(file: header.file, line: line, field: field, reason: reason, fields: fields))
    }

    /// Records every failed check of a Core decision, on the column `field` names for it.
    mutating func apply(_ decision: Decision, field: (Check) -> String?) {
        for check in decision.failedChecks { reject(field(check), .rule(check)) }
    }

    /// The trimmed text of a column ("" when the row is short), checked for control characters
    /// and, in free-text columns, with a protective apostrophe removed. Works on the bytes: the
    /// characters it looks for are all ASCII.
    mutating func raw(_ column: ImportColumn) -> String {
        let i = column.position
        guard i >= 0, i < fields.count else { return "" }
        if plain { return fields[i] }
        var value = fields[i]
        guard let first = value.utf8.first, let last = value.utf8.last else { return "" }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 {
            value = value.trimmingCharacters(in: .whitespaces)
        }
        for b in value.utf8 where b < 0x20 || b == 0x7F {
            if column.multiline && (b == 0x0A || b == 0x0D || b == 0x09) { continue }
            reject(column.name, .controlCharacter(UInt32(b)))
            return ""
        }
        if column.freeText { value = CSVText.restored(value) }
        return value
    }

    /// The raw text of a column by name (for the few places that read a field before parsing).
    mutating func raw(_ name: String) -> String { raw(header.column(name)) }

    /// A required column's text; empty is a rejection.
    mutating func text(_ column: ImportColumn) -> String? {
        let value = raw(column)
        if value.isEmpty && !column.optional {
            if !shortRow && !rejections.contains(where: { $0.field == column.name }) { reject(column.name, .emptyField) }
            return nil
        }
        return value.isEmpty ? nil : value
    }

    mutating func optionalText(_ column: ImportColumn) -> String? {
        let value = raw(column)
        return value.isEmpty ? nil : value
    }

    /// Free text with a maximum length in characters.
    mutating func text(_ column: ImportColumn, maximum: Int) -> String? {
        guard let value = text(column) else { return nil }
        // Characters are never more than bytes: most values need no counting.
        guard value.utf8.count <= maximum || value.count <= maximum else {
            reject(column.name, .tooLong(count: value.count, maximum: maximum))
            return nil
        }
        return value
    }

    mutating func code<T: CodeListValue>(_ column: ImportColumn, _ type: T.Type) -> T? {
        guard let value = text(column) else { return nil }
        guard let parsed = T(token: value) else {
            reject(column.name, .unknownCode(String(value.prefix(40))))
            return nil
        }
        return parsed
    }

    mutating func int(_ column: ImportColumn) -> Int? {
        guard let value = text(column) else { return nil }
        guard let n = Self.plainInt(value) else {
            reject(column.name, .invalidNumber(String(value.prefix(40))))
            return nil
        }
        return n
    }

    /// An integer as the format writes it: plain ASCII digits, a minus sign allowed (so that a
    /// range rule can name a negative value), no plus sign, at most 12 characters.
    static func plainInt(_ value: String) -> Int? {
        guard value.utf8.count <= 12, value.utf8.first != UInt8(ascii: "+") else { return nil }
        return Int(value)
    }

    mutating func optionalInt(_ column: ImportColumn) -> Int?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let n = Self.plainInt(value) else {
            reject(column.name, .invalidNumber(String(value.prefix(40))))
            return nil
        }
        return .some(n)
    }

    mutating func bool(_ column: ImportColumn) -> Bool? {
        guard let value = text(column) else { return nil }
        guard let b = CSVBool.parse(value) else {
            reject(column.name, .unknownCode(String(value.prefix(40))))
            return nil
        }
        return b
    }

    mutating func date(_ column: ImportColumn) -> CivilDate? {
        guard let value = text(column) else { return nil }
        guard let d = try? CivilDate(value) else {
            reject(column.name, .invalidDate(String(value.prefix(40))))
            return nil
        }
        return d
    }

    mutating func optionalDate(_ column: ImportColumn) -> CivilDate?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let d = try? CivilDate(value) else {
            reject(column.name, .invalidDate(String(value.prefix(40))))
            return nil
        }
        return .some(d)
    }

    mutating func adminCode(_ column: ImportColumn) -> AdminCode? {
        guard let value = text(column) else { return nil }
        do { return try AdminCode(value) } catch {
            reject(column.name, .invalidAreaCode(error))
            return nil
        }
    }

    mutating func householdNumber(_ column: ImportColumn) -> HouseholdNumber? {
        guard let value = text(column) else { return nil }
        guard let n = try? HouseholdNumber(value) else {
            reject(column.name, .invalidHouseholdNumber(String(value.prefix(40))))
            return nil
        }
        return n
    }

    /// An amount in yuan (its range is a rule of Core).
    mutating func money(_ column: ImportColumn) -> Money? {
        guard let value = text(column) else { return nil }
        guard let m = try? Money(yuan: value) else {
            reject(column.name, .invalidAmount(String(value.prefix(40))))
            return nil
        }
        return m
    }

    mutating func optionalMoney(_ column: ImportColumn) -> Money?? {
        guard let value = optionalText(column) else { return .some(nil) }
        guard let m = try? Money(yuan: value) else {
            reject(column.name, .invalidAmount(String(value.prefix(40))))
            return nil
        }
        return .some(m)
    }
}
