/// Areas, their poverty designations and village profiles: a designation fits the area's level
/// (a poor village is a village, a poor county a county) and is dated between 1986 and today;
/// a profile's year lies between 1990 and this year, its population within 0–200,000 and its
/// collective income within 0–1 billion yuan.
public enum AreaRules {
    public static let eventLevel = RuleID("areaEvent.level")
    public static let eventDate = RuleID("areaEvent.date")
    public static let profileYear = RuleID("profile.year")
    public static let population = RuleID("profile.population")
    public static let collectiveIncome = RuleID("profile.collectiveIncome")
    public static let nameLength = RuleID("area.name")

    public static func evaluate(_ e: AreaEvent, today: CivilDate) -> Decision {
        let level: AreaLevel =
            switch e.kind {
            case .designatedPoorVillage, .villageExited: .village
            case .designatedPoorCounty, .countyExited: .county
            }
        return Decision(checks: [
            Check.import(
                eventLevel, passed: e.area.level == level, values: [ReasonValue("kind", .code(e.kind)), ReasonValue("level", .code(level))]),
            Check.import(
                eventDate, passed: e.effectiveDate >= ImportLimits.earliestAreaEvent && e.effectiveDate <= today,
                values: [ReasonValue("date", .date(e.effectiveDate)), ReasonValue("today", .date(today))]),
        ])
    }

    public static func evaluate(_ p: VillageProfile, today: CivilDate) -> Decision {
        var checks = [
            Check.import(
                profileYear, passed: (1990...today.year).contains(p.year),
                values: [ReasonValue("year", .year(p.year)), ReasonValue("last", .year(today.year))]),
            Check.import(
                population, passed: ImportLimits.villagePopulation.contains(p.ruralRegisteredPopulation),
                values: [ReasonValue("count", .count(Int64(p.ruralRegisteredPopulation)))]),
        ]
        if let income = p.collectiveIncome {
            checks.append(
                Check.import(
                    collectiveIncome, passed: income >= .zero && income <= .yuan(ImportLimits.collectiveIncomeYuan),
                    values: [ReasonValue("amount", .money(income))]))
        }
        return Decision(checks: checks)
    }

    public static func evaluate(name: String) -> Decision {
        Decision(checks: [
            Check.import(
                nameLength, passed: ImportLimits.areaName.contains(name.count) && VisibleText.isVisible(name),
                values: [ReasonValue("count", .count(Int64(name.count)))])
        ])
    }
}
