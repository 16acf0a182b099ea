import Testing

@testable import TuopinCore

/// E1–E5 of REFERENCE §3.3, one failing fact at a time.
@Suite("Household exit decision (REFERENCE §3.3)")
struct HouseholdExitTests {
    /// The national lines of REFERENCE §3.1 for the years these tests use.
    let lines = PovertyLineTable([
        PovertyLine(year: 2019, region: .national, standard: .national, amount: .yuan(3_218), confirmed: false),
        PovertyLine(year: 2020, region: .national, standard: .national, amount: .yuan(4_000)),
    ])

    func facts(
        income: Money = Money(fen: 520_000), guarantees: Set<BasicGuarantee> = Set(BasicGuarantee.allCases),
        childrenOutOfSchool: Int = 0, uninsured: Int = 0, assistance: Bool = true, grade: DangerGrade? = .b,
        water: WaterAccess? = nil
    ) -> HouseholdExitFacts {
        HouseholdExitFacts(
            exitYear: 2020, perCapitaNetIncome: [2019: Money(fen: 350_000), 2020: income],
            securedGuarantees: guarantees, water: water, childrenOutOfSchool: childrenOutOfSchool,
            uninsuredMembers: uninsured, medicalAssistanceAvailable: assistance, dangerGrade: grade)
    }

    @Test func householdMeetingEveryTestExits() {
        let d = HouseholdExit.evaluate(facts(), lines: lines)
        #expect(d.passed)
        #expect(
            d.checks.map(\.rule) == [
                HouseholdExit.incomeAboveLine, HouseholdExit.foodClothingWater, HouseholdExit.education,
                HouseholdExit.medical, HouseholdExit.housing,
            ])
    }

    @Test func incomeBelowTheLineFailsE1WithTheValues() {
        let d = HouseholdExit.evaluate(facts(income: Money(fen: 381_250)), lines: lines)
        #expect(!d.passed)
        #expect(d.failedChecks.map(\.rule) == [HouseholdExit.incomeAboveLine])
        let e1 = d.checks[0]
        #expect(e1["perCapitaNetIncome"] == .money(Money(fen: 381_250)))
        #expect(e1["povertyLine"] == .money(.yuan(4_000)))
        #expect(e1["relation"] == .relation("<"))
        #expect(e1["year"] == .year(2020))
    }

    @Test func incomeExactlyOnTheLineDoesNotClearItByDefault() {
        let d = HouseholdExit.evaluate(facts(income: .yuan(4_000)), lines: lines)
        #expect(d.failedChecks.map(\.rule) == [HouseholdExit.incomeAboveLine])
        #expect(d.checks[0]["relation"] == .relation("="))
    }

    @Test func theOperatorIsConfigurablePerLine() {
        let atLeast = PovertyLineTable([
            PovertyLine(year: 2020, region: .national, standard: .national, amount: .yuan(4_000), exitComparison: .atLeast)
        ])
        #expect(HouseholdExit.evaluate(facts(income: .yuan(4_000)), lines: atLeast).passed)
    }

    @Test func aProvinceLineOverridesTheNationalOne() {
        let table = PovertyLineTable(lines.rows + [PovertyLine(year: 2020, region: .province("43"), standard: .national, amount: .yuan(5_500))])
        #expect(HouseholdExit.evaluate(facts(), lines: table, region: .province("43")).failedChecks.map(\.rule) == [HouseholdExit.incomeAboveLine])
        #expect(HouseholdExit.evaluate(facts(), lines: table, region: .province("44")).passed)
    }

    @Test func stablyMeansEveryConfiguredYear() {
        let d = HouseholdExit.evaluate(facts(), lines: lines, rule: ExitRule(stableYears: 2))
        #expect(d.checks.filter { $0.rule == HouseholdExit.incomeAboveLine }.map(\.passed) == [true, true])
        var lowLastYear = facts()
        lowLastYear.perCapitaNetIncome[2019] = .yuan(3_000)
        let d2 = HouseholdExit.evaluate(lowLastYear, lines: lines, rule: ExitRule(stableYears: 2))
        #expect(!d2.passed)
        #expect(d2.failedChecks.first?["year"] == .year(2019))
    }

    @Test func missingLineOrIncomeFailsE1() {
        let d = HouseholdExit.evaluate(facts(), lines: PovertyLineTable([]))
        #expect(d.checks[0]["povertyLine"] == .missing)
        var noIncome = facts()
        noIncome.perCapitaNetIncome = [:]
        #expect(HouseholdExit.evaluate(noIncome, lines: lines).checks[0]["perCapitaNetIncome"] == .missing)
    }

    @Test("E2 fails without food, clothing or water", arguments: [BasicGuarantee.food, .clothing, .safeWater])
    func e2(_ missing: BasicGuarantee) {
        let d = HouseholdExit.evaluate(facts(guarantees: Set(BasicGuarantee.allCases).subtracting([missing])), lines: lines)
        #expect(d.failedChecks.map(\.rule) == [HouseholdExit.foodClothingWater])
    }

    @Test func measuredWaterIsJudgedByTheStandard() {
        let short = WaterAccess(litresPerPersonPerDay: 30, roundTripMinutes: 10, verticalLiftMetres: 0, shortageDaysPerYear: 0)
        let d = HouseholdExit.evaluate(facts(water: short), lines: lines)
        #expect(d.failedChecks.map(\.rule) == [HouseholdExit.foodClothingWater])
        #expect(d.checks[1]["litresPerPersonPerDay"] == .count(30))
        let far = WaterAccess(litresPerPersonPerDay: 40, roundTripMinutes: 45, verticalLiftMetres: 80, shortageDaysPerYear: 10)
        #expect(HouseholdExit.evaluate(facts(water: far), lines: lines).passed, "lift ≤ 100 m suffices when the trip is long")
    }

    @Test func childOutOfSchoolFailsE3() {
        let d = HouseholdExit.evaluate(facts(childrenOutOfSchool: 1), lines: lines)
        #expect(d.failedChecks.map(\.rule) == [HouseholdExit.education])
        #expect(d.failedChecks[0]["childrenOutOfSchool"] == .count(1))
    }

    @Test func uninsuredMemberOrNoAssistanceFailsE4() {
        #expect(HouseholdExit.evaluate(facts(uninsured: 2), lines: lines).failedChecks.map(\.rule) == [HouseholdExit.medical])
        #expect(HouseholdExit.evaluate(facts(assistance: false), lines: lines).failedChecks.map(\.rule) == [HouseholdExit.medical])
    }

    @Test("E5 passes grades A and B only", arguments: [(DangerGrade?.some(.a), true), (.b, true), (.c, false), (.d, false), (nil, false)])
    func e5(_ grade: DangerGrade?, _ passes: Bool) {
        let d = HouseholdExit.evaluate(facts(grade: grade), lines: lines)
        #expect(d.passed == passes)
        #expect(d.checks.last?["dangerGrade"] == (grade.map { .token($0.token) } ?? .missing))
    }
}
