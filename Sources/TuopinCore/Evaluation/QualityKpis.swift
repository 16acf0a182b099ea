/// The quality KPIs of an area for a year (三率一度, R-10): the county-exit indicators of REFERENCE
/// §3.5 — composite incidence, the wrong-exit and missed rates of the sample checks, and public
/// approval from the approval surveys — each held to the thresholds in force (incidence below 2%,
/// error rates at most 2%, approval at least 90%). Composite incidence counts the people the
/// checks found missed or wrongly exited beside the registry's remaining poor. Every rate is
/// compared exactly; a KPI with no sample does not pass and says so. The wrong-inclusion rate (错评)
/// is reported beside them, for information: it is not one of the four.
public enum QualityKpis {
    public static let compositeIncidence = RuleID("qualityKpis.compositeIncidence")
    public static let wrongExitRate = RuleID("qualityKpis.wrongExitRate")
    public static let missedRate = RuleID("qualityKpis.missedRate")
    public static let publicApproval = RuleID("qualityKpis.publicApproval")

    /// The registry's side of composite incidence: the poor people remaining at the year's end
    /// and the rural registered population.
    public struct Registry: Hashable, Sendable {
        public var remainingPoorPeople: Int64
        public var ruralRegisteredPopulation: Int64

        public init(remainingPoorPeople: Int64, ruralRegisteredPopulation: Int64) {
            self.remainingPoorPeople = remainingPoorPeople
            self.ruralRegisteredPopulation = ruralRegisteredPopulation
        }
    }

    /// The four KPIs; without `registry` (checks made at an area's own level, which no registry
    /// figure belongs to) composite incidence is left out.
    public static func evaluate(
        _ s: QualitySample, surveyed: Int64, approving: Int64, registry: Registry?, thresholds t: ExitThresholds = .reference
    ) -> Decision {
        var checks: [Check] = []
        if let r = registry {
            checks.append(
                CountyExitRules.incidenceCheck(
                    compositeIncidence, remaining: r.remainingPoorPeople, missed: s.verifiedMissed, wronglyExited: s.wronglyExited,
                    population: r.ruralRegisteredPopulation, maximum: t.countyIncidencePercent))
        }
        checks += [
            CountyExitRules.errorRateCheck(wrongExitRate, found: s.wronglyExited, sampled: s.sampledExited, maximum: t.countyErrorRatePercent),
            CountyExitRules.errorRateCheck(missedRate, found: s.verifiedMissed, sampled: s.sampledNonEnrolled, maximum: t.countyErrorRatePercent),
            CountyExitRules.approvalCheck(publicApproval, approving: approving, surveyed: surveyed, minimum: t.countyApprovalPercent),
        ]
        return Decision(checks: checks)
    }

    /// The wrong-inclusion rate (错评率), for information: nil with no enrolled person checked.
    public static func wrongInclusionRate(_ s: QualitySample) -> FixedDecimal? {
        s.sampledEnrolled > 0 ? Ratio(s.wronglyIncluded, s.sampledEnrolled).percent(places: 2) : nil
    }
}
