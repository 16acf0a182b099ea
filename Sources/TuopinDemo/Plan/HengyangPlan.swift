import TuopinCore

/// The Hengyang demo plan (衡阳市 430400): twelve county-level divisions with their real codes
/// and names (REFERENCE §5.4), Leiyang's real townships, and a roll that reproduces the figures
/// printed on the Hengyang Daily page of 16 October 2020 on the reference date 2020-10-15:
///
/// - 耒阳市: 14,466 households / 43,172 people; exited 13,454 / 40,974; 1,012 / 2,198 remaining;
///   incidence 0.18%; 34 poor villages.
/// - 衡东县: the 18 Sep 2020 figures (8,306 / 25,894; exited 7,284 / 23,833; 0.31%); 33 villages.
/// - 衡阳市: 307,000 people exited (30.7万); incidence 7.1% at enrolment and 0.26% on the date;
///   322 poor villages, all exited; 祁东县 exited in 2018.
///
/// Other counties' figures are invented to sum to those totals; township names outside Leiyang
/// and all village names are generated.
public struct HengyangPlan: Sendable {
    public var cityCode = "430400"
    public var cityName = "衡阳市"
    public var provinceCode = "430000"
    public var provinceName = "湖南省"
    public var referenceDate = CivilDate(year: 2020, month: 10, day: 15)!
    /// The city's incidence on the reference date (0.26%) and at enrolment, end of 2014 (7.1%).
    public var cityIncidence = try! FixedDecimal("0.26")
    public var enrolmentIncidence = try! FixedDecimal("7.10")
    public var enrolmentBaseline = CivilDate(year: 2014, month: 12, day: 31)!
    /// Share of roll households that were enrolled in 2014 and removed as ineligible (清退) in 2015–2017.
    public var removedShare = 0.115
    /// Share of roll households first identified in 2015 and 2016 (新识别).
    public var addedShare = 0.04
    public var seed: UInt64 = 430_400
    /// 2014 ÷ 2020 rural population when only some counties are generated: the factor the whole
    /// city came to when this was written (`DemoPopulation.baselineFactor`, 0.99476). Only
    /// subsets use it, so a drift makes them less plausible, never the city's figures wrong.
    public var subsetBaselineFactor = 0.9948
    public var counties: [CountyPlan]

    static let standardExits: [Double] = [4, 16, 20, 19, 17, 16, 8]

    public static let hengyang = HengyangPlan(counties: [
        county("430405", "珠晖区", .district, .counts(subdistricts: 6, towns: 3, townships: 1), 1_170, 3_570, 30, 60, 0, 40_000),
        county("430406", "雁峰区", .district, .counts(subdistricts: 5, towns: 1, townships: 1), 505, 1_515, 12, 25, 0, 16_000),
        county("430407", "石鼓区", .district, .counts(subdistricts: 5, towns: 1, townships: 1), 670, 2_015, 16, 35, 0, 22_000),
        county("430408", "蒸湘区", .district, .counts(subdistricts: 3, towns: 2, townships: 0), 545, 1_620, 14, 30, 0, 20_000),
        county("430412", "南岳区", .district, .counts(subdistricts: 1, towns: 1, townships: 1), 810, 2_440, 18, 40, 3, 25_000),
        county("430421", "衡阳县", .county, .counts(subdistricts: 0, towns: 17, townships: 8), 19_420, 56_583, 1_080, 2_300, 58, nil),
        county("430422", "衡南县", .county, .counts(subdistricts: 0, towns: 16, townships: 8), 17_760, 55_500, 940, 2_100, 52, 560_000),
        county("430423", "衡山县", .county, .counts(subdistricts: 0, towns: 8, townships: 4), 5_790, 17_900, 310, 700, 22, 260_000),
        county("430424", "衡东县", .county, .counts(subdistricts: 0, towns: 13, townships: 6), 7_284, 23_833, 1_022, 2_061, 33, 665_000),
        county(
            "430426", "祁东县", .county, .counts(subdistricts: 2, towns: 18, townships: 4), 19_180, 60_550, 220, 450, 78, 520_000,
            exits: [6, 24, 30, 28, 6, 4, 2], villageExits: 2015...2017,
            poorCounty: PoorCountyHistory(
                designated: CivilDate(year: 2014, month: 1, day: 1)!,
                exited: CivilDate(year: 2018, month: 4, day: 23)!, document: "湘政函〔2018〕45号")),
        county("430481", "耒阳市", .countyLevelCity, .real(leiyangTownships), 13_454, 40_974, 1_012, 2_198, 34, 1_221_000),
        county("430482", "常宁市", .countyLevelCity, .counts(subdistricts: 4, towns: 12, townships: 7), 13_050, 40_500, 650, 1_500, 42, 470_000),
    ])

    static func county(
        _ code: String, _ name: String, _ kind: AreaKind, _ townships: TownshipSpec,
        _ exitedH: Int, _ exitedP: Int, _ remainingH: Int, _ remainingP: Int, _ poorVillages: Int, _ population: Int?,
        exits: [Double] = standardExits, villageExits: ClosedRange<Int> = 2015...2019,
        poorCounty: PoorCountyHistory? = nil
    ) -> CountyPlan {
        CountyPlan(
            code: code, name: name, kind: kind, townships: townships, exitedHouseholds: exitedH, exitedPeople: exitedP,
            remainingHouseholds: remainingH, remainingPeople: remainingP, poorVillages: poorVillages,
            ruralPopulation2020: population, exitYearWeights: exits, villageExitYears: villageExits, poorCounty: poorCounty)
    }

    /// 耒阳市's 30 townships with their real codes (REFERENCE §5.4).
    static let leiyangTownships: [(suffix: String, name: String, kind: AreaKind)] = [
        ("001", "蔡子池街道", .subdistrict), ("002", "灶市街街道", .subdistrict), ("003", "水东江街道", .subdistrict),
        ("004", "五里牌街道", .subdistrict), ("005", "三架街道", .subdistrict), ("006", "余庆街道", .subdistrict),
        ("100", "黄市镇", .town), ("101", "小水镇", .town), ("102", "公平圩镇", .town), ("104", "三都镇", .town),
        ("105", "南阳镇", .town), ("107", "夏塘镇", .town), ("108", "龙塘镇", .town), ("109", "哲桥镇", .town),
        ("110", "永济镇", .town), ("111", "遥田镇", .town), ("112", "新市镇", .town), ("113", "淝田镇", .town),
        ("114", "大市镇", .town), ("115", "仁义镇", .town), ("116", "南京镇", .town), ("117", "大义镇", .town),
        ("118", "东湖圩镇", .town), ("119", "马水镇", .town), ("120", "导子镇", .town),
        ("201", "亮源乡", .township), ("203", "太平圩乡", .township), ("213", "长坪乡", .township),
        ("214", "大和圩乡", .township), ("215", "坛下乡", .township),
    ]

    /// The plan restricted to some counties (tests build one county quickly). The city-level
    /// balancing still uses the whole plan, so a county's figures do not depend on the selection.
    public func only(_ codes: Set<String>) -> [CountyPlan] { counties.filter { codes.contains($0.code) } }

    /// The city's rural registered population in 2020: remaining people ÷ the city incidence.
    public var cityPopulation2020: Int {
        let remaining = counties.reduce(0) { $0 + $1.remainingPeople }
        return Int(
            Rounding.halfAwayFromZero(
                Int64(remaining) * 100 * FixedDecimal.powerOfTen(cityIncidence.places),
                cityIncidence.scaled))
    }

    /// 2020 population per county: the plan's figure, or the balance of the city total.
    public func population2020(of county: CountyPlan) -> Int {
        if let p = county.ruralPopulation2020 { return p }
        return cityPopulation2020 - counties.compactMap(\.ruralPopulation2020).reduce(0, +)
    }
}
