import Testing

@testable import TuopinCore

/// The yearly facts' rules hold whatever years they are given: a record's year before the
/// building year's lower bound refuses, never traps.
@Suite("Household year rules")
struct HouseholdYearRulesTests {
    static let household = try! HouseholdNumber("4304811002010001")
    static let today = CivilDate(year: 2024, month: 6, day: 1)!

    @Test(arguments: [
        (2020, 1998, true), (2020, 2020, true), (2020, 2021, false), (2020, 1899, false), (1800, 1950, false), (1800, 1850, false),
        (-5, 1950, false),
    ])
    func theBuildingYearLiesBetween1900AndTheRecordsYear(record: Int, built: Int, passes: Bool) {
        let facts = HouseholdYear(household: Self.household, year: record, securedGuarantees: [], living: LivingConditions(builtYear: built))
        let decision = HouseholdYearRules.evaluate(facts, today: Self.today)
        #expect(decision.checks.first { $0.rule == HouseholdYearRules.builtYear }?.passed == passes)
        if record < 2012 { #expect(!decision.passed, "a record's year before the registry's is refused") }
    }
}
