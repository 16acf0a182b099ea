/// A figure as it was published (REFERENCE §5.5, "store as reported"): an area's indicator on a
/// date, with its source. Reported and recomputed figures are separate series (§4.4); every
/// report that has a reported counterpart shows both and the difference.
public struct ReportedFigure: Hashable, Sendable {
    public var area: AdminCode
    public var asOf: CivilDate
    public var indicator: HeadlineIndicator
    public var value: FixedDecimal
    public var source: String

    public init(area: AdminCode, asOf: CivilDate, indicator: HeadlineIndicator, value: FixedDecimal, source: String) {
        self.area = area
        self.asOf = asOf
        self.indicator = indicator
        self.value = value
        self.source = source
    }
}

/// The headline figures a press conference states, each recomputable from an `AreaSummary`.
public enum HeadlineIndicator: String, CodeListValue, Codable {
    case enrolledHouseholds
    case enrolledPeople
    case exitedHouseholds
    case exitedPeople
    case remainingHouseholds
    case remainingPeople
    /// 贫困发生率 now, in percent.
    case incidencePercent
    /// 贫困发生率 at enrolment (the baseline), in percent.
    case baselineIncidencePercent
    case poorVillagesExited
    /// 累计减少贫困人口.
    case cumulativeReduction

    public var label: Label {
        switch self {
        case .enrolledHouseholds: Label("贫困户总户数", "households on the roll")
        case .enrolledPeople: Label("贫困人口总人数", "people on the roll")
        case .exitedHouseholds: Label("已脱贫户数", "households exited")
        case .exitedPeople: Label("已脱贫人数", "people exited")
        case .remainingHouseholds: Label("未脱贫户数", "households not yet exited")
        case .remainingPeople: Label("未脱贫人数", "people not yet exited")
        case .incidencePercent: Label("贫困发生率（%）", "poverty incidence (%)")
        case .baselineIncidencePercent: Label("建档立卡时贫困发生率（%）", "incidence at enrolment (%)")
        case .poorVillagesExited: Label("贫困村出列个数", "poor villages exited")
        case .cumulativeReduction: Label("累计减少贫困人口", "people lifted out in total")
        }
    }

    /// The figure recomputed from the registry's summary; nil when the summary lacks it (no
    /// population for the incidence, no baseline).
    public func value(in s: AreaSummary) -> FixedDecimal? {
        func count(_ n: Int) -> FixedDecimal { FixedDecimal(scaled: Int64(n), places: 0) }
        switch self {
        case .enrolledHouseholds: return count(s.counts.enrolledHouseholds)
        case .enrolledPeople: return count(s.counts.enrolledPeople)
        case .exitedHouseholds: return count(s.counts.exitedHouseholds)
        case .exitedPeople: return count(s.counts.exitedPeople)
        case .remainingHouseholds: return count(s.counts.remainingHouseholds)
        case .remainingPeople: return count(s.counts.remainingPeople)
        case .incidencePercent: return s.incidence.percent
        case .baselineIncidencePercent: return s.baseline?.incidence.percent
        case .poorVillagesExited: return count(s.poorVillagesExited)
        case .cumulativeReduction: return count(s.cumulativeReduction)
        }
    }
}

/// A reported figure beside the one recomputed as of the same date, and their difference
/// (recomputed − reported), at the reported figure's precision.
public struct FigureComparison: Hashable, Sendable {
    public let reported: ReportedFigure
    public let recomputed: FixedDecimal?

    public init(reported: ReportedFigure, recomputed: FixedDecimal?) {
        self.reported = reported
        self.recomputed = recomputed
    }

    /// Nil when the registry cannot recompute the figure.
    public var difference: FixedDecimal? {
        guard let recomputed else { return nil }
        let places = reported.value.places
        return FixedDecimal(scaled: recomputed.rounded(places: places).scaled - reported.value.scaled, places: places)
    }

    public var agrees: Bool { difference?.scaled == 0 }
}
