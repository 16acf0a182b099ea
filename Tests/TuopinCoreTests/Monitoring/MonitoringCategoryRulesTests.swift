import Testing

@testable import TuopinCore

/// The three monitored categories of REFERENCE §3.7 at the threshold: equal, one fen above, one
/// fen below (the bound is within the range by default, "以下").
@Suite("Monitoring categories (REFERENCE §3.7)")
struct MonitoringCategoryRulesTests {
    let threshold = MonitoringThreshold(year: 2021, region: .national, amountPerCapita: .yuan(6_000))

    func facts(
        _ type: HouseholdType, income fen: Int64, previous: Int64? = nil, spending: Int64 = 0, risks: Int = 1
    ) -> CategoryFacts {
        CategoryFacts(
            householdType: type, householdSize: 4, perCapitaNetIncome: Money(fen: fen), previousPerCapitaNetIncome: previous.map(Money.init(fen:)),
            rigidSpending: Money(fen: spending), riskCount: risks)
    }

    @Test(
        "income against the threshold, by household type",
        arguments: [
            (HouseholdType.exitedHousehold, Int64(600_000), MonitoringCategory?.some(.unstableExited)),
            (.exitedHousehold, 599_999, .unstableExited),
            (.exitedHousehold, 600_001, nil),
            (.ordinaryHousehold, 600_000, .edgeAtRisk),
            (.ordinaryHousehold, 599_999, .edgeAtRisk),
            (.ordinaryHousehold, 600_001, nil),
        ])
    func boundaries(_ type: HouseholdType, _ fen: Int64, _ expected: MonitoringCategory?) {
        let (category, decision) = MonitoringCategoryRules.decide(facts(type, income: fen), threshold: threshold)
        #expect(category == expected)
        #expect(decision.passed == (expected != nil))
        let income = decision.checks.first { $0.rule == MonitoringCategoryRules.income }
        #expect(income?["relation"] == .relation(fen < 600_000 ? "<" : (fen == 600_000 ? "=" : ">")))
        #expect(income?["threshold"] == .money(.yuan(6_000)) && income?["year"] == .year(2021))
    }

    @Test func whenTheBoundIsOutsideTheRangeIncomeEqualToItIsNotMonitored() {
        let strict = MonitoringThreshold(year: 2021, region: .national, amountPerCapita: .yuan(6_000), withinComparison: .below)
        #expect(MonitoringCategoryRules.decide(facts(.exitedHousehold, income: 600_000), threshold: strict).category == nil)
        #expect(MonitoringCategoryRules.decide(facts(.exitedHousehold, income: 599_999), threshold: strict).category == .unstableExited)
    }

    @Test(
        "sudden hardship: above the threshold, but spending or a fall hurts basic living",
        arguments: [
            // 6,000.01 a head, 4 people; spending of 4 fen brings it to 5,999.99: within.
            (Int64(600_001), Int64?.none, Int64(4), true),
            // 1 fen over 4 people rounds to 0 fen a head: still 6,000.01, above.
            (600_001, nil, 1, false),
            (600_001, nil, 0, false),
            // a fall of exactly 50% from 12,000.02 to 6,000.01.
            (600_001, 1_200_002, 0, true),
            // a fall just under 50%.
            (600_001, 1_200_000, 0, false),
            // at the threshold itself the household is not in sudden hardship but edge/unstable.
            (600_000, 2_000_000, 10_000_000, false),
        ])
    func suddenHardship(_ fen: Int64, _ previous: Int64?, _ spending: Int64, _ hardship: Bool) {
        let d = MonitoringCategoryRules.evaluate(
            .suddenHardship, facts(.ordinaryHousehold, income: fen, previous: previous, spending: spending), threshold: threshold)
        #expect(d.passed == hardship, "\(d.failedChecks.map(\.rule))")
    }

    @Test func spendingThatLeavesExactlyTheThresholdIsHardship() {
        // 6,000.01 a head less 3 fen over 4 people (0.75, rounded half away from zero to 1 fen) is 6,000.00: within (≤).
        let d = MonitoringCategoryRules.evaluate(.suddenHardship, facts(.exitedHousehold, income: 600_001, spending: 3), threshold: threshold)
        #expect(d.checks.first { $0.rule == MonitoringCategoryRules.hardship }?["afterSpending"] == .money(Money(fen: 600_000)))
        #expect(d.passed)
    }

    @Test func aHouseholdWithoutARiskIsInNoCategory() {
        let (category, decision) = MonitoringCategoryRules.decide(facts(.exitedHousehold, income: 100_000, risks: 0), threshold: threshold)
        #expect(category == nil)
        #expect(decision.failedChecks.map(\.rule) == [MonitoringCategoryRules.risk])
    }

    @Test func anExitedHouseholdIsNeverAnEdgeHousehold() {
        let d = MonitoringCategoryRules.evaluate(.edgeAtRisk, facts(.exitedHousehold, income: 100_000), threshold: threshold)
        #expect(d.failedChecks.map(\.rule) == [MonitoringCategoryRules.householdType])
    }
}
