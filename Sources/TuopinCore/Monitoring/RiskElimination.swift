/// Whether a monitored household's risk may be eliminated (REFERENCE §3.9). All conditions are
/// required, and the prohibitions refuse it outright:
/// 1. per-capita income above the **current** year's threshold, and stably so;
/// 2. 两不愁三保障 and safe water secured, continuously;
/// 3. every original risk stably or naturally gone;
/// 4. no new risk;
/// - prohibited while rigid spending is uncontrolled, and for any `noLabourSafetyNet` household
///   (it stays tracked after protection).
public enum RiskElimination {
    public static let income = RuleID("eliminate.income")
    public static let incomeStable = RuleID("eliminate.incomeStable")
    public static let guarantees = RuleID("eliminate.guarantees")
    public static let risksGone = RuleID("eliminate.risksGone")
    public static let noNewRisk = RuleID("eliminate.noNewRisk")
    public static let spendingControlled = RuleID("eliminate.spendingControlled")

    public static func evaluate(_ facts: EliminationFacts, threshold: MonitoringThreshold) -> Decision {
        let missing = BasicGuarantee.allCases.filter { !facts.securedGuarantees.contains($0) }
        return Decision(checks: [
            Check(
                income, passed: !threshold.isWithin(facts.perCapitaNetIncome),
                values: [
                    ReasonValue("perCapitaNetIncome", .money(facts.perCapitaNetIncome)),
                    ReasonValue("relation", .relation(facts.perCapitaNetIncome, threshold.amountPerCapita)),
                    ReasonValue("threshold", .money(threshold.amountPerCapita)), ReasonValue("year", .year(threshold.year)),
                ]),
            Check(incomeStable, passed: facts.incomeStable),
            Check(spendingControlled, passed: facts.rigidSpendingControlled),
            Check(
                guarantees, passed: missing.isEmpty,
                values: [ReasonValue("missing", .label(Label(joining: missing.map(\.label))))]),
            Check(
                risksGone, passed: facts.remainingRisks.isEmpty,
                values: [ReasonValue("risk", .label(Label(joining: facts.remainingRisks.map(\.label))))]),
            Check(noNewRisk, passed: !facts.newRisk),
            Check(MonitoringRules.safetyNet, passed: !facts.noLabourSafetyNet),
        ])
    }
}

/// What the elimination test reads: the current year's income and what the visit found.
public struct EliminationFacts: Hashable, Sendable {
    public var perCapitaNetIncome: Money
    public var incomeStable: Bool
    public var rigidSpendingControlled: Bool
    public var securedGuarantees: Set<BasicGuarantee>
    /// The case's risks that are not yet gone.
    public var remainingRisks: [RiskType]
    public var newRisk: Bool
    public var noLabourSafetyNet: Bool

    public init(
        perCapitaNetIncome: Money, incomeStable: Bool, rigidSpendingControlled: Bool, securedGuarantees: Set<BasicGuarantee>,
        remainingRisks: [RiskType], newRisk: Bool, noLabourSafetyNet: Bool
    ) {
        self.perCapitaNetIncome = perCapitaNetIncome
        self.incomeStable = incomeStable
        self.rigidSpendingControlled = rigidSpendingControlled
        self.securedGuarantees = securedGuarantees
        self.remainingRisks = remainingRisks
        self.newRisk = newRisk
        self.noLabourSafetyNet = noLabourSafetyNet
    }
}
