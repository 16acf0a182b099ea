import Foundation

/// The petition's procedure: 受理 → 交办 (a unit, a deadline) → 答复 → 回访评价. A satisfied (or
/// unreachable) petitioner closes it; a dissatisfied one, or a reply overdue, may be escalated
/// (督办升级) to another unit with a new deadline. Each step checks its guard and either changes
/// the petition and returns the step to record, or throws a `PetitionRefusal`.
extension Petition {
    /// 交办: to a unit, with the reply deadline.
    public mutating func assign(
        to unit: String, deadline: CivilDate, on date: CivilDate, by username: String, role: Role, today: CivilDate
    )
        throws(PetitionRefusal) -> PetitionStep
    {
        let s = try step(
            .assigned, on: date, note: unit, by: username, role: role, today: today,
            extra: [
                PetitionRules.text(PetitionRules.unit, unit, max: PetitionRules.maxUnit), PetitionRules.deadline(deadline, after: date),
                // The unit's deadline falls within the one set at receipt: assigning never extends it.
                Check(
                    PetitionRules.assignDeadline, passed: deadline <= self.deadline,
                    values: [ReasonValue("deadline", .date(deadline)), ReasonValue("receiptDeadline", .date(self.deadline))]),
            ])
        assignedUnit = unit.trimmingCharacters(in: .whitespacesAndNewlines)
        self.deadline = deadline
        state = .assigned
        return s
    }

    /// 答复: the unit's reply.
    public mutating func answer(
        _ reply: String, on date: CivilDate, by username: String, role: Role, today: CivilDate
    ) throws(PetitionRefusal)
        -> PetitionStep
    {
        let s = try step(
            .replied, on: date, note: reply, by: username, role: role, today: today,
            extra: [PetitionRules.text(PetitionRules.reply, reply, max: PetitionRules.maxText)])
        self.reply = s.note
        repliedOn = date
        satisfaction = nil
        state = .replied
        return s
    }

    /// 回访评价: the petitioner's view. Approving or not reached closes the petition; a
    /// dissatisfied petitioner leaves it replied, to be escalated.
    public mutating func rate(
        _ view: Satisfaction, note: String, on date: CivilDate, by username: String, role: Role, today: CivilDate
    )
        throws(PetitionRefusal) -> PetitionStep
    {
        let s = try step(
            .rated, on: date, note: note, by: username, role: role, today: today,
            extra: [PetitionRules.text(PetitionRules.note, note, max: PetitionRules.maxText, required: false)])
        satisfaction = view
        if view != .dissatisfied {
            state = .closed
            closedOn = date
        }
        return s
    }

    /// 督办升级: to another (higher) unit with a new deadline, when the petitioner is dissatisfied
    /// with the reply or the reply is overdue.
    public mutating func escalate(
        to unit: String, deadline: CivilDate, reason: String, on date: CivilDate, by username: String, role: Role, today: CivilDate
    ) throws(PetitionRefusal) -> PetitionStep {
        let cause = (state == .replied && satisfaction == .dissatisfied) || isOverdue(on: date)
        let s = try step(
            .escalated, on: date, note: reason, by: username, role: role, today: today,
            extra: [
                Check(
                    PetitionRules.escalation, passed: cause,
                    values: [ReasonValue("state", .code(state)), ReasonValue("deadline", .date(self.deadline)), ReasonValue("date", .date(date))]),
                PetitionRules.text(PetitionRules.note, reason, max: PetitionRules.maxText),
                PetitionRules.text(PetitionRules.unit, unit, max: PetitionRules.maxUnit), PetitionRules.deadline(deadline, after: date),
                Check(
                    PetitionRules.otherUnit, passed: unit.trimmingCharacters(in: .whitespacesAndNewlines) != (assignedUnit ?? ""),
                    values: [ReasonValue("unit", .token(unit)), ReasonValue("previous", assignedUnit.map { .token($0) } ?? .missing)]),
            ])
        assignedUnit = unit.trimmingCharacters(in: .whitespacesAndNewlines)
        self.deadline = deadline
        escalations += 1
        satisfaction = nil
        state = .assigned
        return s
    }

    private mutating func step(
        _ kind: PetitionStepKind, on date: CivilDate, note: String, by username: String, role: Role, today: CivilDate, extra: [Check]
    ) throws(PetitionRefusal) -> PetitionStep {
        let decision = Decision(
            checks: [PetitionRules.state(state, allows: kind, satisfaction: satisfaction)]
                + FindingRules.dated(date, after: lastStepDate, today: today) + extra)
        guard decision.passed else { throw PetitionRefusal(step: kind, decision: decision) }
        lastStepDate = date
        return PetitionStep(kind: kind, date: date, note: note.trimmingCharacters(in: .whitespacesAndNewlines), username: username, role: role)
    }
}

/// A petition or one of its steps refused by its rules.
public struct PetitionRefusal: Error, Hashable, Sendable {
    public let step: PetitionStepKind
    public let decision: Decision

    public init(step: PetitionStepKind, decision: Decision) {
        self.step = step
        self.decision = decision
    }
}
