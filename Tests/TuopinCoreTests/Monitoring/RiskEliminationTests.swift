import Testing

@testable import TuopinCore

/// The conditions and prohibitions of REFERENCE §3.9, one failing at a time.
@Suite("Risk elimination (REFERENCE §3.9)")
struct RiskEliminationTests {
    let threshold = MonitoringThreshold(year: 2023, region: .province("43"), amountPerCapita: .yuan(6_800), confirmed: false)

    func facts(
        income: Int64 = 900_000, stable: Bool = true, spending: Bool = true, guarantees: Set<BasicGuarantee> = Set(BasicGuarantee.allCases),
        remaining: [RiskType] = [], newRisk: Bool = false, safetyNet: Bool = false
    ) -> EliminationFacts {
        EliminationFacts(
            perCapitaNetIncome: Money(fen: income), incomeStable: stable, rigidSpendingControlled: spending, securedGuarantees: guarantees,
            remainingRisks: remaining, newRisk: newRisk, noLabourSafetyNet: safetyNet)
    }

    @Test func aHouseholdMeetingEveryConditionMayBeEliminated() {
        #expect(RiskElimination.evaluate(facts(), threshold: threshold).passed)
    }

    @Test(
        "each condition and prohibition refuses on its own",
        arguments: [
            (RiskElimination.income, 680_000),  // equal to the threshold: still within it
            (RiskElimination.income, 679_999),
            (RiskElimination.incomeStable, 0),
            (RiskElimination.spendingControlled, 0),
            (RiskElimination.guarantees, 0),
            (RiskElimination.risksGone, 0),
            (RiskElimination.noNewRisk, 0),
            (MonitoringRules.safetyNet, 0),
        ] as [(RuleID, Int64)])
    func refusals(_ rule: RuleID, _ income: Int64) {
        let f: EliminationFacts =
            switch rule {
            case RiskElimination.income: facts(income: income)
            case RiskElimination.incomeStable: facts(stable: false)
            case RiskElimination.spendingControlled: facts(spending: false)
            case RiskElimination.guarantees: facts(guarantees: [.food, .clothing, .compulsoryEducation, .basicMedical, .safeHousing])
            case RiskElimination.risksGone: facts(remaining: [.illness])
            case RiskElimination.noNewRisk: facts(newRisk: true)
            default: facts(safetyNet: true)
            }
        let d = RiskElimination.evaluate(f, threshold: threshold)
        #expect(d.failedChecks.map(\.rule) == [rule])
    }

    @Test func oneFenAboveTheCurrentYearsThresholdIsEnough() {
        #expect(RiskElimination.evaluate(facts(income: 680_001), threshold: threshold).passed)
    }

    @Test func theReasonsNameWhatIsMissing() {
        let d = RiskElimination.evaluate(facts(guarantees: [.food, .clothing], remaining: [.illness, .schooling]), threshold: threshold)
        let missing = d.failedChecks.first { $0.rule == RiskElimination.guarantees }?["missing"]
        #expect(
            missing == .label(Label("义务教育有保障、基本医疗有保障、住房安全有保障、饮水安全有保障", "compulsory education, basic medical care, safe housing, safe drinking water"))
        )
        #expect(d.failedChecks.first { $0.rule == RiskElimination.risksGone }?["risk"] == .label(Label("因病、因学", "illness, schooling costs")))
    }
}
