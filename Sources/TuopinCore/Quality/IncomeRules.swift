/// One year's income of a household (REFERENCE §2.3): a year between 2012 and this year, a
/// household size of 1–50, and every component between 0 (DQ-009) and 100 million yuan.
public enum IncomeRules {
    public static let year = RuleID("income.year")
    public static let size = RuleID("income.size")
    public static let nonNegative = RuleID("DQ-009")
    public static let plausible = RuleID("income.amount")

    public static func evaluate(_ r: IncomeRecord, today: CivilDate) -> Decision {
        var checks = [
            Check.import(
                year, passed: (ImportLimits.firstEnrolmentYear - 1...today.year).contains(r.year),
                values: [
                    ReasonValue("year", .year(r.year)), ReasonValue("first", .year(ImportLimits.firstEnrolmentYear - 1)),
                    ReasonValue("last", .year(today.year)),
                ]),
            Check.import(
                size, passed: ImportLimits.householdSize.contains(r.householdSize),
                values: [
                    ReasonValue("size", .count(Int64(r.householdSize))), ReasonValue("maximum", .count(Int64(ImportLimits.householdSize.upperBound))),
                ]),
        ]
        for item in IncomeItem.allCases {
            let amount = r[item]
            if amount < .zero {
                checks.append(
                    Check.import(nonNegative, passed: false, values: [ReasonValue("item", .code(item)), ReasonValue("amount", .money(amount))]))
            } else if amount > .yuan(ImportLimits.incomeComponentYuan) {
                checks.append(
                    Check.import(plausible, passed: false, values: [ReasonValue("item", .code(item)), ReasonValue("amount", .money(amount))]))
            }
        }
        return Decision(checks: checks)
    }
}
