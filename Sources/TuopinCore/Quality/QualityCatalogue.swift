/// The data-quality catalogue of REFERENCE §3.13: each rule's id, version, severity, what it
/// looks at, the years it applies to and where it is enforced. The wording (Chinese and English)
/// is in the string tables under `dq.<id>` (the rule's title) and the check ids (`DQ-005.child`).
public struct QualityRule: Hashable, Sendable {
    public let id: String
    public let version: Int
    public let severity: Severity
    public let subject: Subject
    /// The first and last year the rule applies to (nil: no bound).
    public let validFrom: Int?
    public let validTo: Int?
    public let enforcement: Enforcement

    public enum Severity: String, CodeListValue, Codable {
        case error
        case warning

        public var label: Label {
            switch self {
            case .error: Label("错误", "error")
            case .warning: Label("提醒", "warning")
            }
        }
    }

    public enum Subject: String, Sendable, Codable {
        case member, household, income, monitoringCase, measure, notice
    }

    /// Where the rule is applied.
    public enum Enforcement: String, Sendable, Codable {
        /// At entry (import and forms refuse it) and again by `tuopin check` over stored rows.
        case entryAndCheck
        /// By `tuopin check` over stored rows.
        case check
        /// At entry only: the stored form cannot hold the fault (a derived total, a notice export).
        case entry
        /// Needs facts not stored yet (yearly living conditions, work records, …).
        case notYet
    }
}

public enum QualityCatalogue {
    static func rule(
        _ id: String, _ severity: QualityRule.Severity, _ subject: QualityRule.Subject, _ enforcement: QualityRule.Enforcement, from: Int? = nil
    ) -> QualityRule {
        QualityRule(id: id, version: 1, severity: severity, subject: subject, validFrom: from, validTo: nil, enforcement: enforcement)
    }

    public static let rules: [QualityRule] = [
        rule("DQ-001", .error, .member, .entryAndCheck), rule("DQ-002", .error, .member, .entryAndCheck),
        rule("DQ-003", .error, .member, .entryAndCheck), rule("DQ-004", .warning, .member, .check),
        rule("DQ-005", .warning, .member, .check), rule("DQ-006", .error, .household, .entryAndCheck),
        rule("DQ-007", .error, .member, .entryAndCheck), rule("DQ-008", .error, .income, .entry),
        rule("DQ-009", .error, .income, .entryAndCheck), rule("DQ-010", .error, .household, .entryAndCheck),
        rule("DQ-011", .error, .household, .check), rule("DQ-012", .error, .income, .check),
        rule("DQ-013", .error, .household, .entry), rule("DQ-014", .error, .household, .entry),
        rule("DQ-015", .error, .notice, .entry), rule("DQ-016", .warning, .member, .check),
        rule("DQ-017", .warning, .monitoringCase, .notYet, from: 2021), rule("DQ-018", .warning, .household, .notYet),
        rule("DQ-019", .error, .monitoringCase, .check, from: 2021), rule("DQ-020", .error, .monitoringCase, .check, from: 2021),
        rule("DQ-021", .error, .monitoringCase, .notYet, from: 2021), rule("DQ-022", .error, .monitoringCase, .check, from: 2021),
        rule("DQ-023", .error, .monitoringCase, .check, from: 2021), rule("DQ-024", .error, .monitoringCase, .check, from: 2021),
        rule("DQ-025", .warning, .monitoringCase, .notYet, from: 2021), rule("DQ-026", .warning, .monitoringCase, .check, from: 2021),
        rule("DQ-027", .error, .monitoringCase, .notYet, from: 2021), rule("DQ-028", .warning, .monitoringCase, .check, from: 2021),
        rule("DQ-029", .warning, .monitoringCase, .check, from: 2021), rule("DQ-030", .error, .monitoringCase, .notYet, from: 2021),
        rule("DQ-031", .error, .measure, .notYet), rule("DQ-032", .error, .member, .check),
        rule("DQ-033", .warning, .member, .check), rule("DQ-034", .error, .member, .notYet),
        rule("DQ-035", .warning, .measure, .notYet), rule("DQ-036", .error, .monitoringCase, .entryAndCheck, from: 2021),
        rule("DQ-037", .error, .monitoringCase, .check, from: 2021), rule("DQ-038", .warning, .monitoringCase, .notYet, from: 2021),
        rule("DQ-039", .error, .monitoringCase, .entry, from: 2021), rule("DQ-040", .warning, .monitoringCase, .check, from: 2021),
        rule("DQ-041", .error, .notice, .entryAndCheck, from: 2021), rule("DQ-042", .warning, .monitoringCase, .check, from: 2021),
        rule("DQ-043", .warning, .household, .notYet), rule("DQ-044", .warning, .measure, .check),
    ]

    public static func rule(_ id: String) -> QualityRule? { rules.first { $0.id == id } }

    /// The catalogue id of a check's rule (`DQ-005.child` → `DQ-005`), if it is a DQ rule.
    public static func id(of rule: RuleID) -> String? {
        let text = rule.rawValue
        guard text.hasPrefix("DQ-"), text.count >= 6 else { return nil }
        return String(text.prefix(6))
    }
}
