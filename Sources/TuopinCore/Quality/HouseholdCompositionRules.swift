/// Who a household is made of (DQ-006): never two heads at once; a household still on the roll
/// has at least one current member and exactly one current head — when its head has left,
/// someone must have become head.
public enum HouseholdCompositionRules {
    public static let oneHeadAtATime = RuleID("DQ-006.twoHeads")
    public static let currentMember = RuleID("DQ-006.noMember")
    public static let currentHead = RuleID("DQ-006.noHead")
    public static let headLeft = RuleID("DQ-006.headLeft")

    /// `onRoll`: the household's latest status is on the roll (not removed or closed).
    public static func evaluate(_ memberships: [Membership], onRoll: Bool) -> Decision {
        var checks: [Check] = []
        let heads = memberships.filter { $0.relation == .head }.sorted { $0.from < $1.from }
        var overlap: CivilDate? = nil
        for (i, a) in heads.enumerated() {
            for b in heads[(i + 1)...] where a.to.map { b.from < $0 } ?? true {
                overlap = b.from
                break
            }
            if overlap != nil { break }
        }
        checks.append(Check(oneHeadAtATime, passed: overlap == nil, values: [ReasonValue("date", overlap.map { .date($0) } ?? .missing)]))
        if onRoll {
            let current = memberships.filter { $0.to == nil }
            checks.append(Check(currentMember, passed: !current.isEmpty))
            if !current.isEmpty {
                let currentHeads = current.filter { $0.relation == .head }.count
                if currentHeads == 0 && !heads.isEmpty {
                    checks.append(Check(headLeft, passed: false, values: [ReasonValue("date", heads.last?.to.map { .date($0) } ?? .missing)]))
                } else {
                    checks.append(Check(currentHead, passed: currentHeads == 1, values: [ReasonValue("count", .count(Int64(currentHeads)))]))
                }
            }
        }
        return Decision(checks: checks)
    }
}
