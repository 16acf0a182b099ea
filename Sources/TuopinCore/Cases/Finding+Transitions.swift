/// The rectification's state machine: 整改中 → (progress)* → 已整改 → 销号, or back to 整改中 when
/// the verifier finds the work not done. Each step checks its guard and either changes the
/// finding and returns the step to record, or throws a `FindingRefusal` with the failed checks.
/// Core has no clock: `today` is given.
extension Finding {
    /// 整改进展: work done so far; a note is required, evidence optional.
    public mutating func progress(
        on date: CivilDate, note: String, evidence: String, by username: String, role: Role, today: CivilDate
    ) throws(FindingRefusal) -> RectificationStep {
        try step(
            .progress, on: date, note: note, evidence: evidence, by: username, role: role, today: today,
            extra: [FindingRules.text(FindingRules.note, note, required: true), FindingRules.text(FindingRules.evidence, evidence, required: false)])
    }

    /// 整改完成: the responsible unit reports the problem put right, with evidence.
    public mutating func rectify(
        on date: CivilDate, evidence: String, note: String, by username: String, role: Role, today: CivilDate
    ) throws(FindingRefusal) -> RectificationStep {
        let s = try step(
            .rectified, on: date, note: note, evidence: evidence, by: username, role: role, today: today,
            extra: [FindingRules.text(FindingRules.evidence, evidence, required: true), FindingRules.text(FindingRules.note, note, required: false)])
        state = .rectified
        rectifiedOn = date
        rectifiedBy = username
        rectifiedRole = role
        return s
    }

    /// 验收不通过: sent back to be rectified again, with the reason.
    public mutating func returnForRework(
        on date: CivilDate, reason: String, by username: String, role: Role, today: CivilDate
    ) throws(FindingRefusal) -> RectificationStep {
        let s = try step(
            .returned, on: date, note: reason, evidence: "", by: username, role: role, today: today,
            extra: [FindingRules.text(FindingRules.note, reason, required: true), FindingRules.separation(self, verifier: username, role: role)])
        state = .inProgress
        rectifiedOn = nil
        rectifiedBy = nil
        rectifiedRole = nil
        return s
    }

    /// 验收销号: verified and closed, by another role and person than the rectifier.
    public mutating func close(
        on date: CivilDate, note: String, by username: String, role: Role, today: CivilDate
    ) throws(FindingRefusal) -> RectificationStep {
        let s = try step(
            .closed, on: date, note: note, evidence: "", by: username, role: role, today: today,
            extra: [FindingRules.text(FindingRules.note, note, required: false), FindingRules.separation(self, verifier: username, role: role)])
        state = .closed
        closedOn = date
        return s
    }

    private mutating func step(
        _ kind: RectificationStepKind, on date: CivilDate, note: String, evidence: String, by username: String, role: Role,
        today: CivilDate, extra: [Check]
    ) throws(FindingRefusal) -> RectificationStep {
        let checks = [FindingRules.state(state, allows: kind)] + FindingRules.dated(date, after: lastStepDate, today: today) + extra
        let decision = Decision(checks: checks)
        guard decision.passed else { throw FindingRefusal(step: kind, decision: decision) }
        lastStepDate = date
        return RectificationStep(kind: kind, date: date, note: note.trimmed, evidence: evidence.trimmed, username: username, role: role)
    }
}

/// A finding or one of its steps refused by its rules.
public struct FindingRefusal: Error, Hashable, Sendable {
    public let step: RectificationStepKind
    public let decision: Decision

    public init(step: RectificationStepKind, decision: Decision) {
        self.step = step
        self.decision = decision
    }
}
