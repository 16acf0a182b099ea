import Foundation
import TuopinCore

/// A language the system speaks. Chinese is the default.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// `en`, `en-US`, `en_GB.UTF-8` → English; anything else → Chinese.
    public init(tag: String?) {
        self = (tag ?? "").lowercased().hasPrefix("en") ? .en : .zh
    }
}

/// The string tables: every message a user sees comes from `Resources/i18n/<lang>.json`,
/// never from code. Placeholders are `{name}`; a missing key fails start-up, not a request.
public struct Localizer: Sendable {
    public let language: Language
    let table: [String: String]

    public enum LoadError: Error, Equatable, Sendable {
        case missingTable(Language)
        /// A key present in one language and not the other.
        case missingKeys(Language, [String])
    }

    /// Both tables, checked to have the same keys.
    public static func loadAll() throws -> [Language: Localizer] {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/i18n"),
                  let data = try? Data(contentsOf: url),
                  let table = try? JSONDecoder().decode([String: String].self, from: data)
            else { throw LoadError.missingTable(language) }
            tables[language] = table
        }
        let zhKeys = Set(tables[.zh]!.keys), enKeys = Set(tables[.en]!.keys)
        if !zhKeys.subtracting(enKeys).isEmpty { throw LoadError.missingKeys(.en, zhKeys.subtracting(enKeys).sorted()) }
        if !enKeys.subtracting(zhKeys).isEmpty { throw LoadError.missingKeys(.zh, enKeys.subtracting(zhKeys).sorted()) }
        return Dictionary(uniqueKeysWithValues: tables.map { ($0.key, Localizer(language: $0.key, table: $0.value)) })
    }

    public static func load(_ language: Language) throws -> Localizer { try loadAll()[language]! }

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
        case .missing: text("value.missing")
        }
    }

    /// A check worded through the table: `<rule>.pass` or `<rule>.fail` with its values.
    public func explain(_ check: Check) -> String {
        var arguments: [String: String] = [:]
        for v in check.values { arguments[v.name] = format(v.value) }
        return text(check.rule.rawValue + (check.passed ? ".pass" : ".fail"), arguments)
    }
}
