/// A household's facts for one year (REFERENCE §2.1, §2.4): what the year's home visit found —
/// 两不愁三保障 and water, measured water access, the house, the road, the toilet and fuels —
/// kept as a yearly row, never overwritten by the next year's.
public struct HouseholdYear: Hashable, Sendable {
    public var household: HouseholdNumber
    public var year: Int
    /// 两不愁三保障 and safe water secured this year.
    public var securedGuarantees: Set<BasicGuarantee>
    public var water: WaterAccess?
    public var medicalAssistanceAvailable: Bool
    public var living: LivingConditions

    public init(
        household: HouseholdNumber, year: Int, securedGuarantees: Set<BasicGuarantee>, water: WaterAccess? = nil,
        medicalAssistanceAvailable: Bool = true, living: LivingConditions = LivingConditions()
    ) {
        self.household = household
        self.year = year
        self.securedGuarantees = securedGuarantees
        self.water = water
        self.medicalAssistanceAvailable = medicalAssistanceAvailable
        self.living = living
    }
}

/// Living conditions (REFERENCE §2.4). Areas in 亩 and distances in km are exact decimals
/// (two places); every field may be unknown.
public struct LivingConditions: Hashable, Sendable {
    public var dangerGrade: DangerGrade?
    public var structure: HouseStructure?
    /// Floor area, m².
    public var floorArea: FixedDecimal?
    public var builtYear: Int?
    public var renovationYear: Int?
    public var safeDrinkingWater: Bool?
    public var waterSource: WaterSource?
    public var distanceToMainRoadKm: FixedDecimal?
    public var accessRoad: AccessRoad?
    public var sanitaryToilet: Bool?
    /// At most 3, the main one first.
    public var fuels: [Fuel]
    public var arableLand: FixedDecimal?
    public var forestLand: FixedDecimal?
    /// 易地扶贫搬迁: relocated, and where to.
    public var relocationSite: String?

    public init(
        dangerGrade: DangerGrade? = nil, structure: HouseStructure? = nil, floorArea: FixedDecimal? = nil, builtYear: Int? = nil,
        renovationYear: Int? = nil, safeDrinkingWater: Bool? = nil, waterSource: WaterSource? = nil, distanceToMainRoadKm: FixedDecimal? = nil,
        accessRoad: AccessRoad? = nil, sanitaryToilet: Bool? = nil, fuels: [Fuel] = [], arableLand: FixedDecimal? = nil,
        forestLand: FixedDecimal? = nil, relocationSite: String? = nil
    ) {
        self.dangerGrade = dangerGrade
        self.structure = structure
        self.floorArea = floorArea
        self.builtYear = builtYear
        self.renovationYear = renovationYear
        self.safeDrinkingWater = safeDrinkingWater
        self.waterSource = waterSource
        self.distanceToMainRoadKm = distanceToMainRoadKm
        self.accessRoad = accessRoad
        self.sanitaryToilet = sanitaryToilet
        self.fuels = fuels
        self.arableLand = arableLand
        self.forestLand = forestLand
        self.relocationSite = relocationSite
    }
}

/// The checks on a household's year (errors refuse it; DQ-018 land ranges only warn):
/// the year within the registry's years and not after today's; at most 3 distinct fuels;
/// built and renovation years from `earliestBuildYear` and not after the record's year,
/// renovation not before building;
/// a floor area and a road distance not negative, the road distance at most 200 km; the measured
/// water within `waterRanges`.
public enum HouseholdYearRules {
    public static let year = RuleID("year.record")
    public static let fuels = RuleID("year.fuels")
    public static let builtYear = RuleID("year.built")
    public static let renovationYear = RuleID("year.renovated")
    public static let floorArea = RuleID("year.floorArea")
    public static let roadDistance = RuleID("year.roadDistance")
    public static let water = RuleID("year.water")
    /// The earliest year a house may be built or renovated in (an earlier one is a typing error);
    /// the messages quote it.
    public static let earliestBuildYear = 1900
    /// The measured water's plausible ranges: litres a person a day, minutes there and back,
    /// metres of lift, days a year without water.
    public static let waterRanges = (litres: 0...1_000, minutes: 0...1_440, lift: 0...2_000, shortageDays: 0...366)
    public static let land = RuleID("DQ-018")

    public static func evaluate(_ y: HouseholdYear, today: CivilDate) -> Decision {
        let l = y.living
        var checks = [
            Check(
                year, passed: RegistryYear.contains(y.year) && y.year <= today.year,
                values: [ReasonValue("year", .year(y.year)), ReasonValue("today", .date(today))]),
            Check(
                fuels, passed: l.fuels.count <= 3 && Set(l.fuels).count == l.fuels.count,
                values: [ReasonValue("count", .count(Int64(l.fuels.count)))]),
        ]
        if let w = y.water {
            let r = waterRanges
            checks.append(
                Check(
                    water,
                    passed: r.litres.contains(w.litresPerPersonPerDay) && r.minutes.contains(w.roundTripMinutes)
                        && r.lift.contains(w.verticalLiftMetres)
                        && r.shortageDays.contains(w.shortageDaysPerYear),
                    values: [
                        ReasonValue("litres", .count(Int64(w.litresPerPersonPerDay))), ReasonValue("minutes", .count(Int64(w.roundTripMinutes))),
                        ReasonValue("lift", .count(Int64(w.verticalLiftMetres))), ReasonValue("days", .count(Int64(w.shortageDaysPerYear))),
                    ]))
        }
        if let built = l.builtYear {
            checks.append(
                Check(
                    builtYear, passed: built >= earliestBuildYear && built <= y.year,
                    values: [
                        ReasonValue("built", .year(built)), ReasonValue("earliest", .year(earliestBuildYear)), ReasonValue("year", .year(y.year)),
                    ]))
        }
        if let renovated = l.renovationYear {
            checks.append(
                Check(
                    renovationYear, passed: renovated <= y.year && renovated >= (l.builtYear ?? earliestBuildYear),
                    values: [
                        ReasonValue("renovated", .year(renovated)), ReasonValue("earliest", .year(earliestBuildYear)),
                        ReasonValue("year", .year(y.year)),
                    ]))
        }
        if let area = l.floorArea {
            checks.append(Check(floorArea, passed: area.scaled >= 0, values: [ReasonValue("area", .decimal(area))]))
        }
        if let km = l.distanceToMainRoadKm {
            checks.append(
                Check(
                    roadDistance, passed: km.scaled >= 0 && km <= FixedDecimal(scaled: 200 * pow10(km.places), places: km.places),
                    values: [ReasonValue("km", .decimal(km))]))
        }
        return Decision(checks: checks)
    }

    /// DQ-018 (a warning): forest land outside 0–200 亩, arable land outside 0–100 亩.
    public static func landWarning(_ y: HouseholdYear) -> Check? {
        func outside(_ v: FixedDecimal?, _ max: Int64) -> Bool {
            guard let v else { return false }
            return v.scaled < 0 || v.scaled > max * pow10(v.places)
        }
        var parts: [Label] = []
        if outside(y.living.forestLand, 200), let v = y.living.forestLand { parts.append(Label("林地 \(v.text) 亩", "forest land \(v.text) mu")) }
        if outside(y.living.arableLand, 100), let v = y.living.arableLand { parts.append(Label("耕地 \(v.text) 亩", "arable land \(v.text) mu")) }
        guard !parts.isEmpty else { return nil }
        return Check(land, passed: false, values: [ReasonValue("land", .label(Label(joining: parts)))])
    }

    static func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { a, _ in a * 10 } }
}
