import TuopinCore
import TuopinStore

/// Runs the monitoring mechanism (防返贫监测, REFERENCE §3.7–3.10): leads, the steps of the
/// identification and elimination procedures, rejections, assistance, removal. Each call is
/// checked against the user's role and scope (a step at township level needs
/// `reviewAtTownship`, one at county level `approveAtCounty`, in the case's village), runs the
/// Core state machine, and writes the case, its step and the audit entry in one transaction.
public struct MonitoringService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// What a lead records besides the household (M1, or M10 after an eliminated case).
    public struct LeadInput: Sendable {
        public var household: HouseholdNumber
        public var channel: DiscoveryChannel
        public var date: CivilDate
        public var risks: [RiskType]
        /// Local codes (`tuopin codes`) chosen for some of the risks, by the risk each refines.
        public var localRisks: [RiskType: String]
        public var greenChannel: Bool
        public var note: String

        public init(
            household: HouseholdNumber, channel: DiscoveryChannel, date: CivilDate, risks: [RiskType], greenChannel: Bool = false,
            note: String = "", localRisks: [RiskType: String] = [:]
        ) {
            self.household = household
            self.channel = channel
            self.date = date
            self.risks = risks
            self.localRisks = localRisks
            self.greenChannel = greenChannel
            self.note = note
        }
    }

    /// M1 (M10 when the household's last case ended with its risk eliminated): opens a case.
    public func lead(_ input: LeadInput, by user: User) async throws -> MonitoringCase {
        let village = try await householdVillage(input.household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        guard input.date <= environment.today else { throw MonitoringError.future(input.date) }
        return try await environment.store.transaction { tx in
            let county = String(village.rawValue.prefix(6))
            let earlier = try await MonitoringQuery.cases(county: county, household: input.household, tx.sql)
            if let open = earlier.first(where: { !$0.state.isClosed }) { throw MonitoringError.openCaseExists(open.reference) }
            try await LocalCodeService.check(input.localRisks, in: .riskType, tx)
            let (identification, elimination) = try await templates(year: input.date.year, village: village, in: tx)
            let calendar = try await WorkflowQuery.calendar(tx.sql)
            let lead = MonitoringLead(
                household: input.household, village: village, channel: input.channel, date: input.date, risks: input.risks,
                greenChannel: input.greenChannel, note: input.note, localRisks: input.localRisks)
            var opened: MonitoringCase
            if let last = earlier.first, case .riskEliminated = last.state {
                opened = try last.reopen(lead, identification: identification, elimination: elimination, calendar: calendar).0
            } else {
                opened = try MonitoringCase.open(lead, identification: identification, elimination: elimination, calendar: calendar).0
            }
            opened.number = try await MonitoringQuery.nextNumber(county: county, in: tx)
            try await MonitoringQuery.insert(opened, in: tx)
            let transition: MonitoringTransition = opened.previousCase == nil ? .lead : .newRisk
            try await record(
                transition, on: opened, step: nil, stage: nil, date: input.date, level: nil, notice: nil, note: input.note, by: user, in: tx)
            return opened
        }
    }

    /// M2, M5, M8: the case's current stage is done. The user must act at the stage's level.
    public func complete(_ reference: String, _ record: StepRecord, by user: User) async throws -> MonitoringCase {
        try await complete(reference, record, reviewOnly: false, by: user)
    }

    /// Approves at the current review stage (乡镇审核 or 县级审定); refuses a village step.
    public func approve(_ reference: String, _ record: StepRecord, by user: User) async throws -> MonitoringCase {
        try await complete(reference, record, reviewOnly: true, by: user)
    }

    func complete(_ reference: String, _ record: StepRecord, reviewOnly: Bool, by user: User) async throws -> MonitoringCase {
        try await change(reference, by: user) { c, templates, tx in
            guard let stage = c.currentStage(identification: templates.0, elimination: templates.1) else {
                throw MonitoringRefusal(
                    .completeStep,
                    Decision(checks: [Check(MonitoringRules.state, passed: false, values: [ReasonValue("state", .label(c.state.label))])]))
            }
            if reviewOnly && stage.level == .village { throw MonitoringError.notAReview(stage.step) }
            try environment.permit(user, stage.level.action, area: c.village)
            try await LocalCodeService.check(record.localRisks, in: .riskType, tx)
            let index = c.state.stage
            try c.complete(record, identification: templates.0, elimination: templates.1)
            let transition: MonitoringTransition =
                switch c.state {
                case .monitoring: .approve
                case .riskEliminated: .eliminate
                default: .completeStep
                }
            return Change(
                transition: transition, step: stage.step, stage: index, date: record.date, level: stage.level, notice: record.notice,
                note: record.note)
        }
    }

    /// M3: a valid objection to the identification's notice.
    public func objection(_ reference: String, on date: CivilDate, note: String, by user: User) async throws -> MonitoringCase {
        try await change(reference, by: user) { c, templates, _ in
            try environment.permit(user, .editRegistry, area: c.village)
            let stage = c.state.stage
            _ = try c.objection(on: date, identification: templates.0)
            return Change(transition: .objection, step: .publicNotice, stage: stage, date: date, level: .village, notice: nil, note: note)
        }
    }

    /// M4, M9: the township or county rejects at its own review stage. The level is the one
    /// the user's role acts at (an administrator acts at the stage's own level).
    public func reject(_ reference: String, on date: CivilDate, note: String, by user: User) async throws -> MonitoringCase {
        try await change(reference, by: user) { c, templates, tx in
            guard let stage = c.currentStage(identification: templates.0, elimination: templates.1) else {
                throw MonitoringRefusal(
                    .reject, Decision(checks: [Check(MonitoringRules.state, passed: false, values: [ReasonValue("state", .label(c.state.label))])]))
            }
            let level: ApprovalLevel =
                switch user.role {
                case .townshipOfficer: .township
                case .countyOffice: .county
                case .villageCadre: .village
                default: stage.level
                }
            guard level == stage.level else { throw MonitoringError.notYourStage(stage.step, stage.level) }
            try environment.permit(user, stage.level.action, area: c.village)
            let index = c.state.stage
            let eliminating = c.state.token == "eliminating"
            try c.reject(on: date, at: level, identification: templates.0, elimination: templates.1)
            return Change(
                transition: eliminating ? .stopElimination : .reject, step: stage.step, stage: index, date: date, level: level, notice: nil,
                note: note)
        }
    }

    /// M6, M12: help or a revisit was recorded (before approval only on the green channel).
    public func assist(_ reference: String, on date: CivilDate, note: String, by user: User) async throws -> MonitoringCase {
        try await change(reference, by: user) { c, _, _ in
            try environment.permit(user, .editRegistry, area: c.village)
            let (transition, decision) = c.assistance(on: date)
            guard decision.passed else { throw MonitoringRefusal(transition, decision) }
            return Change(transition: transition, step: nil, stage: c.state.stage, date: date, level: .village, notice: nil, note: note)
        }
    }

    /// M7: starts the elimination when REFERENCE §3.9 holds against the threshold of the
    /// year of `date`, and the household is not a no-labour safety-net household.
    public func startElimination(
        _ reference: String, on date: CivilDate, method: EliminationMethod, facts: EliminationFacts, note: String, by user: User
    ) async throws -> MonitoringCase {
        try await change(reference, by: user) { c, templates, tx in
            try environment.permit(user, .editRegistry, area: c.village)
            let thresholds = try await PolicyQuery.monitoringThresholds(tx.sql)
            guard let threshold = thresholds.threshold(year: date.year, region: PolicyRegion.of(c.village)) else {
                throw MonitoringError.noThreshold(year: date.year)
            }
            var facts = facts
            facts.noLabourSafetyNet = facts.noLabourSafetyNet || c.noLabourSafetyNet
            // The year's stored income, when there is one, decides; the visit's estimate only fills a gap.
            let stored = try await HouseholdYearQuery.incomes(county: String(c.village.rawValue.prefix(6)), household: c.household, tx.sql)
            if let income = stored[date.year] { facts.perCapitaNetIncome = income }
            let conditions = RiskElimination.evaluate(facts, threshold: threshold)
            _ = try c.startElimination(on: date, method: method, conditions: conditions, elimination: templates.1)
            return Change(transition: .startElimination, step: nil, stage: nil, date: date, level: .village, notice: nil, note: note)
        }
    }

    /// M11: the whole household is gone.
    public func remove(
        _ reference: String, on date: CivilDate, reason: NaturalReductionReason, note: String, by user: User
    ) async throws
        -> MonitoringCase
    {
        try await change(reference, by: user) { c, _, _ in
            try environment.permit(user, .editRegistry, area: c.village)
            try c.remove(on: date, reason: reason)
            return Change(transition: .remove, step: nil, stage: nil, date: date, level: .village, notice: nil, note: note)
        }
    }

    /// Marks or clears 整户无劳动能力兜底. A case whose risk is already eliminated cannot be
    /// marked (DQ-036: it should not have been eliminated); marking one in elimination stops
    /// the elimination (M9), since such a household is never eliminated.
    public func setSafetyNet(_ reference: String, _ on: Bool, on date: CivilDate, note: String, by user: User) async throws -> MonitoringCase {
        try await change(reference, by: user) { c, _, _ in
            try environment.permit(user, .editRegistry, area: c.village)
            let eliminated: Bool = if case .riskEliminated = c.state { true } else { false }
            if on && eliminated {
                throw MonitoringRefusal(.assist, Decision(checks: [Check(MonitoringRules.safetyNet, passed: false)]))
            }
            let stopping = on && c.state.token == "eliminating"
            if stopping { try c.stopElimination(on: max(date, c.lastStepDate)) }
            c.noLabourSafetyNet = on
            return Change(
                transition: stopping ? .stopElimination : .assist, step: nil, stage: c.state.stage, date: max(date, c.lastStepDate), level: .village,
                notice: nil, note: note.isEmpty ? (on ? "noLabourSafetyNet" : "noLabourSafetyNet cleared") : note)
        }
    }

    // MARK: plumbing

    struct Change {
        var transition: MonitoringTransition
        var step: WorkflowStep?
        var stage: Int?
        var date: CivilDate
        var level: ApprovalLevel?
        var notice: NoticePeriod?
        var note: String
    }

    /// Loads the case in the user's scope, lets `body` run a transition on it, then stores the
    /// case, its step and the audit entry together.
    func change(
        _ reference: String, by user: User,
        _ body: @Sendable (inout MonitoringCase, (WorkflowTemplate, WorkflowTemplate), StoreTransaction) async throws -> Change
    ) async throws -> MonitoringCase {
        let (county, number) = try Self.parse(reference)
        return try await environment.transaction { tx in
            // A case outside the user's scope is not found, as if it did not exist.
            guard var c = try await MonitoringQuery.find(county: county, number: number, tx.sql), user.scope.contains(c.village) else {
                throw MonitoringError.caseNotFound(reference)
            }
            let templates = try await storedTemplates(of: c, in: tx)
            let before = Self.values(c)
            let change = try await body(&c, templates, tx)
            // A step is recorded when it has happened: never dated after today.
            guard change.date <= environment.today else { throw MonitoringError.future(change.date) }
            try await MonitoringQuery.update(c, in: tx)
            try await record(
                change.transition, on: c, step: change.step, stage: change.stage, date: change.date, level: change.level,
                notice: change.notice, note: change.note, before: before, by: user, in: tx)
            return c
        }
    }

    func record(
        _ transition: MonitoringTransition, on c: MonitoringCase, step: WorkflowStep?, stage: Int?, date: CivilDate, level: ApprovalLevel?,
        notice: NoticePeriod?, note: String, before: [String: AuditValue]? = nil, by user: User, in tx: StoreTransaction
    ) async throws {
        let county = String(c.village.rawValue.prefix(6))
        try await MonitoringQuery.append(
            MonitoringStepEntry(
                county: county, caseNumber: c.number, transition: transition, step: step, stage: stage, date: date,
                actor: user.username.rawValue, level: level, notice: notice, note: note, stateAfter: c.state.token,
                recordedAt: environment.instant.description),
            in: tx)
        var detail: [String: AuditValue] = ["transition": .text(transition.rawValue), "date": .text(date.description)]
        if let step { detail["step"] = .text(step.token) }
        if !note.isEmpty { detail["note"] = .text(note) }
        try await environment.audit.record(
            AuditEntry(
                transition == .lead || transition == .newRisk ? .monitoringLead : .monitoringStep, entity: "monitoringCase:" + c.reference,
                area: c.village, before: before, after: Self.values(c), detail: detail),
            by: user, in: tx)
    }

    static func values(_ c: MonitoringCase) -> [String: AuditValue] {
        var v: [String: AuditValue] = [
            "household": .text(c.household.rawValue), "state": .text(c.state.token), "risks": .list(c.riskChoices.map { .text($0.token) }),
            "greenChannel": .bool(c.greenChannel), "noLabourSafetyNet": .bool(c.noLabourSafetyNet),
        ]
        if let stage = c.state.stage { v["stage"] = .int(stage) }
        if let category = c.category { v["category"] = .text(category.token) }
        if let outcome = c.state.outcome { v["outcome"] = .text(outcome) }
        return v
    }

    /// `430481-000123` → ("430481", 123).
    static func parse(_ reference: String) throws -> (String, Int) {
        let parts = reference.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 6, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber),
            (1...9).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(parts[1]), n > 0
        else { throw MonitoringError.invalidReference(String(reference.prefix(40))) }
        return (String(parts[0]), n)
    }

    /// The household's village, looked up within the user's scope.
    func householdVillage(_ household: HouseholdNumber, by user: User) async throws -> AdminCode {
        // A household outside the user's scope is not found, as if it did not exist.
        guard let village = try await MonitoringQuery.village(of: household, within: user.scope.code, environment.store.sql) else {
            throw MonitoringError.householdNotFound(household.rawValue)
        }
        return village
    }

    func templates(year: Int, village: AdminCode, in tx: StoreTransaction) async throws -> (WorkflowTemplate, WorkflowTemplate) {
        let table = try await WorkflowQuery.templates(tx.sql)
        let region = PolicyRegion.of(village)
        guard let identification = table.template(.identification, year: year, region: region) else {
            throw MonitoringError.noTemplate(.identification, year: year)
        }
        guard let elimination = table.template(.elimination, year: year, region: region) else {
            throw MonitoringError.noTemplate(.elimination, year: year)
        }
        return (identification, elimination)
    }

    func storedTemplates(of c: MonitoringCase, in tx: StoreTransaction) async throws -> (WorkflowTemplate, WorkflowTemplate) {
        let table = try await WorkflowQuery.templates(tx.sql)
        guard let identification = table.template(id: c.identificationTemplate) else {
            throw MonitoringError.noTemplate(.identification, year: c.leadDate.year)
        }
        guard let elimination = table.template(id: c.eliminationTemplate) else {
            throw MonitoringError.noTemplate(.elimination, year: c.leadDate.year)
        }
        return (identification, elimination)
    }
}
