/// Which monitored category a household at risk falls in (REFERENCE §3.7), as explained decisions:
/// - `unstableExited`: an exited household, per-capita income within the year's threshold;
/// - `edgeAtRisk`: an ordinary household, income within the threshold;
/// - `suddenHardship`: any household with income **above** the threshold whose rigid spending
///   or a sudden income fall seriously hurts its basic living (`HardshipCriteria`).
///
/// Every category needs at least one risk. The threshold is a reference, not the sole test:
/// county approval may decide otherwise, and the decision's reasons show what it weighed.
public enum MonitoringCategoryRules {
    public static let income = RuleID("monitor.category.income")
    public static let householdType = RuleID("monitor.category.householdType")
    public static let risk = RuleID("monitor.category.risk")
    public static let hardship = RuleID("monitor.category.hardship")

    /// The first category whose decision passes, in the order of §3.7, and its decision; when
    /// none passes, nil and the decision for the category the household's type points to.
    public static func decide(
        _ facts: CategoryFacts, threshold: MonitoringThreshold, criteria: HardshipCriteria = .reference
    ) -> (category: MonitoringCategory?, decision: Decision) {
        let fallback: MonitoringCategory = facts.householdType == .exitedHousehold ? .unstableExited : .edgeAtRisk
        let fallbackDecision = evaluate(fallback, facts, threshold: threshold, criteria: criteria)
        for category in MonitoringCategory.allCases {
            let decision = category == fallback ? fallbackDecision : evaluate(category, facts, threshold: threshold, criteria: criteria)
            if decision.passed { return (category, decision) }
        }
        return (nil, fallbackDecision)
    }

    public static func evaluate(
        _ category: MonitoringCategory, _ facts: CategoryFacts, threshold: MonitoringThreshold, criteria: HardshipCriteria = .reference
    ) -> Decision {
        let within = threshold.isWithin(facts.perCapitaNetIncome)
        var checks = [
            Check(risk, passed: facts.riskCount > 0, values: [ReasonValue("count", .count(Int64(facts.riskCount)))])
        ]
        let incomeValues = [
            ReasonValue("perCapitaNetIncome", .money(facts.perCapitaNetIncome)),
            ReasonValue("relation", .relation(facts.perCapitaNetIncome, threshold.amountPerCapita)),
            ReasonValue("threshold", .money(threshold.amountPerCapita)), ReasonValue("year", .year(threshold.year)),
            ReasonValue("confirmed", .flag(threshold.confirmed)),
        ]
        switch category {
        case .unstableExited, .edgeAtRisk:
            let type: HouseholdType = category == .unstableExited ? .exitedHousehold : .ordinaryHousehold
            checks.append(
                Check(
                    householdType, passed: facts.householdType == type,
                    values: [ReasonValue("householdType", .code(facts.householdType)), ReasonValue("required", .code(type))]))
            checks.append(Check(income, passed: within, values: incomeValues + [ReasonValue("within", .flag(true))]))
        case .suddenHardship:
            checks.append(Check(income, passed: !within, values: incomeValues + [ReasonValue("within", .flag(false))]))
            let size = max(1, facts.householdSize)
            let afterSpending = facts.perCapitaNetIncome - facts.rigidSpending / size
            let spendingHits = threshold.isWithin(afterSpending)
            let fall = criteria.fallPercent(from: facts.previousPerCapitaNetIncome, to: facts.perCapitaNetIncome)
            let fallHits = fall.map { $0 >= criteria.incomeFallPercent } ?? false
            checks.append(
                Check(
                    hardship, passed: spendingHits || fallHits,
                    values: [
                        ReasonValue("afterSpending", .money(afterSpending)), ReasonValue("threshold", .money(threshold.amountPerCapita)),
                        ReasonValue("spendingHits", .flag(spendingHits)), ReasonValue("fallPercent", fall.map { .count(Int64($0)) } ?? .missing),
                        ReasonValue("requiredFallPercent", .count(Int64(criteria.incomeFallPercent))),
                    ]))
        }
        return Decision(checks: checks)
    }
}

/// What the category rules read about a household in a year.
public struct CategoryFacts: Hashable, Sendable {
    public var householdType: HouseholdType
    public var householdSize: Int
    public var perCapitaNetIncome: Money
    /// Last year's per-capita net income, for a sudden fall.
    public var previousPerCapitaNetIncome: Money?
    /// The household's rigid spending in the year: eligible out-of-pocket medical costs,
    /// schooling, disaster losses (合规自付支出 and the like).
    public var rigidSpending: Money
    public var riskCount: Int

    public init(
        householdType: HouseholdType, householdSize: Int, perCapitaNetIncome: Money, previousPerCapitaNetIncome: Money? = nil,
        rigidSpending: Money = Money(fen: 0), riskCount: Int
    ) {
        self.householdType = householdType
        self.householdSize = householdSize
        self.perCapitaNetIncome = perCapitaNetIncome
        self.previousPerCapitaNetIncome = previousPerCapitaNetIncome
        self.rigidSpending = rigidSpending
        self.riskCount = riskCount
    }
}

/// When spending or a fall in income makes a household above the threshold one in sudden
/// hardship. REFERENCE §3.7 gives no numbers ("seriously hurts basic living"; the 2020 rule:
/// "a sharp income fall"), so both are configurable; the reference defaults are:
/// - spending: income less rigid spending, per person, falls within the threshold;
/// - a fall: per-capita income at least 50% below last year's (unconfirmed).
public struct HardshipCriteria: Hashable, Sendable, Codable {
    public var incomeFallPercent: Int

    public init(incomeFallPercent: Int) { self.incomeFallPercent = incomeFallPercent }

    public static let reference = HardshipCriteria(incomeFallPercent: 50)

    /// Whole percent by which income fell (0 when it rose); nil without a positive last year.
    func fallPercent(from previous: Money?, to current: Money) -> Int? {
        guard let previous, previous.fen > 0 else { return nil }
        let fall = previous.fen - current.fen
        return fall <= 0 ? 0 : Int(fall * 100 / previous.fen)
    }
}
