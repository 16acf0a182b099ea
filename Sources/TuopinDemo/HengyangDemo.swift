import TuopinCore

/// The deterministic Hengyang demo data set (`tuopin demo`, tests and benchmarks).
///
/// Generation is pure: the same plan, seed and poverty lines give the same city. Each county has
/// its own random stream, so one county generated alone equals the same county in the whole city.
///
/// ```swift
/// let lines = PovertyLineTable(...)   // from the policy tables
/// let leiyang = HengyangDemo.generateCounty(HengyangPlan.hengyang.only(["430481"])[0], plan: .hengyang, lines: lines)
/// leiyang.households.count            // 14,466 on the roll plus those removed as ineligible
/// ```
public enum HengyangDemo {
    /// The province and city rows that sit above the counties.
    public static func upperAreas(_ plan: HengyangPlan) -> [Area] {
        [
            Area(code: try! AdminCode(plan.provinceCode), name: plan.provinceName, kind: .province),
            Area(code: try! AdminCode(plan.cityCode), name: plan.cityName, kind: .city),
        ]
    }

    public static func generateCounty(_ county: CountyPlan, plan: HengyangPlan, lines: PovertyLineTable) -> DemoCounty {
        var r = SeededRandom(seed: plan.seed &* 1_000_003 &+ UInt64(county.code)!)
        var out = DemoCounty(plan: county)
        let countyCode = try! AdminCode(county.code)
        out.areas.append(Area(code: countyCode, name: county.name, kind: county.kind))
        if let history = county.poorCounty {
            out.areaEvents.append(AreaEvent(area: countyCode, kind: .designatedPoorCounty, effectiveDate: history.designated))
            out.areaEvents.append(AreaEvent(area: countyCode, kind: .countyExited, effectiveDate: history.exited, document: history.document))
        }

        // Townships and villages, with 2020 population split by weight.
        for township in AreaGenerator.townships(of: county, &r) {
            out.areas.append(township)
            out.villages += AreaGenerator.villages(of: township, &r)
        }
        out.areas += out.villages.map(\.area)
        let populations = Apportion.split(plan.population2020(of: county), weights: out.villages.map(\.weight))
        for i in out.villages.indices { out.villages[i].population2020 = populations[i] }

        // Poor villages: designated in 2014, exited by their year.
        let candidates = out.villages.indices.filter { out.villages[$0].area.kind == .village }
        var shuffled = candidates
        shuffled.shuffle(using: &r)
        for i in shuffled.prefix(county.poorVillages) {
            let year = r.int(county.villageExitYears.lowerBound...county.villageExitYears.upperBound)
            out.villages[i].poorExitYear = year
            let code = out.villages[i].area.code
            out.areaEvents.append(AreaEvent(area: code, kind: .designatedPoorVillage, effectiveDate: CivilDate(year: 2014, month: 6, day: 30)!))
            out.areaEvents.append(AreaEvent(area: code, kind: .villageExited, effectiveDate: CivilDate(year: year, month: 12, day: 20)!))
        }

        var drafts = HouseholdDrafter.drafts(for: county, demo: plan, &r)
        drafts.shuffle(using: &r)
        assignVillages(&drafts, villages: out.villages, &r)
        buildHouseholds(drafts, into: &out, plan: plan, lines: lines, &r)
        return out
    }

    /// Puts households in villages, poor villages three times as likely, but never so many
    /// still-poor people in a poor village at its exit that its incidence would reach 1%.
    static func assignVillages(_ drafts: inout [HouseholdDraft], villages: [GeneratedVillage], _ r: inout SeededRandom) {
        let eligible = villages.indices.filter { villages[$0].area.kind == .village }
        let weights = eligible.map { villages[$0].weight * (villages[$0].poorExitYear != nil ? 3 : 1) }
        let ordinary = eligible.filter { villages[$0].poorExitYear == nil }
        var capacity = [Int: Int]()
        for i in eligible where villages[i].poorExitYear != nil { capacity[i] = villages[i].population2020 * 9 / 1000 }
        for k in drafts.indices {
            var chosen = eligible[r.weighted(weights)]
            if let year = villages[chosen].poorExitYear, let yearEnd = CivilDate.endOfYear(year), drafts[k].isPoor(on: yearEnd) {
                if capacity[chosen, default: 0] >= drafts[k].size {
                    capacity[chosen, default: 0] -= drafts[k].size
                } else if !ordinary.isEmpty {
                    chosen = ordinary[r.int(0...(ordinary.count - 1))]
                }
            }
            drafts[k].village = chosen
        }
    }

    static func buildHouseholds(
        _ drafts: [HouseholdDraft], into out: inout DemoCounty, plan: HengyangPlan,
        lines: PovertyLineTable, _ r: inout SeededRandom
    ) {
        let reference = plan.referenceDate
        let region = PolicyRegion.province(String(plan.provinceCode.prefix(2)))
        var sequenceInVillage = [Int: Int]()
        var idSequence = [CivilDate: Int]()
        let address = out.plan.code
        for draft in drafts {
            let village = out.villages[draft.village].area.code
            let seq = sequenceInVillage[draft.village, default: 0] + 1
            sequenceInVillage[draft.village] = seq
            let number = HouseholdNumber.make(village: village, sequence: seq)
            let household = makeHousehold(number, village: village, draft: draft, &r)
            out.households.append(household)
            out.events += draft.events(for: number)

            let people = MemberGenerator.people(for: draft, reference: reference, &r)
            let surname = ChineseNames.surname(&r)
            let headSex = people[0].sex
            for p in people {
                // Sequence numbers: odd for men, even for women, unique per county and birth date.
                let k = idSequence[p.birthDate, default: 0]
                idSequence[p.birthDate] = k + 1
                let id = IdentityNumber.make(address: address, birthDate: p.birthDate, sequence: 2 * k + (p.sex == .male ? 1 : 2))
                let sharesSurname =
                    p.relation != .spouse && p.relation != .daughterInLaw
                    && !(headSex == .female && [.son, .daughter, .grandson, .granddaughter].contains(p.relation))
                let name = sharesSurname || r.chance(0.1) ? surname : ChineseNames.surname(&r)
                out.members.append(MemberGenerator.member(p, surname: name, idNumber: id, household: household, reference: reference, &r))
                out.memberships.append(
                    Membership(
                        household: number, idNumber: id.rawValue, relation: p.relation,
                        from: p.from, to: p.to, endReason: p.endReason))
            }
            if draft.isPoor(on: plan.enrolmentBaseline) {
                out.poorAtBaseline += people.filter { $0.from <= plan.enrolmentBaseline && ($0.to.map { plan.enrolmentBaseline < $0 } ?? true) }.count
            }

            // Incomes for every year on the roll.
            let lastYear = draft.removed?.year ?? reference.year
            for year in draft.enrolYear...lastYear {
                let cut = min(CivilDate.endOfYear(year) ?? reference, reference)
                let active = people.filter { $0.from <= cut && ($0.to.map { cut < $0 } ?? true) }
                let poor = draft.isPoor(on: CivilDate.endOfYear(year) ?? reference)
                guard let line = lines.line(year: year, region: region) ?? lines.line(year: year - 1, region: region) else { continue }
                out.incomes.append(
                    IncomeGenerator.record(
                        household: household, year: year, size: max(active.count, 1), poor: poor,
                        removed: draft.group == .removed, elderly: active.filter { $0.birthDate.age(on: cut) >= 60 }.count,
                        line: line.amount, &r))
            }
        }
    }

    static let causeWeights: [(PovertyCause, Double)] = [
        (.illness, 42), (.disability, 12), (.schooling, 8), (.disaster, 3), (.lackOfLand, 2), (.lackOfWater, 2), (.lackOfSkills, 10),
        (.lackOfLabour, 10), (.lackOfCapital, 8), (.poorTransport, 1), (.lackOfMotivation, 1), (.other, 1),
    ]

    static func makeHousehold(_ number: HouseholdNumber, village: AdminCode, draft: HouseholdDraft, _ r: inout SeededRandom) -> Household {
        let main = causeWeights[r.weighted(causeWeights.map(\.1))].0
        var secondary: [PovertyCause] = []
        for _ in 0..<r.weighted([50, 35, 15]) {
            let c = causeWeights[r.weighted(causeWeights.map(\.1))].0
            if c != main && !secondary.contains(c) { secondary.append(c) }
        }
        let attribute: PovertyAttribute
        if draft.group == .remaining {
            attribute = draft.size <= 2 && r.chance(0.25) ? .tekun : (r.chance(0.45) ? .dibao : .general)
        } else {
            attribute = draft.size == 1 && r.chance(0.2) ? .tekun : (r.chance(0.18) ? .dibao : .general)
        }
        let phone = r.chance(0.85) ? "1" + String(r.pick(["3", "5", "8"])) + String(r.int(100_000_000...999_999_999)) : nil
        let account = r.chance(0.9) ? "6217" + String(r.int(100_000_000...999_999_999)) + String(r.int(100_000...999_999)) : nil
        return Household(
            number: number, village: village, identificationStandard: .national, povertyAttribute: attribute,
            mainCause: main, secondaryCauses: secondary, firstIdentifiedYear: draft.enrolYear,
            plannedExitYear: draft.finalExit?.year, isMilitaryMartyrFamily: r.chance(0.01),
            isOneChild: r.chance(0.04), isTwoDaughters: r.chance(0.03), phone: phone, bankAccount: account)
    }

    /// Village profiles for 2014–2020: 2020 populations from the plan, earlier years interpolated
    /// from 2014.
    ///
    /// For the whole city, 2014 populations are scaled so that the enrolment incidence is exactly
    /// the plan's (7.10%). A subset of counties cannot know the other counties' poor, so it uses
    /// the plan's recorded factor (`subsetBaselineFactor`) and stays plausible, not exact.
    public static func population(for counties: [DemoCounty], plan: HengyangPlan) -> DemoPopulation {
        let poor = counties.reduce(0) { $0 + $1.poorAtBaseline }
        let total2020 = counties.reduce(0) { $0 + $1.villages.reduce(0) { $0 + $1.population2020 } }
        let wholeCity = Set(counties.map(\.plan.code)) == Set(plan.counties.map(\.code))
        let total2014 =
            wholeCity
            ? Int(
                Rounding.halfAwayFromZero(
                    Int64(poor) * 100 * FixedDecimal.powerOfTen(plan.enrolmentIncidence.places),
                    plan.enrolmentIncidence.scaled))
            : Int((Double(total2020) * plan.subsetBaselineFactor).rounded())
        let villages = counties.flatMap(\.villages).filter { $0.area.kind == .village }
        let pop2014 = Apportion.split(total2014, weights: villages.map { Double($0.population2020) })
        var profiles: [VillageProfile] = []
        var r = SeededRandom(seed: plan.seed &+ 17)
        for (v, p14) in zip(villages, pop2014) {
            for year in 2014...2020 {
                let pop = p14 + Int((Double(v.population2020 - p14) * Double(year - 2014) / 6).rounded())
                let income: Money
                if let exit = v.poorExitYear {
                    income = year >= exit ? .yuan(Int64(40_000 + r.int(0...110_000))) : .yuan(Int64(5_000 + r.int(0...30_000)))
                } else {
                    income = .yuan(Int64(20_000 + r.int(0...280_000)))
                }
                // A poor village gets its road and safe water by its exit year; the rest is in place throughout.
                let built = v.poorExitYear.map { year >= $0 } ?? true
                let conditions = VillageConditions(
                    roadPassable: built, safeWater: built, power: true, schoolNearby: true, clinicNearby: true, socialSecurity: true)
                profiles.append(
                    VillageProfile(
                        village: v.area.code, year: year, ruralRegisteredPopulation: pop, collectiveIncome: income, conditions: conditions))
            }
        }
        return DemoPopulation(profiles: profiles, baselineFactor: total2020 > 0 ? Double(total2014) / Double(total2020) : 0)
    }
}
