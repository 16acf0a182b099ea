import Testing
import TuopinCore

@testable import TuopinDemo

/// The years after 2020 of the generated 耒阳, on 1 June 2024.
@Suite("Demo years after 2020 (耒阳市, on 2024-06-01)")
struct DemoYearsTests {
    static let today = CivilDate(year: 2024, month: 6, day: 1)!
    static let thresholds = MonitoringThresholdTable(
        [(2021, 6_000), (2022, 6_800), (2023, 7_400)].map {
            MonitoringThreshold(year: $0.0, region: .national, amountPerCapita: .yuan(Int64($0.1)))
        })
    static let county = GeneratedCountyTests.county
    static let rows = DemoYears.rows(for: county, today: today, thresholds: thresholds, seed: HengyangPlan.hengyang.seed)

    var onRoll: Set<HouseholdNumber> {
        var last: [HouseholdNumber: StatusEvent] = [:]
        for e in Self.county.events where (last[e.household]?.sequence ?? 0) < e.sequence { last[e.household] = e }
        return Set(last.filter { $0.value.status.isEnrolled }.keys)
    }

    @Test func visitsAreForTheYearsDoneAndIncomesForTheYearsOverOnlyForHouseholdsOnTheRoll() {
        let rows = Self.rows
        // 2024's visit is not done by June, and its income is not known yet.
        #expect(Set(rows.householdYears.map(\.year)) == [2020, 2021, 2022, 2023])
        #expect(Set(rows.incomes.map(\.year)) == [2021, 2022, 2023])
        #expect(Set(rows.memberYears.map(\.0.year)).isSubset(of: [2021, 2022, 2023]))
        let roll = onRoll
        #expect(Set(rows.householdYears.map(\.household)) == roll)
        #expect(rows.householdYears.count == 4 * roll.count)
        #expect(rows.incomes.count == 3 * roll.count)
        #expect(rows.tags.allSatisfy { $0.from <= Self.today && roll.contains($0.household) })
        #expect(rows.householdYears.allSatisfy { HouseholdYearRules.evaluate($0, today: Self.today).passed })
        #expect(rows.memberYears.allSatisfy { MemberYearRules.evaluate($0.0, today: Self.today).passed })
    }

    @Test func incomesSitAboveTheThresholdExceptAFewAndCountTheMembersAtYearEnd() {
        var spans: [HouseholdNumber: [Membership]] = [:]
        for m in Self.county.memberships { spans[m.household, default: []].append(m) }
        var under = 0
        for record in Self.rows.incomes {
            let end = CivilDate.endOfYear(record.year)!
            #expect(record.householdSize == spans[record.household]!.filter { $0.isActive(on: end) }.count)
            let threshold = Self.thresholds.threshold(year: record.year, region: .national)!.amountPerCapita
            if record.perCapitaNetIncome! <= threshold { under += 1 }
        }
        let share = Double(under) / Double(Self.rows.incomes.count)
        #expect((0.01...0.035).contains(share), "\(under) of \(Self.rows.incomes.count) under the threshold")
    }

    /// Each member's latest row, read as `tuopin check` reads it (as of the end of its year),
    /// raises no age finding: the attributes grow with the member.
    @Test func membersRowsGrowWithTheirAgeAndRaiseNoAgeFinding() {
        var members: [String: Member] = [:]
        for m in Self.county.members { members[m.idNumber] = m }
        var latest: [String: MemberYear] = [:]
        for (y, _) in Self.rows.memberYears where (latest[y.idNumber]?.year ?? 0) < y.year { latest[y.idNumber] = y }
        #expect(latest.count > 1_000, "children move up a grade every year")
        let ageRules: Set<RuleID> = [
            MemberQualityRules.childLabour, MemberQualityRules.workingAgeNone, MemberQualityRules.childOutOfSchool,
            MemberQualityRules.schoolingAge, MemberQualityRules.educationAge,
        ]
        for (id, y) in latest {
            let applied = y.applied(to: members[id]!)
            let found = MemberQualityRules.findings(applied, householdExited: true, asOf: CivilDate.endOfYear(y.year)!).map(\.rule)
            #expect(Set(found).isDisjoint(with: ageRules), "\(y.year) \(y.studentStatus.token) \(y.labourCapacity.token): \(found)")
        }
        // A child born before September 2012 is 10 on 1 September 2022: grade 5 of primary school.
        let child = Self.county.members.first { $0.birthDate.year == 2012 && $0.birthDate.month < 9 }!
        let rows = Self.rows.memberYears.filter { $0.0.idNumber == child.idNumber }.map(\.0)
        #expect(rows.first { $0.year == 2022 }?.studentStatus == .primary(grade: 5))
    }

    @Test func theSameDayGivesTheSameRows() {
        let again = DemoYears.rows(for: Self.county, today: Self.today, thresholds: Self.thresholds, seed: HengyangPlan.hengyang.seed)
        #expect(again.householdYears == Self.rows.householdYears)
        #expect(again.incomes == Self.rows.incomes)
        #expect(again.memberYears.map(\.0) == Self.rows.memberYears.map(\.0))
        #expect(again.tags == Self.rows.tags)
        let before = DemoYears.rows(
            for: Self.county, today: CivilDate(year: 2020, month: 10, day: 15)!, thresholds: Self.thresholds, seed: HengyangPlan.hengyang.seed)
        #expect(before.householdYears.isEmpty && before.incomes.isEmpty && before.memberYears.isEmpty && before.tags.isEmpty)
    }
}
