/// 分户: some members of a household form a new household of the same village on a day, a
/// natural change of the annual adjustment (REFERENCE §3.11).
///
/// The new household carries the old one's status on that day: it is identified on the day and,
/// for any other status, corrected (`corrected`) to it the same day. A split is not an exit, a
/// return or an end of policies: no such event is invented, so the year's exits and the rules
/// on them (DQ-011) see only the old household's real history.
///
/// ```swift
/// HouseholdSplit.path(to: .exitedWithPolicies)   // [(.identified, .notExited), (.corrected, .exitedWithPolicies)]
/// HouseholdSplit.path(to: .removedIneligible)    // nil: a removed household does not split
/// ```
public enum HouseholdSplit {
    /// The events, in order, that bring a new household to `status`, with the status each gives;
    /// nil for a status a split cannot carry: removed or closed (the household is off the roll).
    public static func path(to status: PovertyStatus) -> [(kind: StatusEventKind, status: PovertyStatus)]? {
        switch status {
        case .notExited: [(.identified, .notExited)]
        case .exitedWithPolicies, .exitedWithoutPolicies, .returnedToPoverty, .plannedExit: [(.identified, .notExited), (.corrected, status)]
        case .removedIneligible, .naturalClosure: nil
        }
    }

    /// A moving member's relation to the new head, from the relations both had to the old head.
    ///
    /// Where the family tie is clear it is kept: under the old head (who leaves with some of the
    /// family), every relation stays; under a son who becomes head, his wife
    /// (儿媳) is the spouse and his children (孙子/女) are son and daughter; under a daughter, her
    /// husband (女婿) and children (外孙子/女) likewise; under the old head's spouse, the old head's
    /// children stay son and daughter. Anything else becomes `.other` (其他), to be corrected
    /// by a cadre who knows the family.
    ///
    /// ```swift
    /// HouseholdSplit.relation(.daughterInLaw, newHeadWas: .son)  // .spouse
    /// HouseholdSplit.relation(.father, newHeadWas: .son)         // .other
    /// ```
    public static func relation(_ member: RelationToHead, newHeadWas newHead: RelationToHead) -> RelationToHead {
        switch (newHead, member) {
        case (.head, _): member
        case (.son, .daughterInLaw), (.daughter, .sonInLaw): .spouse
        case (.son, .grandson), (.daughter, .daughtersSon), (.spouse, .son): .son
        case (.son, .granddaughter), (.daughter, .daughtersDaughter), (.spouse, .daughter): .daughter
        case (.son, .greatGrandson): .grandson
        case (.son, .greatGranddaughter): .granddaughter
        default: .other
        }
    }
}
