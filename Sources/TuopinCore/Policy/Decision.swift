/// The outcome of a rule: yes or no, and every check that decided it with the values it used.
///
/// Rules never return a bare `Bool`. The UI, the CLI and the API show `checks`, worded through
/// the string tables under each check's `rule` id ("人均纯收入 3,812.50 < 扶贫标准 4,000.00 (2020)").
///
/// ```swift
/// let decision = HouseholdExit.evaluate(facts, lines: lines, rule: .reference)
/// decision.passed                 // false
/// decision.failedChecks.map(\.rule) // [.exitIncomeAboveLine]
/// ```
public struct Decision: Hashable, Sendable, Codable {
    public let checks: [Check]

    public init(checks: [Check]) { self.checks = checks }

    /// True when every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) }

    public var failedChecks: [Check] { checks.filter { !$0.passed } }

    enum CodingKeys: String, CodingKey { case passed, checks }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(passed, forKey: .passed)
        try c.encode(checks, forKey: .checks)
    }

    public init(from decoder: any Decoder) throws {
        checks = try decoder.container(keyedBy: CodingKeys.self).decode([Check].self, forKey: .checks)
    }
}

/// One test inside a decision: which rule, whether it passed, and the values that decided it.
public struct Check: Hashable, Sendable, Codable {
    public let rule: RuleID
    public let passed: Bool
    public let values: [ReasonValue]

    public init(_ rule: RuleID, passed: Bool, values: [ReasonValue] = []) {
        self.rule = rule
        self.passed = passed
        self.values = values
    }

    /// The value named `name`, if the check recorded it.
    public subscript(name: String) -> ReasonValue.Value? { values.first { $0.name == name }?.value }
}

/// The stable id of a rule, also its key in the string tables (`exit.E1`).
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A named value a check used: an amount, a year, a count, a percentage, a relation.
public struct ReasonValue: Hashable, Sendable, Codable {
    public let name: String
    public let value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    public enum Value: Hashable, Sendable {
        case money(Money)
        case count(Int64)
        case year(Int)
        case date(CivilDate)
        case decimal(FixedDecimal)
        case flag(Bool)
        /// How two numbers compare: `<`, `=`, `>` (for "3,812.50 < 4,000.00").
        case relation(String)
        case token(String)
        /// A code-list value, worded in the reader's language.
        case label(Label)
        case missing
    }

    enum CodingKeys: String, CodingKey { case name, kind, value }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        switch value {
        case .money(let m):
            try c.encode("money", forKey: .kind)
            try c.encode(m.yuanText, forKey: .value)
        case .count(let n):
            try c.encode("count", forKey: .kind)
            try c.encode(n, forKey: .value)
        case .year(let y):
            try c.encode("year", forKey: .kind)
            try c.encode(y, forKey: .value)
        case .date(let d):
            try c.encode("date", forKey: .kind)
            try c.encode(d.description, forKey: .value)
        case .decimal(let d):
            try c.encode("decimal", forKey: .kind)
            try c.encode(d.text, forKey: .value)
        case .flag(let b):
            try c.encode("flag", forKey: .kind)
            try c.encode(b, forKey: .value)
        case .relation(let r):
            try c.encode("relation", forKey: .kind)
            try c.encode(r, forKey: .value)
        case .token(let t):
            try c.encode("token", forKey: .kind)
            try c.encode(t, forKey: .value)
        case .label(let l):
            try c.encode("label", forKey: .kind)
            try c.encode(l, forKey: .value)
        case .missing: try c.encode("missing", forKey: .kind)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        switch try c.decode(String.self, forKey: .kind) {
        case "money": value = .money(try Money(yuan: c.decode(String.self, forKey: .value)))
        case "count": value = .count(try c.decode(Int64.self, forKey: .value))
        case "year": value = .year(try c.decode(Int.self, forKey: .value))
        case "date": value = .date(try CivilDate(c.decode(String.self, forKey: .value)))
        case "decimal": value = .decimal(try FixedDecimal(c.decode(String.self, forKey: .value)))
        case "flag": value = .flag(try c.decode(Bool.self, forKey: .value))
        case "relation": value = .relation(try c.decode(String.self, forKey: .value))
        case "token": value = .token(try c.decode(String.self, forKey: .value))
        case "label": value = .label(try c.decode(Label.self, forKey: .value))
        case "missing": value = .missing
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown reason value kind \(other)")
        }
    }
}

extension ReasonValue.Value {
    /// The relation symbol between two comparable values.
    public static func relation<T: Comparable>(_ a: T, _ b: T) -> ReasonValue.Value {
        .relation(a < b ? "<" : (a == b ? "=" : ">"))
    }

    /// A code-list value's label.
    public static func code(_ value: some CodeListValue) -> ReasonValue.Value { .label(value.label) }
}
