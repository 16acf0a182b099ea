import Testing

@testable import TuopinCore

@Suite("Sweep (REFERENCE §3.7)")
struct MonitoringSweepTests {
    let threshold = MonitoringThreshold(year: 2022, region: .national, amountPerCapita: .yuan(6_900), confirmed: false)

    func facts(
        _ n: Int, status: PovertyStatus?, net: Int64, size: Int = 2, cause: PovertyCause = .illness, spending: Int64 = 0
    ) -> MonitoringSweep.Facts {
        MonitoringSweep.Facts(
            household: try! HouseholdNumber("43048110020100\(String(format: "%02d", n))"), village: try! AdminCode("430481100201"), status: status,
            householdSize: size, netIncome: Money(fen: net), previousPerCapitaNetIncome: nil, rigidSpending: Money(fen: spending), mainCause: cause)
    }

    @Test func eachHouseholdIsProposedInItsCategoryOrSkippedForItsReason() {
        let all = [
            facts(1, status: .exitedWithPolicies, net: 1_380_000),  // 6,900.00 a head: within (≤)
            facts(2, status: .exitedWithoutPolicies, net: 1_380_002),  // 6,900.01: above, no hardship
            facts(3, status: .removedIneligible, net: 1_000_000, cause: .disability),  // an ordinary household
            facts(4, status: nil, net: 500_000, cause: .lackOfCapital),  // never on the roll: ordinary
            facts(5, status: .notExited, net: 100_000),  // still poor: not swept
            facts(6, status: .exitedWithPolicies, net: 100_000),  // already has a case
            facts(7, status: .exitedWithPolicies, net: 2_000_000, spending: 700_000),  // 10,000 − 3,500 = 6,500 a head: hardship
        ]
        let skip: Set = [all[5].household]
        let result = MonitoringSweep.run(all, threshold: threshold, skipping: skip)
        #expect(result.evaluated == 7)
        #expect(result.leads.map(\.household) == [all[0], all[2], all[3], all[6]].map(\.household))
        #expect(result.leads.map(\.category) == [.unstableExited, .edgeAtRisk, .edgeAtRisk, .suddenHardship])
        #expect(result.leads.map(\.risk) == [.illness, .disability, .other, .illness])
        #expect(result.skipped == [.noRisk: 1, .notSwept: 1, .alreadyCase: 1])
        let income = result.leads[0].decision.checks.first { $0.rule == MonitoringCategoryRules.income }
        #expect(income?["threshold"] == .money(.yuan(6_900)) && income?["confirmed"] == .flag(false), "the lead names the threshold it used")
    }

    @Test func runningTwiceWithTheFirstRunsLeadsSkippedProposesNothing() {
        let all = [facts(1, status: .exitedWithPolicies, net: 100_000), facts(2, status: .removedIneligible, net: 100_000)]
        let first = MonitoringSweep.run(all, threshold: threshold, skipping: [])
        let second = MonitoringSweep.run(all, threshold: threshold, skipping: Set(first.leads.map(\.household)))
        #expect(first.leads.count == 2 && second.leads.isEmpty && second.skipped[.alreadyCase] == 2)
    }
}
