import Foundation

/// The checks on a finding and on each step of its rectification, each worded with its values.
/// A finding needs a description, a responsible unit and a deadline not before it was found; a
/// step follows the state machine, is dated in order and not in the future, and carries its
/// note or evidence. Verification (验收) and closure (销号) are done by a different role, and a
/// different person, from the one that reported the rectification.
public enum FindingRules {
    public static let description = RuleID("finding.description")
    public static let unit = RuleID("finding.unit")
    public static let deadline = RuleID("finding.deadline")
    public static let notFuture = RuleID("finding.notFuture")
    public static let state = RuleID("rectification.state")
    public static let order = RuleID("rectification.order")
    public static let stepNotFuture = RuleID("rectification.notFuture")
    public static let evidence = RuleID("rectification.evidence")
    public static let note = RuleID("rectification.note")
    public static let separation = RuleID("rectification.separation")

    /// The longest description and responsible unit accepted (characters).
    public static let maxDescription = 2000
    public static let maxUnit = 200
    /// The longest note or evidence of a step (characters).
    public static let maxStepText = 2000

    /// The checks on a new finding; `today` is passed in (Core has no clock).
    public static func evaluate(_ f: Finding, today: CivilDate) -> Decision {
        let description = f.description.trimmed
        let unit = f.responsibleUnit.trimmed
        return Decision(checks: [
            Check(
                Self.description, passed: !description.isEmpty && description.count <= maxDescription,
                values: [ReasonValue("length", .count(Int64(description.count))), ReasonValue("max", .count(Int64(maxDescription)))]),
            Check(
                Self.unit, passed: !unit.isEmpty && unit.count <= maxUnit,
                values: [ReasonValue("length", .count(Int64(unit.count))), ReasonValue("max", .count(Int64(maxUnit)))]),
            Check(
                deadline, passed: f.deadline >= f.foundOn,
                values: [ReasonValue("deadline", .date(f.deadline)), ReasonValue("foundOn", .date(f.foundOn))]),
            Check(notFuture, passed: f.foundOn <= today, values: [ReasonValue("foundOn", .date(f.foundOn)), ReasonValue("today", .date(today))]),
        ])
    }

    static func state(_ state: RectificationState, allows kind: RectificationStepKind) -> Check {
        let allowed: Bool =
            switch kind {
            case .recorded: false
            case .progress, .rectified: state == .inProgress
            case .returned, .closed: state == .rectified
            }
        return Check(self.state, passed: allowed, values: [ReasonValue("state", .code(state)), ReasonValue("step", .code(kind))])
    }

    static func dated(_ date: CivilDate, after last: CivilDate, today: CivilDate) -> [Check] {
        [
            Check(order, passed: date >= last, values: [ReasonValue("date", .date(date)), ReasonValue("previousDate", .date(last))]),
            Check(stepNotFuture, passed: date <= today, values: [ReasonValue("date", .date(date)), ReasonValue("today", .date(today))]),
        ]
    }

    static func text(_ rule: RuleID, _ value: String, required: Bool) -> Check {
        let t = value.trimmed
        return Check(
            rule, passed: (!required || !t.isEmpty) && t.count <= maxStepText,
            values: [ReasonValue("length", .count(Int64(t.count))), ReasonValue("max", .count(Int64(maxStepText)))])
    }

    /// The verifier is neither the role nor the person that reported the rectification.
    static func separation(_ f: Finding, verifier: String, role: Role) -> Check {
        Check(
            separation, passed: f.rectifiedRole != role && f.rectifiedBy != verifier,
            values: [
                ReasonValue("verifier", .token(verifier)), ReasonValue("role", .code(role)),
                ReasonValue("rectifier", f.rectifiedBy.map { .token($0) } ?? .missing),
                ReasonValue("rectifierRole", f.rectifiedRole.map { .code($0) } ?? .missing),
            ])
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
