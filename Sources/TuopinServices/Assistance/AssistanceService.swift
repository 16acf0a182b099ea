import TuopinCore
import TuopinStore
import TuopinStrings

/// The assistance ledger (REFERENCE §2.5): measures, responsible cadres and village work teams,
/// recorded by users in scope with an audit entry each. A measure for a household with a
/// monitoring case, dated from the case's lead on, is also a step of that case (M6; before
/// approval only on the green channel, M12). Nothing here is ever closed by an exit or an elimination (四个不摘).
public struct AssistanceService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Records a measure; returns it numbered, with the DQ-044 completeness check (a warning).
    public func record(_ measure: AssistanceMeasure, note: String = "", by user: User) async throws -> (AssistanceMeasure, Check) {
        let village = try await MonitoringService(environment).householdVillage(measure.household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        let decision = AssistanceMeasureRules.evaluate(measure, today: environment.today)
        guard decision.passed else { throw AssistanceError.refused(decision) }
        let county = String(village.rawValue.prefix(6))
        let monitoring = MonitoringService(environment)
        let stored = try await environment.store.transaction { tx in
            var m = measure
            if let local = measure.localKind {
                try await LocalCodeService.check([measure.kind.token: local], in: .measureKind, tx)
            }
            let latest = try await MonitoringQuery.cases(county: county, household: measure.household, tx.sql).first
            // A measure from before the case (a 2014–2020 one) is history of its own, not a step of the case.
            if let c = latest, measure.start >= c.leadDate, !c.state.isClosed || c.state.token == "riskEliminated" {
                let (transition, allowed) = c.assistance(on: measure.start)
                guard allowed.passed else { throw MonitoringRefusal(transition, allowed) }
                m.number = try await AssistanceQuery.insert(measure, county: county, in: tx)
                try await monitoring.record(
                    transition, on: c, step: nil, stage: c.state.stage, date: measure.start, level: .village, notice: nil,
                    note: "measure #\(m.number) \(measure.kind.token) \(measure.project)", by: user, in: tx)
            } else {
                m.number = try await AssistanceQuery.insert(measure, county: county, in: tx)
            }
            try await environment.audit.record(
                AuditEntry(
                    .measureRecorded, entity: "measure:\(measure.household.rawValue)#\(m.number)", area: village, after: Self.values(m),
                    detail: note.isEmpty ? nil : ["note": .text(note)]),
                by: user, in: tx)
            return m
        }
        return (stored, AssistanceMeasureRules.completeness(stored))
    }

    /// Ends a running measure with its outcome.
    public func end(
        _ household: HouseholdNumber, measure number: Int, on date: CivilDate, outcome: String, signed: Bool, by user: User
    ) async throws -> AssistanceMeasure {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        let county = String(village.rawValue.prefix(6))
        return try await environment.store.transaction { tx in
            guard var m = try await AssistanceQuery.measures(county: county, household: household, tx.sql).first(where: { $0.number == number })
            else { throw AssistanceError.measureNotFound("\(household.rawValue)#\(number)") }
            let before = Self.values(m)
            m.end = date
            m.outcome = outcome
            m.outcomeSigned = signed
            let decision = AssistanceMeasureRules.evaluate(m, today: environment.today)
            guard decision.passed else { throw AssistanceError.refused(decision) }
            try await AssistanceQuery.end(county: county, household: household, number: number, on: date, outcome: outcome, signed: signed, in: tx)
            try await environment.audit.record(
                AuditEntry(.measureEnded, entity: "measure:\(household.rawValue)#\(number)", area: village, before: before, after: Self.values(m)),
                by: user, in: tx)
            return m
        }
    }

    /// A household's measures, or an area's (those running on `date` when given).
    public func measures(
        household: HouseholdNumber?, area: AdminCode?, runningOn date: CivilDate? = nil, by user: User
    ) async throws
        -> [AssistanceMeasure]
    {
        if let household {
            let village = try await MonitoringService(environment).householdVillage(household, by: user)
            try await environment.authorize(user, .view, area: village)
            return try await AssistanceQuery.measures(county: String(village.rawValue.prefix(6)), household: household, environment.store.sql)
        }
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await AssistanceQuery.measures(in: area, runningOn: date, environment.store.sql)
    }

    static func values(_ m: AssistanceMeasure) -> [String: AuditValue] {
        var v: [String: AuditValue] = [
            "kind": .text(m.kindChoice.token), "project": .text(m.project), "start": .text(m.start.description),
            "continuesAfterElimination": .bool(m.continuesAfterElimination),
        ]
        if let amount = m.amount { v["amount"] = .text(amount.yuanText) }
        if let funding = m.funding { v["funding"] = .text(funding.token) }
        if let deadline = m.deadline { v["deadline"] = .text(deadline.description) }
        if let end = m.end { v["end"] = .text(end.description) }
        if !m.outcome.isEmpty { v["outcome"] = .text(m.outcome) }
        return v
    }
}

/// A measure, assignment or team refused by its rules, or not found.
public enum AssistanceError: Error, Equatable, Sendable {
    case refused(Decision)
    case measureNotFound(String)
}

extension AssistanceError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .refused(let d):
            s.text("error.assistance.refused", ["reasons": d.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")])
        case .measureNotFound(let key): s.text("error.assistance.notFound", ["measure": key])
        }
    }
}
