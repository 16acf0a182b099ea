import Foundation

/// RFC 4180 CSV text: fields quoted when they hold a comma, quote or line break.
public enum CSVText {
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

    /// Characters that make a spreadsheet read a cell as a formula (and `'`, so that protecting
    /// stays reversible).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// Free text protected for spreadsheets: a leading formula character gets an apostrophe
    /// (`=1+1` → `'=1+1`), which `restored` takes off again, so a round trip stays exact.
    public static func neutralized(_ value: String) -> String {
        guard let first = value.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    /// The text as it was before `neutralized`.
    public static func restored(_ value: String) -> String {
        guard value.first == "'", let second = value.dropFirst().first, formulaStarts.contains(second) else { return value }
        return String(value.dropFirst())
    }

    /// Splits CSV text into records of fields, honouring quotes (a quoted field may span lines).
    /// Returns each record with the 1-based line number it starts on; blank lines are skipped.
    public static func records(_ text: String) -> [(line: Int, fields: [String])] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, quoted = false
        var line = 1, recordLine = 1
        var utf8 = Array(text.utf8)
        utf8.append(newline)  // a final line without a line break still ends its record
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        while i < utf8.count {
            let b = utf8[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < utf8.count && utf8[i + 1] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == newline { line += 1 }
                    field.append(b)
                }
            } else {
                switch b {
                case quote:
                    inQuotes = true
                    quoted = true
                case comma: endField()
                case cr: break
                case newline:
                    let blank = fields.isEmpty && field.isEmpty && !quoted
                    endField()
                    if !blank { records.append((recordLine, fields)) }
                    fields.removeAll(keepingCapacity: true)
                    line += 1
                    recordLine = line
                default: field.append(b)
                }
            }
            i += 1
        }
        return records
    }
}
