import TuopinCore

/// The years after 2020 of a generated county, up to today: each year's home visit
/// (`HouseholdYear`: 两不愁三保障, water, house, road, toilet, fuels, land), each finished
/// year's incomes, and each member's yearly attributes (`MemberYear`) grown a year older, for
/// every household still on the roll (a member's row only in a year their attributes changed);
/// and the special-group tags (relocated, elderly living
/// alone, severe disability). Pure and seeded: the same county and day give the same rows.
///
/// Incomes after 2020 sit above the monitoring threshold (1.1–2.2 times it), except a few
/// households a year (about 2%) that fall under it, so that a sweep of those years finds them. The yearly
/// attributes follow the rules of `tuopin check`: a child moves up a school grade a year, leaves
/// school at 16–18 to work, and nobody of working age is left without labour capacity.
enum DemoYears {
    struct Rows {
        var householdYears: [HouseholdYear] = []
        var memberYears: [(MemberYear, HouseholdNumber)] = []
        var incomes: [IncomeRecord] = []
        var tags: [SpecialGroupTag] = []
    }

    /// The share of households a year whose income falls just under the monitoring threshold.
    static let shareUnderThreshold = 0.02

    static func rows(
        for county: DemoCounty, today: CivilDate, thresholds: MonitoringThresholdTable, seed: UInt64, steady: Set<HouseholdNumber> = []
    ) -> Rows {
        var rows = Rows()
        var r = SeededRandom(seed: seed &* 31 &+ (UInt64(county.plan.code) ?? 0))
        // The visit of a year is done by the end of November; its incomes once the year is over.
        let lastVisit = today >= CivilDate(year: today.year, month: 11, day: 30)! ? today.year : today.year - 1
        let lastIncome = today.year - 1
        guard lastVisit >= 2020 else { return rows }
        var last: [HouseholdNumber: StatusEvent] = [:]
        for e in county.events where (last[e.household]?.sequence ?? 0) < e.sequence { last[e.household] = e }
        var members: [String: Member] = [:]
        for m in county.members { members[m.idNumber] = m }
        var memberships: [HouseholdNumber: [Membership]] = [:]
        for m in county.memberships { memberships[m.household, default: []].append(m) }
        let region = PolicyRegion.province(String(county.plan.code.prefix(2)))
        var previous: [String: MemberYear] = [:]
        for household in county.households {
            guard let status = last[household.number]?.status, status.isEnrolled else { continue }
            let spans = memberships[household.number] ?? []
            let relocated = r.chance(0.05)
            var house = House(&r, relocated: relocated)
            if relocated {
                rows.tags.append(
                    SpecialGroupTag(household: household.number, group: "relocated", from: CivilDate(year: 2018, month: r.int(3...10), day: 1)!))
            }
            for year in 2020...lastVisit {
                let end = CivilDate.endOfYear(year)!
                let current = spans.filter { $0.isActive(on: end) }.compactMap { members[$0.idNumber] }
                guard !current.isEmpty else { continue }
                rows.householdYears.append(house.year(year, household: household.number, relocated: relocated, &r))
                guard year >= 2021, year <= lastIncome else { continue }
                for m in current {
                    // A row for a year whose attributes changed (a school year, a first job …): the
                    // rules read a member's latest row, and a year like the last adds nothing.
                    var y = grown(m, year: year)
                    let before = previous[m.idNumber] ?? Self.attributes(of: m, year: year)
                    y.year = before.year
                    guard y != before else { continue }
                    y.year = year
                    previous[m.idNumber] = y
                    rows.memberYears.append((y, household.number))
                }
                guard let threshold = thresholds.threshold(year: year, region: region) else { continue }
                let under = r.chance(shareUnderThreshold) && !steady.contains(household.number)
                let elderly = current.filter { $0.birthDate.age(on: end) >= 60 }.count
                rows.incomes.append(
                    IncomeGenerator.record(
                        household: household, year: year, size: current.count, poor: under, removed: false, elderly: elderly,
                        line: threshold.amountPerCapita, &r))
            }
            let alone = spans.filter { $0.to == nil }.compactMap { members[$0.idNumber] }
            if alone.count == 1, let person = alone.first, person.birthDate.age(on: today) >= 70 {
                let from = max(CivilDate(year: person.birthDate.year + 70, month: 1, day: 1)!, CivilDate(year: 2020, month: 1, day: 1)!)
                if from <= today { rows.tags.append(SpecialGroupTag(household: household.number, group: "elderlyAlone", from: from)) }
            }
            if alone.contains(where: { $0.health.contains(.disabled) && $0.labourCapacity == .lost }) {
                rows.tags.append(
                    SpecialGroupTag(household: household.number, group: "severeDisability", from: CivilDate(year: 2020, month: 1, day: 1)!))
            }
        }
        return rows
    }

    /// A member's recorded attributes as a yearly row (to compare a year's with).
    static func attributes(of m: Member, year: Int) -> MemberYear {
        MemberYear(
            idType: m.idType, idNumber: m.idNumber, year: year, education: m.education, studentStatus: m.studentStatus, health: m.health,
            labourCapacity: m.labourCapacity, medicalInsured: m.medicalInsured, seriousIllnessInsured: m.seriousIllnessInsured,
            residentPension: m.residentPension, receivesDibao: m.receivesDibao, receivesTekun: m.receivesTekun)
    }

    /// A member's attributes in `year`, grown from their 2020 ones by age.
    static func grown(_ m: Member, year: Int) -> MemberYear {
        let age = m.birthDate.age(on: CivilDate(year: year, month: 9, day: 1)!)
        let retirement = m.sex == .female ? 55 : 60
        var y = MemberYear(
            idType: m.idType, idNumber: m.idNumber, year: year, education: m.education, studentStatus: m.studentStatus, health: m.health,
            labourCapacity: m.labourCapacity, medicalInsured: m.medicalInsured, seriousIllnessInsured: m.seriousIllnessInsured,
            residentPension: m.residentPension || age >= 60, receivesDibao: m.receivesDibao, receivesTekun: m.receivesTekun)
        let stillStudying = m.studentStatus != .notInSchool || age < 16
        switch age {
        case ..<3: (y.education, y.studentStatus, y.labourCapacity) = (.preschoolChild, .notInSchool, .none)
        case 3...5: (y.education, y.studentStatus, y.labourCapacity) = (.preschoolChild, .preschool, .none)
        case 6...11: (y.education, y.studentStatus, y.labourCapacity) = (.primary, .primary(grade: age - 5), .none)
        case 12...14: (y.education, y.studentStatus, y.labourCapacity) = (.juniorMiddle, .juniorMiddle(grade: age - 5), .none)
        case 15...17 where stillStudying:
            (y.education, y.studentStatus, y.labourCapacity) = (.juniorMiddle, .seniorHigh(grade: age - 14), .none)
        case 18...21 where stillStudying:
            (y.education, y.studentStatus, y.labourCapacity) = (.seniorHigh, .collegeOrAbove, .none)
        default:
            if m.studentStatus != .notInSchool { y.studentStatus = .notInSchool }
            if (16...retirement).contains(age) && y.labourCapacity == .none { y.labourCapacity = .ordinary }
            if y.education == .preschoolChild { y.education = .primary }
        }
        if age < 16 && y.labourCapacity != .none && y.labourCapacity != .lost { y.labourCapacity = .none }
        // Some work away from home, the same each year.
        if y.labourCapacity == .ordinary && age >= 16 && age <= retirement && m.birthDate.dayNumber % 7 == 0 {
            y.migrantWork = .outsideProvince
            y.monthsWorked = 6 + (m.birthDate.dayNumber / 7) % 7
        }
        return y
    }

    /// A household's house and surroundings, kept from year to year (a few repairs aside).
    struct House {
        var structure: HouseStructure
        var floorArea: FixedDecimal
        var built: Int
        var source: WaterSource
        var roadKm: FixedDecimal
        var road: AccessRoad
        var toilet: Bool
        var fuels: [Fuel]
        var arable: FixedDecimal
        var forest: FixedDecimal?

        init(_ r: inout SeededRandom, relocated: Bool) {
            structure = relocated ? .reinforcedConcrete : [.brickConcrete, .brickConcrete, .brickWood, .reinforcedConcrete][r.int(0...3)]
            floorArea = FixedDecimal(scaled: Int64(r.int(45...180) * 100 + r.int(0...9) * 10), places: 2)
            built = relocated ? r.int(2017...2019) : r.int(1975...2019)
            source = r.chance(0.8) ? .tap : .protectedWellSpring
            roadKm = FixedDecimal(scaled: Int64(r.int(0...250)), places: 2)
            road = r.chance(0.85) ? .cement : .asphalt
            toilet = r.chance(0.7)
            fuels = r.chance(0.5) ? [.cleanEnergy] : [.firewood, .cleanEnergy]
            arable = FixedDecimal(scaled: Int64(r.int(0...600)), places: 2)
            forest = r.chance(0.4) ? FixedDecimal(scaled: Int64(r.int(10...3000)), places: 2) : nil
        }

        mutating func year(_ year: Int, household: HouseholdNumber, relocated: Bool, _ r: inout SeededRandom) -> HouseholdYear {
            if !toilet && r.chance(0.15) { toilet = true }
            return HouseholdYear(
                household: household, year: year, securedGuarantees: Set(BasicGuarantee.allCases),
                water: WaterAccess(
                    litresPerPersonPerDay: source == .tap ? 60 + r.int(0...40) : 40 + r.int(0...30),
                    roundTripMinutes: source == .tap ? 0 : r.int(2...15),
                    verticalLiftMetres: 0, shortageDaysPerYear: 0),
                medicalAssistanceAvailable: true,
                living: LivingConditions(
                    dangerGrade: r.chance(0.7) ? .a : .b, structure: structure, floorArea: floorArea, builtYear: built, safeDrinkingWater: true,
                    waterSource: source, distanceToMainRoadKm: roadKm, accessRoad: road, sanitaryToilet: toilet, fuels: fuels, arableLand: arable,
                    forestLand: forest, relocationSite: relocated ? "集中安置点" : nil))
        }
    }
}
