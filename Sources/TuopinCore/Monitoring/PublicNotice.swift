/// A village notice (公示) of the households proposed for monitoring or for risk elimination
/// (REFERENCE §3.8): in the village only, for the template's days. It carries the head's name,
/// the household's size and the proposed category — never an ID number, a phone number, a bank
/// account or anything about health (so not the risks either: 因病 is health information).
public struct PublicNotice: Hashable, Sendable {
    public var village: AdminCode
    public var villageName: String
    public var purpose: WorkflowTemplate.Purpose
    public var from: CivilDate
    public var to: CivilDate
    public var entries: [Entry]

    public struct Entry: Hashable, Sendable {
        public var headName: String
        public var householdSize: Int
        /// The proposed category (identification only).
        public var category: MonitoringCategory?

        public init(headName: String, householdSize: Int, category: MonitoringCategory?) {
            self.headName = headName
            self.householdSize = householdSize
            self.category = category
        }
    }

    public init(village: AdminCode, villageName: String, purpose: WorkflowTemplate.Purpose, from: CivilDate, to: CivilDate, entries: [Entry]) {
        self.village = village
        self.villageName = villageName
        self.purpose = purpose
        self.from = from
        self.to = to
        self.entries = entries
    }
}

/// DQ-015 over a notice's text as printed: no 18-character ID number, no mobile phone number,
/// no run of 12 or more digits (a bank account), no health word.
public enum PublicNoticeRules {
    public static let privateData = RuleID("DQ-015")
    static let healthWords = ["因病", "大病", "慢性病", "残疾", "疾病", "患病", "病"]

    public static func evaluate(_ text: String) -> Decision {
        var found: [String] = []
        var run = 0, runStart: String.Index? = nil
        for i in text.indices {
            if text[i].isASCII && (text[i].isNumber || (text[i] == "X" && run == 17)) {
                if run == 0 { runStart = i }
                run += 1
            } else {
                if run >= 11, let s = runStart { found.append(String(text[s..<i])) }
                run = 0
            }
        }
        if run >= 11, let s = runStart { found.append(String(text[s...])) }
        let digits = found.filter { $0.count >= 11 }
        let health = healthWords.filter { text.contains($0) }
        return Decision(checks: [
            Check(
                privateData, passed: digits.isEmpty && health.isEmpty,
                values: [
                    ReasonValue(
                        "found",
                        .label(
                            digits.isEmpty
                                ? Label(health.joined(separator: "、"), health.joined(separator: ", ")) : Label("长数字串", "a long run of digits")))
                ])
        ])
    }
}
