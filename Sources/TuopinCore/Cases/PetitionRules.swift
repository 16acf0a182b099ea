import Foundation

/// The checks on a petition and its steps, each worded with its values.
public enum PetitionRules {
    public static let content = RuleID("petition.content")
    public static let petitioner = RuleID("petition.petitioner")
    public static let deadlineRule = RuleID("petition.deadline")
    public static let notFuture = RuleID("petition.notFuture")
    public static let state = RuleID("petition.state")
    public static let unit = RuleID("petition.unit")
    public static let reply = RuleID("petition.reply")
    public static let note = RuleID("petition.note")
    public static let escalation = RuleID("petition.escalation")
    public static let otherUnit = RuleID("petition.otherUnit")
    public static let assignDeadline = RuleID("petition.assignDeadline")

    public static let maxText = 2000
    public static let maxUnit = 200
    public static let maxName = 50

    /// The checks on a petition as received.
    public static func evaluate(_ p: Petition, today: CivilDate) -> Decision {
        let name = p.petitionerName.trimmingCharacters(in: .whitespacesAndNewlines)
        return Decision(checks: [
            text(content, p.content, max: maxText),
            Check(
                petitioner, passed: name.count <= maxName && p.petitionerPhone.count <= 30,
                values: [ReasonValue("length", .count(Int64(name.count))), ReasonValue("max", .count(Int64(maxName)))]),
            deadline(p.deadline, after: p.receivedOn),
            Check(notFuture, passed: p.receivedOn <= today, values: [ReasonValue("date", .date(p.receivedOn)), ReasonValue("today", .date(today))]),
        ])
    }

    /// Whether a petition in `state` (with the petitioner's view of the reply, if asked) may take `kind`:
    /// a reply is rated once; a dissatisfied view leaves only escalation.
    static func state(_ state: PetitionState, allows kind: PetitionStepKind, satisfaction: Satisfaction? = nil) -> Check {
        let allowed: Bool =
            switch kind {
            case .received: false
            case .assigned: state == .received
            case .replied: state == .assigned
            case .rated: state == .replied && satisfaction == nil
            case .escalated: state != .closed
            }
        return Check(self.state, passed: allowed, values: [ReasonValue("state", .code(state)), ReasonValue("step", .code(kind))])
    }

    static func deadline(_ deadline: CivilDate, after date: CivilDate) -> Check {
        Check(deadlineRule, passed: deadline >= date, values: [ReasonValue("deadline", .date(deadline)), ReasonValue("date", .date(date))])
    }

    static func text(_ rule: RuleID, _ value: String, max: Int, required: Bool = true) -> Check {
        let n = value.trimmingCharacters(in: .whitespacesAndNewlines).count
        return Check(
            rule, passed: (!required || n > 0) && n <= max, values: [ReasonValue("length", .count(Int64(n))), ReasonValue("max", .count(Int64(max)))])
    }
}

/// petitions counted by state, with the overdue, the escalated and the satisfaction of
/// those rated, under any grouping.
public struct PetitionTally: Hashable, Sendable {
    public var total = 0
    public var open = 0
    public var closed = 0
    public var overdue = 0
    public var escalated = 0
    public var rated = 0
    public var satisfied = 0

    public init() {}

    public mutating func add(_ p: Petition, today: CivilDate) {
        total += 1
        if p.state == .closed { closed += 1 } else { open += 1 }
        if p.isOverdue(on: today) { overdue += 1 }
        if p.escalations > 0 { escalated += 1 }
        if let s = p.satisfaction, s.surveyed {
            rated += 1
            if s.approves { satisfied += 1 }
        }
    }

    /// Satisfaction (满意率) of the petitioners asked, in percent; nil when none was.
    public var satisfiedPercent: FixedDecimal? { rated == 0 ? nil : Ratio(satisfied, rated).percent(places: 1) }

    public static func by<Key: Hashable>(_ petitions: [Petition], today: CivilDate, _ key: (Petition) -> Key?) -> [(key: Key, tally: PetitionTally)] {
        var order: [Key] = []
        var tallies: [Key: PetitionTally] = [:]
        for p in petitions {
            guard let k = key(p) else { continue }
            if tallies[k] == nil { order.append(k) }
            tallies[k, default: PetitionTally()].add(p, today: today)
        }
        return order.map { ($0, tallies[$0]!) }
    }
}
