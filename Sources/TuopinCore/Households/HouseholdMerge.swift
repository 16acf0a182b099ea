/// 合户: every member of one household joins another of the same county, and the first closes
/// (a natural change of the annual adjustment, REFERENCE §3.11).
///
/// The rule: both households must have the same enrolment. Either both are on the roll
/// (建档立卡户, poor or exited), or neither is (an ordinary household, 一般农户, with no status
/// events, known to the registry only as monitored). Merging across that line would hand an
/// enrolment's support to people never identified, or take it from people never removed: the
/// pattern of red line RL-07 (a household split or merged to obtain support). Such a change
/// needs the identification procedure or a removal, not a natural change.
///
/// ```swift
/// HouseholdMerge.evaluate(from: .notExited, into: .exitedWithPolicies).passed  // true: both enrolled
/// HouseholdMerge.evaluate(from: nil, into: .notExited).passed                 // false
/// ```
public enum HouseholdMerge {
    public static let sameEnrolment = RuleID("merge.sameEnrolment")

    /// `from` and `into` are the two households' current statuses (nil: never enrolled).
    public static func evaluate(from: PovertyStatus?, into: PovertyStatus?) -> Decision {
        Decision(checks: [
            Check(
                sameEnrolment, passed: (from != nil) == (into != nil),
                values: [ReasonValue("from", enrolment(from)), ReasonValue("into", enrolment(into))])
        ])
    }

    /// 建档立卡户 (with its status) or 一般农户.
    static func enrolment(_ status: PovertyStatus?) -> ReasonValue.Value {
        .label(status?.label ?? HouseholdType.ordinaryHousehold.label)
    }
}
