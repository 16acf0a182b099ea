/// The state machine M1–M12 (REFERENCE §3.10). Each transition checks its guard and either
/// changes the case and returns what the service must do next, or throws a `MonitoringRefusal`
/// with the failed checks. Core has no clock: every transition is given its date.
extension MonitoringCase {
    /// M1: a lead opens a case at the identification's first stage; its deadline starts.
    public static func open(
        _ lead: MonitoringLead, identification: WorkflowTemplate, elimination: WorkflowTemplate, calendar: WorkCalendar,
        previousCase: Int? = nil
    ) throws(MonitoringRefusal) -> (MonitoringCase, [FollowUp]) {
        let transition: MonitoringTransition = previousCase == nil ? .lead : .newRisk
        let risks = MonitoringRules.riskCount(lead.risks)
        guard risks.passed else { throw MonitoringRefusal(transition, Decision(checks: [risks])) }
        let deadline = identification.deadlineDays.map { calendar.deadline(from: lead.date, days: $0, kind: identification.dayKind) }
        let opened = try MonitoringCase(
            number: 0, household: lead.household, village: lead.village, channel: lead.channel, leadDate: lead.date,
            identificationTemplate: identification.id, eliminationTemplate: elimination.id, deadline: deadline,
            state: .identifying(stage: 0), category: nil, risks: lead.risks, greenChannel: lead.greenChannel, noLabourSafetyNet: false,
            previousCase: previousCase, identifiedOn: nil, eliminationMethod: nil, closedOn: nil, lastStepDate: lead.date,
            localRisks: lead.localRisks)
        var followUps: [FollowUp] = deadline.map { [.startDeadline($0)] } ?? []
        followUps += noticeFollowUp(identification.stages[0])
        return (opened, followUps)
    }

    /// The template of the procedure the case is in, if any.
    public func procedure(identification: WorkflowTemplate, elimination: WorkflowTemplate) -> WorkflowTemplate? {
        switch state {
        case .identifying: identification
        case .eliminating: elimination
        default: nil
        }
    }

    /// The stage the case waits on, if it is in a procedure.
    public func currentStage(identification: WorkflowTemplate, elimination: WorkflowTemplate) -> WorkflowTemplate.Stage? {
        guard let template = procedure(identification: identification, elimination: elimination), let stage = state.stage,
            template.stages.indices.contains(stage)
        else { return nil }
        return template.stages[stage]
    }

    /// M2, M5, M8: the current stage is done. The last stage of an identification starts
    /// monitoring (M5: the category and 1–5 risks are set at county approval); the last stage
    /// of an elimination ends the case (M8).
    @discardableResult
    public mutating func complete(
        _ record: StepRecord, identification: WorkflowTemplate, elimination: WorkflowTemplate
    ) throws(MonitoringRefusal) -> [FollowUp] {
        guard let template = procedure(identification: identification, elimination: elimination), let index = state.stage,
            template.stages.indices.contains(index)
        else { throw MonitoringRefusal(.completeStep, Decision(checks: [MonitoringRules.state(state, allows: false)])) }
        let stage = template.stages[index]
        let last = index == template.stages.count - 1
        let identifying: Bool = if case .identifying = state { true } else { false }
        // The category and 1–5 risks are decided at county approval, or at the last stage of a
        // template without one: no case is monitored without them (M5).
        let deciding = identifying && (stage.step == .countyApproval || last)
        let transition: MonitoringTransition = last ? (identifying ? .approve : .eliminate) : .completeStep
        var checks = [MonitoringRules.order(record.date, after: lastStepDate)]
        switch stage.step {
        case .homeVerification, .application: checks.append(Check(MonitoringRules.consent, passed: record.consentSigned))
        case .publicNotice:
            checks += MonitoringRules.notice(
                record.notice, required: stage.noticeDays ?? 0, completedOn: record.date, objectionsResolved: record.objectionsResolved)
            if let notice = record.notice { checks.append(MonitoringRules.order(notice.from, after: lastStepDate)) }
        default: break
        }
        var decided = risks
        if deciding {
            checks.append(Check(MonitoringRules.category, passed: (record.category ?? category) != nil))
            decided = record.risks ?? risks
            checks.append(MonitoringRules.riskCount(decided))
        }
        if last && !identifying {
            // A no-labour safety-net household is never eliminated, also when marked during the procedure (§3.9).
            checks.append(Check(MonitoringRules.safetyNet, passed: !noLabourSafetyNet))
        }
        let decision = Decision(checks: checks)
        guard decision.passed else { throw MonitoringRefusal(transition, decision) }
        lastStepDate = record.date
        if deciding {
            category = record.category ?? category
            // Risks decided anew carry the local codes chosen with them; risks kept keep theirs.
            localRisks = (record.risks == nil ? localRisks : record.localRisks).filter { decided.contains($0.key) }
            risks = decided
        }
        guard last else {
            state = identifying ? .identifying(stage: index + 1) : .eliminating(stage: index + 1)
            return Self.noticeFollowUp(template.stages[index + 1])
        }
        if identifying {
            state = .monitoring
            identifiedOn = record.date
            return category.map { [.startMonitoring($0)] } ?? []
        }
        let method = eliminationMethod ?? .byAssistance
        state = .riskEliminated(method)
        closedOn = record.date
        return [.keepFollowingUp]
    }

    /// M3: a valid objection to the identification's notice sends the case back to the home check.
    public mutating func objection(on date: CivilDate, identification: WorkflowTemplate) throws(MonitoringRefusal) -> [FollowUp] {
        let atNotice: Bool
        if case .identifying(let s) = state, identification.stages.indices.contains(s) {
            atNotice = identification.stages[s].step == .publicNotice
        } else {
            atNotice = false
        }
        let checks = [MonitoringRules.state(state, allows: atNotice), MonitoringRules.order(date, after: lastStepDate)]
        guard atNotice, checks.allSatisfy(\.passed) else { throw MonitoringRefusal(.objection, Decision(checks: checks)) }
        let restart = identification.stages.firstIndex { $0.step == .homeVerification } ?? 0
        state = .identifying(stage: restart)
        lastStepDate = date
        return Self.noticeFollowUp(identification.stages[restart])
    }

    /// M4, M9: the township or county rejects at its own review stage. An identification ends
    /// as `notIdentified`; an elimination goes back to `monitoring`.
    public mutating func reject(
        on date: CivilDate, at level: ApprovalLevel, identification: WorkflowTemplate, elimination: WorkflowTemplate
    ) throws(MonitoringRefusal) {
        let stage = currentStage(identification: identification, elimination: elimination)
        let transition: MonitoringTransition = state.token == "eliminating" ? .stopElimination : .reject
        var checks = [MonitoringRules.state(state, allows: stage != nil)]
        if let stage {
            checks.append(
                Check(
                    MonitoringRules.level, passed: stage.level != .village && stage.level == level,
                    values: [ReasonValue("stage", .label(stage.step.label)), ReasonValue("level", .label(level.label))]))
        }
        checks.append(MonitoringRules.order(date, after: lastStepDate))
        let decision = Decision(checks: checks)
        guard decision.passed else { throw MonitoringRefusal(transition, decision) }
        lastStepDate = date
        if transition == .stopElimination {
            state = .monitoring
            eliminationMethod = nil
        } else {
            state = .notIdentified
            closedOn = date
        }
    }

    /// M6, M12: whether help or a revisit may be recorded now. Before approval only on the
    /// green channel; after elimination follow-up goes on (四个不摘); never on a closed-out case.
    public func assistance(on date: CivilDate) -> (MonitoringTransition, Decision) {
        switch state {
        case .identifying:
            return (.greenChannel, Decision(checks: [Check(MonitoringRules.greenChannel, passed: greenChannel)]))
        case .monitoring, .eliminating, .riskEliminated:
            return (.assist, Decision(checks: [MonitoringRules.state(state, allows: true)]))
        case .notIdentified, .naturallyRemoved:
            return (.assist, Decision(checks: [MonitoringRules.state(state, allows: false)]))
        }
    }

    /// M7: elimination starts when the §3.9 conditions (`conditions`, from `RiskElimination`)
    /// hold and the household is not a no-labour safety-net household.
    public mutating func startElimination(
        on date: CivilDate, method: EliminationMethod, conditions: Decision, elimination: WorkflowTemplate
    ) throws(MonitoringRefusal) -> [FollowUp] {
        let checks =
            [
                MonitoringRules.state(state, allows: state == .monitoring),
                Check(MonitoringRules.safetyNet, passed: !noLabourSafetyNet),
                MonitoringRules.order(date, after: lastStepDate),
            ] + conditions.checks
        let decision = Decision(checks: checks)
        guard decision.passed else { throw MonitoringRefusal(.startElimination, decision) }
        state = .eliminating(stage: 0)
        eliminationMethod = method
        lastStepDate = date
        return Self.noticeFollowUp(elimination.stages[0])
    }

    /// M9: an elimination in progress stops because a condition was lost.
    public mutating func stopElimination(on date: CivilDate) throws(MonitoringRefusal) {
        let checks = [MonitoringRules.state(state, allows: state.token == "eliminating"), MonitoringRules.order(date, after: lastStepDate)]
        guard checks.allSatisfy(\.passed) else { throw MonitoringRefusal(.stopElimination, Decision(checks: checks)) }
        state = .monitoring
        eliminationMethod = nil
        lastStepDate = date
    }

    /// M10: a new risk after elimination opens a new case linked to this one.
    public func reopen(
        _ lead: MonitoringLead, identification: WorkflowTemplate, elimination: WorkflowTemplate, calendar: WorkCalendar
    ) throws(MonitoringRefusal) -> (MonitoringCase, [FollowUp]) {
        let eliminated = if case .riskEliminated = state { true } else { false }
        let checks = [MonitoringRules.state(state, allows: eliminated), MonitoringRules.order(lead.date, after: lastStepDate)]
        guard checks.allSatisfy(\.passed) else { throw MonitoringRefusal(.newRisk, Decision(checks: checks)) }
        var (next, followUps) = try Self.open(
            lead, identification: identification, elimination: elimination, calendar: calendar, previousCase: number)
        next.noLabourSafetyNet = noLabourSafetyNet
        followUps.insert(.keepFollowingUp, at: 0)
        return (next, followUps)
    }

    /// M11: the whole household is gone (death of the last member, moved away, …). A case whose
    /// risk was eliminated keeps its elimination (method and date: it was eliminated then); an
    /// open one, also mid-elimination, closes on the day without one.
    public mutating func remove(on date: CivilDate, reason: NaturalReductionReason) throws(MonitoringRefusal) {
        let eliminated: Bool = if case .riskEliminated = state { true } else { false }
        let checks = [MonitoringRules.state(state, allows: !state.isClosed || eliminated), MonitoringRules.order(date, after: lastStepDate)]
        guard checks.allSatisfy(\.passed) else { throw MonitoringRefusal(.remove, Decision(checks: checks)) }
        state = .naturallyRemoved(reason)
        if !eliminated {
            closedOn = date
            eliminationMethod = nil
        }
        lastStepDate = date
    }

    static func noticeFollowUp(_ stage: WorkflowTemplate.Stage) -> [FollowUp] {
        stage.step == .publicNotice ? [.publishNotice(days: stage.noticeDays ?? 0)] : []
    }
}
