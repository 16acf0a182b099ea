/// The data-quality rules about a monitoring case (REFERENCE §3.13), over the case, its
/// household's current members and its measures. Failed checks only.
public enum CaseQualityRules {
    public static let safetyNetNotMarked = RuleID("DQ-019")
    public static let employmentWithoutLabour = RuleID("DQ-020")
    public static let waterWithoutMeasure = RuleID("DQ-022")
    public static let illnessWithoutMeasure = RuleID("DQ-023")
    public static let schoolingWithoutMeasure = RuleID("DQ-024")
    public static let illnessWithoutIll = RuleID("DQ-026")
    public static let noDevelopmentMeasure = RuleID("DQ-028")
    public static let eliminatedTooSoon = RuleID("DQ-029")
    public static let safetyNetEliminated = RuleID("DQ-036")
    public static let categoryType = RuleID("DQ-037")

    public static func findings(_ c: MonitoringCase, members: [Member], measures: [AssistanceMeasure], statusNow: PovertyStatus?) -> [Check] {
        var found: [Check] = []
        let noneCanWork = !members.isEmpty && members.allSatisfy { $0.labourCapacity == .none || $0.labourCapacity == .lost }
        let kinds = Set(measures.map(\.kind))
        func has(_ categories: [MeasureCategory], _ headings: [MeasureHeading] = []) -> Bool {
            categories.contains { kinds.contains(.category($0)) } || headings.contains { kinds.contains(.heading($0)) }
        }
        let eliminated: Bool = if case .riskEliminated = c.state { true } else { false }
        let byAssistance = c.state == .riskEliminated(.byAssistance)
        if !eliminated && !c.state.isClosed && noneCanWork && members.contains(where: \.receivesDibao) && members.contains(where: \.receivesTekun)
            && !c.noLabourSafetyNet
        {
            found.append(Check(safetyNetNotMarked, passed: false))
        }
        if c.risks.contains(.unstableEmployment) && noneCanWork { found.append(Check(employmentWithoutLabour, passed: false)) }
        if c.risks.contains(.drinkingWater) && !has([.waterSafety]) { found.append(Check(waterWithoutMeasure, passed: false)) }
        if byAssistance && c.risks.contains(.illness) && !has([.health, .socialAssistance, .comprehensiveProtection], [.health, .medicalAssistance]) {
            found.append(Check(illnessWithoutMeasure, passed: false))
        }
        if byAssistance && c.risks.contains(.schooling) && !has([.compulsoryEducation, .otherEducation, .socialAssistance], [.education]) {
            found.append(Check(schoolingWithoutMeasure, passed: false))
        }
        let ill: Set<HealthCondition> = [.chronicIllness, .seriousIllness, .disabled]
        if c.risks.contains(.illness) && !members.isEmpty && !members.contains(where: { !$0.health.isDisjoint(with: ill) }) {
            found.append(Check(illnessWithoutIll, passed: false))
        }
        if byAssistance && !measures.contains(where: \.kind.isDevelopment) { found.append(Check(noDevelopmentMeasure, passed: false)) }
        if eliminated, let identified = c.identifiedOn, let closed = c.closedOn {
            let months = (closed.year - identified.year) * 12 + closed.month - identified.month
            if months <= 1 {
                found.append(
                    Check(
                        eliminatedTooSoon, passed: false,
                        values: [ReasonValue("identified", .date(identified)), ReasonValue("eliminated", .date(closed))]))
            }
        }
        if eliminated && c.noLabourSafetyNet { found.append(Check(safetyNetEliminated, passed: false)) }
        if let category = c.category, let statusNow {
            let exited = statusNow == .exitedWithPolicies || statusNow == .exitedWithoutPolicies
            let fits = category == .suddenHardship || (category == .unstableExited) == exited
            if !fits {
                found.append(
                    Check(categoryType, passed: false, values: [ReasonValue("category", .code(category)), ReasonValue("status", .code(statusNow))]))
            }
        }
        return found
    }
}
