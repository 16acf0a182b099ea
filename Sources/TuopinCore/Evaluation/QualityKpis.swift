/// The quality KPIs of an area for a year (三率一度, R-10): the wrong-exit, missed and
/// wrong-inclusion rates of the sample checks, and public approval from the approval surveys,
/// each held to the county-exit thresholds in force (error rates at most 2%, approval at least
/// 90%, REFERENCE §3.5). Every rate is compared exactly; a KPI with no sample does not pass and
/// says so.
public enum QualityKpis {
    public static let wrongExitRate = RuleID("qualityKpis.wrongExitRate")
    public static let missedRate = RuleID("qualityKpis.missedRate")
    public static let wrongInclusionRate = RuleID("qualityKpis.wrongInclusionRate")
    public static let publicApproval = RuleID("qualityKpis.publicApproval")

    public static func evaluate(_ s: QualitySample, surveyed: Int64, approving: Int64, thresholds t: ExitThresholds = .reference) -> Decision {
        func rate(_ rule: RuleID, found: Int64, sampled: Int64) -> Check {
            Check(
                rule, passed: sampled > 0 && found * 100 <= t.countyErrorRatePercent * sampled,
                values: [
                    ReasonValue("rate", sampled > 0 ? .decimal(Ratio(found, sampled).percent(places: 2)) : .missing),
                    ReasonValue("found", .count(found)), ReasonValue("sampled", .count(sampled)),
                    ReasonValue("maximum", .count(t.countyErrorRatePercent)),
                ])
        }
        return Decision(checks: [
            rate(wrongExitRate, found: s.wronglyExited, sampled: s.sampledExited),
            rate(missedRate, found: s.verifiedMissed, sampled: s.sampledNonEnrolled),
            rate(wrongInclusionRate, found: s.wronglyIncluded, sampled: s.sampledEnrolled),
            Check(
                publicApproval, passed: surveyed > 0 && approving * 100 >= t.countyApprovalPercent * surveyed,
                values: [
                    ReasonValue("rate", surveyed > 0 ? .decimal(Ratio(approving, surveyed).percent(places: 2)) : .missing),
                    ReasonValue("approving", .count(approving)), ReasonValue("surveyed", .count(surveyed)),
                    ReasonValue("minimum", .count(t.countyApprovalPercent)),
                ]),
        ])
    }
}
