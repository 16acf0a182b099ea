import Testing
import TuopinCore

@Suite("A member's year: the checks on its attributes")
struct MemberYearRulesTests {
    static let today = CivilDate(year: 2024, month: 6, day: 1)!

    static func year(_ edit: (inout MemberYear) -> Void) -> MemberYear {
        var y = MemberYear(idNumber: "430481198001010013", year: 2023, education: .juniorMiddle, labourCapacity: .ordinary)
        edit(&y)
        return y
    }

    /// Each case: what is changed, and the rule that fails (nil: all pass).
    @Test(arguments: [
        ("as recorded", year { _ in }, nil as RuleID?),
        ("this year", year { $0.year = 2024 }, nil),
        ("next year", year { $0.year = 2025 }, MemberYearRules.year),
        ("before the registry's years", year { $0.year = 1900 }, MemberYearRules.year),
        ("healthy beside an illness", year { $0.health = [.healthy, .chronicIllness] }, MemberYearRules.health),
        ("two conditions", year { $0.health = [.chronicIllness, .disabled] }, nil),
        (
            "a category and a grade with the condition",
            year {
                $0.health = [.disabled]
                $0.disabilityCategory = .physical
                $0.disabilityGrade = 1
            }, nil
        ),
        ("a category without the condition", year { $0.disabilityCategory = .visual }, MemberYearRules.disability),
        (
            "a grade without a category",
            year {
                $0.health = [.disabled]
                $0.disabilityGrade = 2
            }, MemberYearRules.disability
        ),
        (
            "grade 5",
            year {
                $0.health = [.disabled]
                $0.disabilityCategory = .multiple
                $0.disabilityGrade = 5
            }, MemberYearRules.disability
        ),
        (
            "12 months worked away",
            year {
                $0.migrantWork = .outsideProvince
                $0.monthsWorked = 12
            }, nil
        ),
        (
            "13 months worked away",
            year {
                $0.migrantWork = .withinCounty
                $0.monthsWorked = 13
            }, MemberYearRules.monthsWorked
        ),
        ("months worked without migrant work", year { $0.monthsWorked = 3 }, MemberYearRules.monthsWorked),
        (
            "months in a public-welfare job",
            year {
                $0.publicWelfareJob = true
                $0.monthsEmployed = 6
            }, nil
        ),
        ("months employed without the job", year { $0.monthsEmployed = 6 }, MemberYearRules.monthsEmployed),
        (
            "negative months employed",
            year {
                $0.publicWelfareJob = true
                $0.monthsEmployed = -1
            }, MemberYearRules.monthsEmployed
        ),
    ])
    func theRuleThatFailsIsNamed(_ name: String, _ y: MemberYear, _ failing: RuleID?) {
        let decision = MemberYearRules.evaluate(y, today: Self.today)
        #expect(decision.failedChecks.map(\.rule) == (failing.map { [$0] } ?? []), "\(name)")
    }

    @Test func aYearsFactsReplaceTheMembersAttributesItCarries() {
        let member = Member(
            idNumber: "430481198001010013", name: "刘伟", sex: .male, birthDate: CivilDate(year: 1980, month: 1, day: 1)!, education: .primary,
            labourCapacity: .ordinary, medicalInsured: true)
        let y = Self.year {
            $0.medicalInsured = false
            $0.employeePension = true
            $0.labourCapacity = .lost
        }
        let applied = y.applied(to: member)
        #expect(applied.medicalInsured == false && applied.residentPension && applied.labourCapacity == .lost)
        #expect(applied.education == .juniorMiddle && applied.name == "刘伟")
    }

    @Test(arguments: [
        (CivilDate(year: 2020, month: 1, day: 1)!, nil as CivilDate?, nil as RuleID?),
        (CivilDate(year: 2020, month: 1, day: 1)!, CivilDate(year: 2020, month: 1, day: 2)!, nil),
        (CivilDate(year: 2020, month: 1, day: 1)!, CivilDate(year: 2020, month: 1, day: 1)!, SpecialGroupTagRules.span),
        (CivilDate(year: 2024, month: 6, day: 2)!, nil, SpecialGroupTagRules.from),
        (CivilDate(year: 1948, month: 12, day: 31)!, nil, SpecialGroupTagRules.from),
    ])
    func aGroupTagStartsByTodayAndEndsAfterItStarts(_ from: CivilDate, _ to: CivilDate?, _ failing: RuleID?) throws {
        let tag = SpecialGroupTag(household: try HouseholdNumber("4304811002010001"), group: "relocated", from: from, to: to)
        #expect(SpecialGroupTagRules.evaluate(tag, today: Self.today).failedChecks.map(\.rule) == (failing.map { [$0] } ?? []))
    }
}
