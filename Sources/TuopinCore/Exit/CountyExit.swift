/// The national sample evaluation's findings and the survey of public approval for a county
/// exit (REFERENCE §3.5), recorded as inputs until the survey records exist.
public struct CountyExitFindings: Hashable, Sendable {
    /// Poor people found missing from the roll (漏评), and exited people found wrongly exited (错退).
    public var missedPoor: Int64
    public var wronglyExited: Int64
    /// The sample: exited people checked, of whom wrongly exited.
    public var sampledExited: Int64
    public var sampledWronglyExited: Int64
    /// The sample: non-enrolled rural people of the sampled villages, of whom verified missed.
    public var sampledNonEnrolled: Int64
    public var verifiedMissed: Int64
    /// The survey: households asked, of whom approving.
    public var surveyed: Int64
    public var approving: Int64
    /// Rural disposable income per head and its target (Hunan 2016); nil when not evaluated.
    public var ruralIncomePerHead: Money?
    public var ruralIncomeTarget: Money?

    public init(
        missedPoor: Int64, wronglyExited: Int64, sampledExited: Int64, sampledWronglyExited: Int64, sampledNonEnrolled: Int64,
        verifiedMissed: Int64, surveyed: Int64, approving: Int64, ruralIncomePerHead: Money? = nil, ruralIncomeTarget: Money? = nil
    ) {
        self.missedPoor = missedPoor
        self.wronglyExited = wronglyExited
        self.sampledExited = sampledExited
        self.sampledWronglyExited = sampledWronglyExited
        self.sampledNonEnrolled = sampledNonEnrolled
        self.verifiedMissed = verifiedMissed
        self.surveyed = surveyed
        self.approving = approving
        self.ruralIncomePerHead = ruralIncomePerHead
        self.ruralIncomeTarget = ruralIncomeTarget
    }

    /// Whether the findings can be true: no count below zero, nothing found beyond its sample.
    public var isConsistent: Bool {
        [missedPoor, wronglyExited, sampledExited, sampledWronglyExited, sampledNonEnrolled, verifiedMissed, surveyed, approving].allSatisfy {
            $0 >= 0
        } && sampledWronglyExited <= sampledExited && verifiedMissed <= sampledNonEnrolled && approving <= surveyed
    }
}

/// What the county exit evaluation reads: the registry's remaining poor and rural population,
/// and the findings.
public struct CountyExitInputs: Hashable, Sendable {
    public var remainingPoorPeople: Int64
    public var ruralRegisteredPopulation: Int64
    public var findings: CountyExitFindings

    public init(remainingPoorPeople: Int64, ruralRegisteredPopulation: Int64, findings: CountyExitFindings) {
        self.remainingPoorPeople = remainingPoorPeople
        self.ruralRegisteredPopulation = ruralRegisteredPopulation
        self.findings = findings
    }
}

/// The county exit evaluation (摘帽, 国开办发〔2017〕56号) as an explained decision: composite
/// incidence below 2% (3% in the west), wrong-exit and missed rates at most 2%, public approval
/// at least 90% (the `ExitThresholds` in force), and, when a target is given, rural income per head on target. Every rate is
/// compared exactly.
public enum CountyExitRules {
    public static let compositeIncidence = RuleID("countyExit.compositeIncidence")
    public static let wrongExitRate = RuleID("countyExit.wrongExitRate")
    public static let missedRate = RuleID("countyExit.missedRate")
    public static let publicApproval = RuleID("countyExit.publicApproval")
    public static let ruralIncome = RuleID("countyExit.ruralIncome")

    public static func evaluate(_ inputs: CountyExitInputs, west: Bool = false, thresholds t: ExitThresholds = .reference) -> Decision {
        let x = inputs.findings
        var checks = [
            Self.incidenceCheck(
                compositeIncidence, remaining: inputs.remainingPoorPeople, missed: x.missedPoor, wronglyExited: x.wronglyExited,
                population: inputs.ruralRegisteredPopulation, maximum: west ? t.countyIncidenceWestPercent : t.countyIncidencePercent),
            Self.errorRateCheck(wrongExitRate, found: x.sampledWronglyExited, sampled: x.sampledExited, maximum: t.countyErrorRatePercent),
            Self.errorRateCheck(missedRate, found: x.verifiedMissed, sampled: x.sampledNonEnrolled, maximum: t.countyErrorRatePercent),
            Self.approvalCheck(publicApproval, approving: x.approving, surveyed: x.surveyed, minimum: t.countyApprovalPercent),
        ]
        if let target = x.ruralIncomeTarget {
            checks.append(
                Check(
                    ruralIncome, passed: x.ruralIncomePerHead.map { $0 >= target } ?? false,
                    values: [ReasonValue("income", x.ruralIncomePerHead.map { .money($0) } ?? .missing), ReasonValue("target", .money(target))]))
        }
        return Decision(checks: checks)
    }
}

/// The county-exit indicators' formulas, each a check worded with its values, shared by the exit
/// evaluation and the quality KPIs. Every rate is compared exactly; no sample fails.
extension CountyExitRules {
    /// (remaining + missed + wrongly exited) ÷ rural population, below `maximum` percent.
    public static func incidenceCheck(
        _ rule: RuleID, remaining: Int64, missed: Int64, wronglyExited: Int64, population: Int64, maximum: Int64
    ) -> Check {
        let composite = remaining + missed + wronglyExited
        return Check(
            rule, passed: population > 0 && composite * 100 < maximum * population,
            values: [
                ReasonValue("rate", percent(composite, population)), ReasonValue("maximum", .count(maximum)),
                ReasonValue("remaining", .count(remaining)), ReasonValue("missed", .count(missed)),
                ReasonValue("wronglyExited", .count(wronglyExited)), ReasonValue("population", .count(population)),
            ])
    }

    /// found ÷ sampled, at most `maximum` percent.
    public static func errorRateCheck(_ rule: RuleID, found: Int64, sampled: Int64, maximum: Int64) -> Check {
        Check(
            rule, passed: sampled > 0 && found * 100 <= maximum * sampled,
            values: [
                ReasonValue("rate", percent(found, sampled)), ReasonValue("found", .count(found)), ReasonValue("sampled", .count(sampled)),
                ReasonValue("maximum", .count(maximum)),
            ])
    }

    /// approving ÷ surveyed households, at least `minimum` percent.
    public static func approvalCheck(_ rule: RuleID, approving: Int64, surveyed: Int64, minimum: Int64) -> Check {
        Check(
            rule, passed: surveyed > 0 && approving * 100 >= minimum * surveyed,
            values: [
                ReasonValue("rate", percent(approving, surveyed)), ReasonValue("approving", .count(approving)),
                ReasonValue("surveyed", .count(surveyed)), ReasonValue("minimum", .count(minimum)),
            ])
    }

    static func percent(_ n: Int64, _ d: Int64) -> ReasonValue.Value { d > 0 ? .decimal(Ratio(n, d).percent(places: 2)) : .missing }
}
