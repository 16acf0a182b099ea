import TuopinCore

/// One language's string table: every message a user sees comes from
/// `Resources/i18n/<lang>.json` (edited there, a key in both languages), never from code.
/// Placeholders are `{name}`; the tables load at start-up, so a missing one fails the boot.
public struct Localizer: Sendable {
    public let language: Language
    let table: [String: String]

    init(language: Language, table: [String: String]) {
        self.language = language
        self.table = table
    }

    /// One language's table (tests and tools; the application loads `StringTables` once).
    public static func load(_ language: Language) throws -> Localizer { try StringTables.load()[language] }

    /// The message for `key` with `{name}` placeholders filled. An unknown key shows itself,
    /// so a gap is visible but never crashes.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var message = table[key] ?? key
        for (name, value) in arguments { message = message.replacingOccurrences(of: "{\(name)}", with: value) }
        return message
    }

    /// A code-list label in this language.
    public func label(_ label: Label) -> String { language == .zh ? label.zh : label.en }

    /// A count with thousands separators: 43172 → "43,172".
    public func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A reason value as people read it.
    public func format(_ value: ReasonValue.Value) -> String {
        switch value {
        case .money(let m): m.formatted
        case .count(let n): count(Int(n))
        case .year(let y): String(y)
        case .date(let d): d.description
        case .decimal(let d): d.text
        case .flag(let b): text(b ? "value.yes" : "value.no")
        case .relation(let r): r
        case .token(let t): t
        case .label(let l): label(l)
        case .missing: text("value.missing")
        }
    }

    /// A check worded through the table: `<rule>.pass` or `<rule>.fail` with its values.
    ///
    /// A check missing a value its wording needs reads better in words of its own: when the
    /// table has `<rule>.fail.<name>` for the first missing value, that wording is used
    /// (`exit.E1.fail.povertyLine`: there is no line for the year). A placeholder no value
    /// fills reads as "missing", never as `{name}`.
    public func explain(_ check: Check) -> String {
        var arguments: [String: String] = [:]
        for v in check.values { arguments[v.name] = format(v.value) }
        var key = check.rule.rawValue + (check.passed ? ".pass" : ".fail")
        if let missing = check.values.first(where: { $0.value == .missing && table[key + "." + $0.name] != nil }) {
            key += "." + missing.name
        }
        var message = text(key, arguments)
        while let open = message.range(of: "{"), let close = message[open.upperBound...].firstIndex(of: "}"),
            message[open.upperBound..<close].allSatisfy({ $0.isLetter || $0.isNumber })
        {
            message.replaceSubrange(open.lowerBound...close, with: text("value.missing"))
        }
        return message
    }
}
