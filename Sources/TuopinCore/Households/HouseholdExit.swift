/// The facts the exit test reads for one household and year (REFERENCE §3.3).
public struct HouseholdExitFacts: Hashable, Sendable {
    public var exitYear: Int
    /// Per-capita net income by year; the exit year must be present.
    public var perCapitaNetIncome: [Int: Money]
    /// 两不愁三保障 and water as recorded by the home visit.
    public var securedGuarantees: Set<BasicGuarantee>
    /// Measured water access, if the visit measured it; otherwise the `safeWater` guarantee decides.
    public var water: WaterAccess?
    /// Children of compulsory-school age out of school because of poverty (E3).
    public var childrenOutOfSchool: Int
    /// Members without basic medical insurance (E4).
    public var uninsuredMembers: Int
    public var medicalAssistanceAvailable: Bool
    /// The house's danger grade; nil when it has not been graded.
    public var dangerGrade: DangerGrade?

    public init(
        exitYear: Int, perCapitaNetIncome: [Int: Money], securedGuarantees: Set<BasicGuarantee>, water: WaterAccess? = nil,
        childrenOutOfSchool: Int = 0, uninsuredMembers: Int = 0, medicalAssistanceAvailable: Bool = true,
        dangerGrade: DangerGrade?
    ) {
        self.exitYear = exitYear
        self.perCapitaNetIncome = perCapitaNetIncome
        self.securedGuarantees = securedGuarantees
        self.water = water
        self.childrenOutOfSchool = childrenOutOfSchool
        self.uninsuredMembers = uninsuredMembers
        self.medicalAssistanceAvailable = medicalAssistanceAvailable
        self.dangerGrade = dangerGrade
    }
}

/// Whether a household meets the exit standard "一超过、两不愁、三保障" (2016 opinion; Hunan
/// 湘办〔2016〕31号), as an explained decision:
///
/// - E1 `exit.E1` per-capita net income above that year's line, for `rule.stableYears` years;
/// - E2 `exit.E2` food, clothing and safe water secured;
/// - E3 `exit.E3` no child out of school because of poverty;
/// - E4 `exit.E4` every member insured and medical assistance available;
/// - E5 `exit.E5` house graded A or B (C and D rebuilt first).
///
/// ```swift
/// let d = HouseholdExit.evaluate(facts, lines: lines, region: .province("43"))
/// d.checks[0]["perCapitaNetIncome"]  // .money(3,812.50)
/// ```
public enum HouseholdExit {
    public static let incomeAboveLine = RuleID("exit.E1")
    public static let foodClothingWater = RuleID("exit.E2")
    public static let education = RuleID("exit.E3")
    public static let medical = RuleID("exit.E4")
    public static let housing = RuleID("exit.E5")

    public static func evaluate(
        _ facts: HouseholdExitFacts, lines: PovertyLineTable, region: PolicyRegion = .national,
        standard: IdentificationStandard = .national, rule: ExitRule = .reference
    ) -> Decision {
        var checks: [Check] = []
        let firstYear = facts.exitYear - max(rule.stableYears, 1) + 1
        for year in firstYear...facts.exitYear {
            checks.append(
                incomeCheck(
                    year: year, income: facts.perCapitaNetIncome[year],
                    line: lines.line(year: year, region: region, standard: standard)))
        }
        checks.append(foodClothingWaterCheck(facts, rule: rule))
        let schooled = facts.childrenOutOfSchool == 0 && facts.securedGuarantees.contains(.compulsoryEducation)
        checks.append(
            Check(
                education, passed: schooled,
                values: [
                    ReasonValue("childrenOutOfSchool", .count(Int64(facts.childrenOutOfSchool))),
                    ReasonValue("compulsoryEducation", .flag(facts.securedGuarantees.contains(.compulsoryEducation))),
                ]))
        let insured = facts.uninsuredMembers == 0 && facts.medicalAssistanceAvailable && facts.securedGuarantees.contains(.basicMedical)
        checks.append(
            Check(
                medical, passed: insured,
                values: [
                    ReasonValue("uninsuredMembers", .count(Int64(facts.uninsuredMembers))),
                    ReasonValue("medicalAssistanceAvailable", .flag(facts.medicalAssistanceAvailable)),
                    ReasonValue("basicMedical", .flag(facts.securedGuarantees.contains(.basicMedical))),
                ]))
        let safe = (facts.dangerGrade?.isSafe ?? false) && facts.securedGuarantees.contains(.safeHousing)
        checks.append(
            Check(
                housing, passed: safe,
                values: [
                    ReasonValue("dangerGrade", facts.dangerGrade.map { .token($0.token) } ?? .missing),
                    ReasonValue("safeHousing", .flag(facts.securedGuarantees.contains(.safeHousing))),
                ]))
        return Decision(checks: checks)
    }

    static func incomeCheck(year: Int, income: Money?, line: PovertyLine?) -> Check {
        guard let line else {
            return Check(
                incomeAboveLine, passed: false,
                values: [
                    ReasonValue("year", .year(year)), ReasonValue("povertyLine", .missing),
                    ReasonValue("perCapitaNetIncome", income.map { .money($0) } ?? .missing),
                ])
        }
        guard let income else {
            return Check(
                incomeAboveLine, passed: false,
                values: [
                    ReasonValue("year", .year(year)), ReasonValue("perCapitaNetIncome", .missing), ReasonValue("povertyLine", .money(line.amount)),
                ])
        }
        return Check(
            incomeAboveLine, passed: line.isCleared(by: income),
            values: [
                ReasonValue("perCapitaNetIncome", .money(income)),
                ReasonValue("relation", .relation(income, line.amount)),
                ReasonValue("povertyLine", .money(line.amount)),
                ReasonValue("year", .year(year)),
                ReasonValue("comparison", .token(line.exitComparison.token)),
                ReasonValue("lineConfirmed", .flag(line.confirmed)),
            ])
    }

    static func foodClothingWaterCheck(_ facts: HouseholdExitFacts, rule: ExitRule) -> Check {
        let food = facts.securedGuarantees.contains(.food), clothing = facts.securedGuarantees.contains(.clothing)
        var values = [ReasonValue("food", .flag(food)), ReasonValue("clothing", .flag(clothing))]
        let water: Bool
        if let measured = facts.water {
            water = measured.meets(rule.water)
            values += [
                ReasonValue("litresPerPersonPerDay", .count(Int64(measured.litresPerPersonPerDay))),
                ReasonValue("minimumLitres", .count(Int64(rule.water.minimumLitresPerPersonPerDay))),
                ReasonValue("roundTripMinutes", .count(Int64(measured.roundTripMinutes))),
                ReasonValue("shortageDaysPerYear", .count(Int64(measured.shortageDaysPerYear))),
            ]
        } else {
            water = facts.securedGuarantees.contains(.safeWater)
        }
        values.append(ReasonValue("safeWater", .flag(water)))
        return Check(foodClothingWater, passed: food && clothing && water, values: values)
    }
}
