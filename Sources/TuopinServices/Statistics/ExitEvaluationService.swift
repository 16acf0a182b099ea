import TuopinCore
import TuopinStore
import TuopinStrings

/// Village exit (出列, §3.4) and county exit (摘帽, §3.5) as explained decisions: the registry's
/// incidence at the end of the year, the village's profile of that year, and for a county the
/// sample evaluation's findings as recorded inputs.
public struct ExitEvaluationService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public struct VillageEvaluation: Sendable {
        public var summary: AreaSummary
        public var profile: VillageProfile?
        public var standard: VillageExitStandard
        public var decision: Decision
    }

    /// The exit thresholds in force (policy parameters).
    func thresholds() async throws -> ExitThresholds {
        try await environment.store.read { try PolicyParameters.exitThresholds(try await PolicyParameters.rows($0.sql)) }
    }

    public func village(_ code: AdminCode, year: Int, rules: VillageExitStandard.RuleSet, by user: User) async throws -> VillageEvaluation {
        guard code.level == .village else { throw ExitEvaluationError.notAVillage(code.rawValue) }
        let summary = try await StatisticsService(environment).summary(of: code, asOf: try endOf(year), by: user)
        let profile = try await environment.store.read { try await VillageProfileQuery.profile(code, year: year, $0.sql) }
        let standard = VillageExitStandard.of(rules, try await thresholds())
        let decision = VillageExitRules.evaluate(
            incidence: summary.incidence, collectiveIncome: profile?.collectiveIncome, conditions: profile?.conditions ?? VillageConditions(),
            standard: standard)
        return VillageEvaluation(summary: summary, profile: profile, standard: standard, decision: decision)
    }

    public struct CountyEvaluation: Sendable {
        public var summary: AreaSummary
        public var inputs: CountyExitInputs
        public var decision: Decision
    }

    /// `findings`: the sample evaluation's, recorded until survey records exist.
    public func county(
        _ code: AdminCode, year: Int, findings: CountyExitFindings, west: Bool = false, by user: User
    ) async throws -> CountyEvaluation {
        guard code.level == .county else { throw ExitEvaluationError.notACounty(code.rawValue) }
        guard findings.isConsistent else { throw ExitEvaluationError.findings }
        let summary = try await StatisticsService(environment).summary(of: code, asOf: try endOf(year), by: user)
        let inputs = CountyExitInputs(
            remainingPoorPeople: summary.incidence.remainingPoorPeople, ruralRegisteredPopulation: summary.incidence.ruralRegisteredPopulation,
            findings: findings)
        return CountyEvaluation(
            summary: summary, inputs: inputs, decision: CountyExitRules.evaluate(inputs, west: west, thresholds: try await thresholds()))
    }

    /// The evaluation date: the year's last day, or today in the current year.
    func endOf(_ year: Int) throws -> CivilDate {
        guard RegistryYear.contains(year), year <= environment.today.year, let end = CivilDate(year: year, month: 12, day: 31) else {
            throw ExitEvaluationError.year(year)
        }
        return min(end, environment.today)
    }
}

public enum ExitEvaluationError: Error, Equatable, Sendable {
    case notAVillage(String)
    case notACounty(String)
    case year(Int)
    /// Counts below zero, or more found than sampled.
    case findings
}

extension ExitEvaluationError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .notAVillage(let c): s.text("evaluate.error.notAVillage", ["code": c])
        case .notACounty(let c): s.text("evaluate.error.notACounty", ["code": c])
        case .year(let y): s.text("measures.error.year", ["year": String(y)])
        case .findings: s.text("evaluate.error.findings")
        }
    }
}
