import Testing
import TuopinCore

@testable import TuopinDemo

/// Leiyang generated in memory: the roll hits the plan exactly and its people are plausible.
@Suite("Generated county (耒阳市)")
struct GeneratedCountyTests {
    static let lines = PovertyLineTable(
        [2_736, 2_800, 2_855, 2_952, 3_000, 2_995, 3_218, 4_000].enumerated().map {
            PovertyLine(year: 2013 + $0.offset, region: .national, standard: .national, amount: .yuan(Int64($0.element)))
        })
    static let plan = HengyangPlan.hengyang
    static let county = HengyangDemo.generateCounty(plan.counties.first { $0.code == "430481" }!, plan: plan, lines: lines)
    let county = GeneratedCountyTests.county
    let day = CivilDate(year: 2020, month: 10, day: 15)!

    var eventsByHousehold: [HouseholdNumber: [StatusEvent]] { Dictionary(grouping: county.events, by: \.household) }

    @Test func rollOnTheReferenceDateIsExact() {
        let events = eventsByHousehold
        var people: [HouseholdNumber: Int] = [:]
        for m in county.memberships where m.isActive(on: day) { people[m.household, default: 0] += 1 }
        var counts = StatusCounts()
        for h in county.households {
            counts.add(StatusEvent.status(of: events[h.number]!, on: day)!, households: 1, people: people[h.number] ?? 0)
        }
        #expect(counts.enrolledHouseholds == 14_466 && counts.enrolledPeople == 43_172)
        #expect(counts.exitedHouseholds == 13_454 && counts.exitedPeople == 40_974)
        #expect(counts.remainingHouseholds == 1_012 && counts.remainingPeople == 2_198)
    }

    @Test func generationIsDeterministic() {
        let again = HengyangDemo.generateCounty(Self.plan.counties.first { $0.code == "430481" }!, plan: Self.plan, lines: Self.lines)
        #expect(again.households == county.households)
        #expect(again.members.prefix(500) == county.members.prefix(500))
    }

    @Test func everyIdentityNumberIsValidUniqueAndAgreesWithTheRecord() throws {
        var seen = Set<String>()
        for m in county.members {
            let id = try IdentityNumber(m.idNumber)
            #expect(id.sex == m.sex && id.birthDate == m.birthDate)
            #expect(seen.insert(m.idNumber).inserted)
        }
    }

    @Test func everyHouseholdHasExactlyOneCurrentHeadAndAgesFitRelations() {
        let members = Dictionary(uniqueKeysWithValues: county.members.map { ($0.idNumber, $0) })
        let byHousehold = Dictionary(grouping: county.memberships, by: \.household)
        for (_, memberships) in byHousehold {
            let heads = memberships.filter { $0.relation == .head && $0.to == nil }
            #expect(heads.count == 1)
            guard let head = heads.first.flatMap({ members[$0.idNumber] }) else { continue }
            for m in memberships where m.to == nil {
                guard let person = members[m.idNumber], let generation = m.relation.generation, generation != 0 else { continue }
                // A child is at least 15 years younger than the head; a parent at least 15 years older.
                let gap = head.birthDate.age(on: day) - person.birthDate.age(on: day)
                #expect(generation < 0 ? gap >= 15 : gap <= -15, "\(m.relation) gap \(gap)")
            }
        }
    }

    @Test func schoolStatusAndLabourFitAge() {
        for m in county.members {
            let age = m.birthDate.age(on: CivilDate(year: 2020, month: 9, day: 1)!)
            if (7...14).contains(age) { #expect(m.studentStatus.isCompulsory, "age \(age) \(m.studentStatus)") }
            if age < 16 { #expect(m.labourCapacity == .none) }
            if age > 70 { #expect(m.labourCapacity == .none) }
        }
    }

    @Test func incomesAgreeWithStatus() {
        let events = eventsByHousehold
        for record in county.incomes {
            guard let pc = record.perCapitaNetIncome, let line = Self.lines.line(year: record.year) else { continue }
            let status = StatusEvent.status(of: events[record.household]!, on: CivilDate.endOfYear(record.year) ?? .init(dayNumber: 0))!
            if status.isExited { #expect(line.isCleared(by: pc), "DQ-011: exited household above the \(record.year) line") }
            if status.isRemainingPoor { #expect(line.countsAsPoor(pc)) }
            #expect(record.negativeItems.isEmpty)
        }
    }

    @Test func causesFollowDQ013() throws {
        for h in county.households { try Household.validateCauses(main: h.mainCause, secondary: h.secondaryCauses) }
        let illness = county.households.filter { $0.mainCause == .illness }.count
        #expect((0.35...0.5).contains(Double(illness) / Double(county.households.count)), "因病 is the leading cause")
    }

    @Test func areasAreRealWhereTheReferenceHasThem() {
        let townships = county.areas.filter { $0.level == .township }
        #expect(townships.count == 30)
        #expect(townships.contains { $0.code.rawValue == "430481120" && $0.name == "导子镇" })
        #expect(county.villages.filter { $0.poorExitYear != nil }.count == 34)
    }
}
