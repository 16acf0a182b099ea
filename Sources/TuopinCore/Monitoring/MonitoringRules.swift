/// The guards of the monitoring state machine, each a check with the values that decided it.
/// Their ids key the string tables (`monitor.notice.days.fail`).
public enum MonitoringRules {
    public static let state = RuleID("monitor.state")
    public static let stepOrder = RuleID("monitor.stepOrder")
    public static let consent = RuleID("monitor.consent")
    public static let noticeGiven = RuleID("monitor.notice.given")
    public static let noticeDays = RuleID("DQ-041")
    public static let noticeEnded = RuleID("monitor.notice.ended")
    public static let objections = RuleID("monitor.notice.objections")
    public static let category = RuleID("monitor.category")
    public static let risks = RuleID("DQ-039")
    public static let level = RuleID("monitor.level")
    public static let greenChannel = RuleID("monitor.greenChannel")
    public static let safetyNet = RuleID("DQ-036")

    /// The action is one the state allows.
    static func state(_ state: MonitoringState, allows: Bool) -> Check {
        Check(Self.state, passed: allows, values: [ReasonValue("state", .label(state.label))])
    }

    /// A step is not dated before the step before it.
    static func order(_ date: CivilDate, after last: CivilDate) -> Check {
        Check(stepOrder, passed: date >= last, values: [ReasonValue("date", .date(date)), ReasonValue("previous", .date(last))])
    }

    /// 1 to 5 risks, none twice.
    static func riskCount(_ risks: [RiskType]) -> Check {
        Check(
            Self.risks, passed: (1...MonitoringCase.maximumRisks).contains(risks.count) && Set(risks).count == risks.count,
            values: [ReasonValue("count", .count(Int64(risks.count))), ReasonValue("maximum", .count(Int64(MonitoringCase.maximumRisks)))])
    }

    /// The checks of a notice: given, long enough, over by the step's date, objections answered.
    static func notice(_ notice: NoticePeriod?, required: Int, completedOn date: CivilDate, objectionsResolved: Bool) -> [Check] {
        guard let notice else { return [Check(noticeGiven, passed: false)] }
        return [
            Check(
                noticeDays, passed: notice.days >= required,
                values: [ReasonValue("days", .count(Int64(notice.days))), ReasonValue("required", .count(Int64(required)))]),
            Check(noticeEnded, passed: notice.to <= date, values: [ReasonValue("to", .date(notice.to)), ReasonValue("date", .date(date))]),
            Check(objections, passed: objectionsResolved),
        ]
    }
}
