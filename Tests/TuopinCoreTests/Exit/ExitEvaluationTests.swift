import Testing

@testable import TuopinCore

@Suite("Village exit (REFERENCE §3.4)")
struct VillageExitTests {
    static let allMet = VillageConditions(
        roadPassable: true, safeWater: true, power: true, schoolNearby: true, clinicNearby: true, socialSecurity: true)

    static func incidence(_ remaining: Int, of population: Int) -> Incidence {
        Incidence.evaluate(remainingPoorPeople: remaining, ruralRegisteredPopulation: population, populationYear: 2017)
    }

    @Test(
        arguments: [
            // remaining of 2,000; collective income (yuan); conditions; standard; the failed rules
            (39, "40000", true, VillageExitStandard.hunan, [RuleID]()),
            (40, "40000", true, .hunan, [VillageExitRules.incidence]),  // 2.00% is not below 2%
            (39, "39999.99", true, .hunan, [VillageExitRules.collectiveIncome]),
            (39, "40000", false, .hunan, [VillageExitRules.road]),
            (40, "0", false, .national, [VillageExitRules.incidence]),  // national rules weigh the rest
            (59, "0", false, .nationalWest, []),
            (60, "0", false, .nationalWest, [VillageExitRules.incidence]),
        ] as [(Int, String, Bool, VillageExitStandard, [RuleID])])
    func theStandardDecides(remaining: Int, income: String, road: Bool, standard: VillageExitStandard, failed: [RuleID]) throws {
        var conditions = Self.allMet
        conditions.roadPassable = road
        let d = VillageExitRules.evaluate(
            incidence: Self.incidence(remaining, of: 2_000), collectiveIncome: try Money(yuan: income), conditions: conditions, standard: standard)
        #expect(d.failedChecks.map(\.rule) == failed)
        #expect(d.passed == failed.isEmpty)
    }

    @Test func unrecordedConditionsAndIncomeFailUnderHunansRules() {
        let d = VillageExitRules.evaluate(
            incidence: Self.incidence(1, of: 2_000), collectiveIncome: nil, conditions: VillageConditions(), standard: .hunan)
        #expect(d.failedChecks.count == 7)
        #expect(d.failedChecks.first?.values.first?.value == .missing)
        let noPopulation = VillageExitRules.evaluate(
            incidence: Self.incidence(0, of: 0), collectiveIncome: nil, conditions: Self.allMet, standard: .national)
        #expect(!noPopulation.passed, "no population: no incidence, no exit")
    }
}

@Suite("County exit evaluation (REFERENCE §3.5)")
struct CountyExitTests {
    static let passing = CountyExitInputs(
        remainingPoorPeople: 2_061, ruralRegisteredPopulation: 665_000,
        findings: CountyExitFindings(
            missedPoor: 300, wronglyExited: 200, sampledExited: 1_000, sampledWronglyExited: 20, sampledNonEnrolled: 5_000, verifiedMissed: 100,
            surveyed: 1_000, approving: 900))

    @Test func theBoundaryValuesPass() {
        #expect(CountyExitRules.evaluate(Self.passing).passed)
    }

    @Test(arguments: [
        ("composite", CountyExitRules.compositeIncidence), ("wrongExit", CountyExitRules.wrongExitRate),
        ("missed", CountyExitRules.missedRate), ("approval", CountyExitRules.publicApproval), ("income", CountyExitRules.ruralIncome),
    ])
    func oneStepOverTheLineFailsItsRule(_ change: String, _ rule: RuleID) throws {
        var x = Self.passing
        switch change {
        case "composite": x.findings.missedPoor = 13_300 - 2_061 - 200  // 13,300 / 665,000 = 2.00%
        case "wrongExit": x.findings.sampledWronglyExited = 21
        case "missed": x.findings.verifiedMissed = 101
        case "approval": x.findings.approving = 899
        default:
            x.findings.ruralIncomeTarget = try Money(yuan: "10000")
            x.findings.ruralIncomePerHead = try Money(yuan: "9999.99")
        }
        #expect(CountyExitRules.evaluate(x).failedChecks.map(\.rule) == [rule])
    }

    @Test func theWestAllowsThreePercentAndAnEmptySampleFails() {
        var x = Self.passing
        x.findings.missedPoor = 15_000  // (2,061 + 15,000 + 200) / 665,000 = 2.60%
        #expect(!CountyExitRules.evaluate(x).passed && CountyExitRules.evaluate(x, west: true).passed)
        x.findings.sampledExited = 0
        x.findings.sampledWronglyExited = 0
        #expect(CountyExitRules.evaluate(x, west: true).failedChecks.map(\.rule) == [CountyExitRules.wrongExitRate])
    }
}
