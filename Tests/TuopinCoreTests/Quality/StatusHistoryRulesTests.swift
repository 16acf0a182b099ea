import Testing
import TuopinCore

@Suite("Status history rules and transitions (REFERENCE §3.10)")
struct StatusHistoryRulesTests {
    let number = HouseholdNumber.make(village: try! AdminCode("430481100201"), sequence: 1)
    let day = CivilDate(year: 2014, month: 5, day: 1)!

    func history(_ steps: [(Int, StatusEventKind, PovertyStatus, Int)]) -> [String] {
        let events = steps.map { StatusEvent(household: number, sequence: $0.0, kind: $0.1, status: $0.2, effectiveDate: day.adding(days: $0.3)) }
        return StatusHistoryRules.evaluate(history: events).failedChecks.map(\.rule.rawValue)
    }

    @Test(
        "legal and illegal transitions",
        arguments: [
            (PovertyStatus?.none, StatusEventKind.identified, true), (nil, .exited, false),
            (.notExited, .exited, true), (.notExited, .policiesEnded, false), (.notExited, .returnedToPoverty, false),
            (.exitedWithPolicies, .policiesEnded, true), (.exitedWithPolicies, .returnedToPoverty, true), (.exitedWithPolicies, .exited, false),
            (.exitedWithoutPolicies, .returnedToPoverty, true), (.returnedToPoverty, .exited, true), (.plannedExit, .exited, true),
            (.notExited, .removedIneligible, true), (.exitedWithoutPolicies, .naturalClosure, true),
            (.removedIneligible, .exited, false), (.naturalClosure, .returnedToPoverty, false), (.removedIneligible, .corrected, true),
            (.notExited, .identified, false),
        ])
    func transitions(_ from: PovertyStatus?, _ kind: StatusEventKind, _ legal: Bool) {
        #expect(StatusTransition.isLegal(from: from, kind: kind) == legal)
    }

    @Test func aTypicalHistoryPasses() {
        #expect(
            history([
                (1, .identified, .notExited, 0), (2, .exited, .exitedWithPolicies, 900), (3, .returnedToPoverty, .returnedToPoverty, 1200),
                (4, .exited, .exitedWithPolicies, 1500),
            ]).isEmpty)
    }

    @Test func sequencesRunWithoutGaps() {
        #expect(history([(1, .identified, .notExited, 0), (3, .exited, .exitedWithPolicies, 9)]) == ["event.sequence"])
        #expect(history([(2, .identified, .notExited, 0)]) == ["event.sequence"])
    }

    @Test func theFirstEventIsTheIdentification() {
        #expect(history([(1, .exited, .exitedWithPolicies, 0)]) == ["event.first"])
    }

    @Test func datesFollowTheSequence() {
        #expect(history([(1, .identified, .notExited, 10), (2, .exited, .exitedWithPolicies, 0)]) == ["event.order"])
    }

    @Test func noEventsIsAFault() { #expect(history([]) == ["event.present"]) }

    @Test func anEventsKindMustLeadToItsStatus() {
        let e = StatusEvent(household: number, sequence: 1, kind: .exited, status: .notExited, effectiveDate: day)
        #expect(
            StatusHistoryRules.evaluate(e, today: CivilDate(year: 2026, month: 12, day: 1)!).failedChecks.map(\.rule.rawValue) == ["event.kindStatus"]
        )
        let corrected = StatusEvent(household: number, sequence: 2, kind: .corrected, status: .notExited, effectiveDate: day)
        #expect(StatusHistoryRules.evaluate(corrected, today: CivilDate(year: 2026, month: 12, day: 1)!).passed, "a correction may set any status")
    }
}

@Suite("Household composition DQ-006")
struct HouseholdCompositionRulesTests {
    let number = HouseholdNumber.make(village: try! AdminCode("430481100201"), sequence: 1)
    let d0 = CivilDate(year: 2014, month: 1, day: 1)!

    func member(_ relation: RelationToHead, from: Int = 0, to: Int? = nil) -> Membership {
        Membership(household: number, idNumber: "x", relation: relation, from: d0.adding(days: from), to: to.map { d0.adding(days: $0) })
    }

    func rules(_ ms: [Membership], onRoll: Bool = true) -> [String] {
        HouseholdCompositionRules.evaluate(ms, onRoll: onRoll).failedChecks.map(\.rule.rawValue)
    }

    @Test func oneCurrentHeadPasses() { #expect(rules([member(.head), member(.spouse)]).isEmpty) }
    @Test func twoHeadsAtOnceFail() { #expect(rules([member(.head), member(.head, from: 100)]).contains("DQ-006.twoHeads")) }
    @Test func aHeadWhoLeftWithNoSuccessorFails() { #expect(rules([member(.head, to: 50), member(.spouse)]) == ["DQ-006.headLeft"]) }
    @Test func aSuccessorAfterTheHeadLeftPasses() { #expect(rules([member(.head, to: 50), member(.head, from: 50)]).isEmpty) }
    @Test func noHeadAtAllFails() { #expect(rules([member(.spouse)]) == ["DQ-006.noHead"]) }
    @Test func noCurrentMemberFailsOnTheRoll() { #expect(rules([member(.head, to: 10)]) == ["DQ-006.noMember"]) }
    @Test func aClosedHouseholdMayHaveNobodyLeft() { #expect(rules([member(.head, to: 10)], onRoll: false).isEmpty) }
}

@Suite("Household, income and area rules")
struct RecordRulesTests {
    let today = CivilDate(year: 2026, month: 12, day: 1)!

    @Test("first identified year", arguments: [(0, false), (-5, false), (99_999, false), (2012, false), (2013, true), (2026, true), (2027, false)])
    func firstYear(_ year: Int, _ ok: Bool) {
        let d = HouseholdRules.evaluate(
            main: .illness, secondary: [], firstIdentifiedYear: year, plannedExitYear: nil, phone: nil, bankAccount: nil, today: today)
        #expect(d.passed == ok)
    }

    @Test func causesAndPlannedExits() {
        func rules(_ secondary: [PovertyCause], planned: Int? = nil) -> [String] {
            HouseholdRules.evaluate(
                main: .illness, secondary: secondary, firstIdentifiedYear: 2016, plannedExitYear: planned, phone: nil, bankAccount: nil,
                today: today
            ).failedChecks.map(\.rule.rawValue)
        }
        #expect(rules([.illness]) == ["DQ-013.equalsMain"])
        #expect(rules([.disability, .schooling, .disaster]) == ["DQ-013.tooMany"])
        #expect(rules([.disability, .disability]) == ["DQ-013.repeated"])
        #expect(rules([], planned: 2015) == ["DQ-010"])
        #expect(rules([], planned: 2019).isEmpty)
    }

    @Test func incomes() {
        var r = IncomeRecord(household: HouseholdNumber.make(village: try! AdminCode("430481100201"), sequence: 1), year: 2020, householdSize: 3)
        r[.crops] = .yuan(1_000)
        #expect(IncomeRules.evaluate(r, today: today).passed)
        r[.livestock] = Money(fen: -1)
        r.householdSize = 0
        #expect(Set(IncomeRules.evaluate(r, today: today).failedChecks.map(\.rule.rawValue)) == ["DQ-009", "income.size"])
        r = IncomeRecord(household: r.household, year: 0, householdSize: 3)
        #expect(IncomeRules.evaluate(r, today: today).failedChecks.map(\.rule.rawValue) == ["income.year"])
    }

    @Test func designationsFitTheAreasLevel() throws {
        let village = try AdminCode("430481100201"), county = try AdminCode("430481")
        let date = CivilDate(year: 2016, month: 12, day: 1)!
        #expect(AreaRules.evaluate(AreaEvent(area: village, kind: .villageExited, effectiveDate: date), today: today).passed)
        #expect(!AreaRules.evaluate(AreaEvent(area: county, kind: .villageExited, effectiveDate: date), today: today).passed)
        #expect(!AreaRules.evaluate(AreaEvent(area: village, kind: .countyExited, effectiveDate: date), today: today).passed)
        #expect(
            !AreaRules.evaluate(AreaEvent(area: county, kind: .countyExited, effectiveDate: CivilDate(year: 1900, month: 1, day: 1)!), today: today)
                .passed)
    }
}
