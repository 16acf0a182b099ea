import TuopinCore

/// The JSON shape of an area summary, shared by `tuopin stats --format json` and the API.
public struct AreaSummaryReport: Encodable, Sendable {
    public struct AreaRef: Encodable, Sendable {
        var code: String
        var name: String
        var level: String
        var kind: String
    }
    public struct Totals: Encodable, Sendable {
        var enrolled: Int
        var exited: Int
        var notExited: Int
        var offRoll: Int?
    }
    public struct StatusRow: Encodable, Sendable {
        var status: String
        var label: String
        var labelEn: String
        var households: Int
        var people: Int
    }
    public struct IncidenceReport: Encodable, Sendable {
        var asOf: String?
        var percent: String?
        var remainingPoorPeople: Int64
        var ruralRegisteredPopulation: Int64?
        var populationYear: Int?
    }
    public struct Reduction: Encodable, Sendable {
        var people: Int
        var thousandPeople: String
        var tenThousandPeople: String
    }
    public struct Designated: Encodable, Sendable {
        var designated: Int
        var exited: Int
    }

    var area: AreaRef
    var asOf: String
    var households: Totals
    var people: Totals
    var byStatus: [StatusRow]
    var incidence: IncidenceReport
    var enrolmentIncidence: IncidenceReport?
    var cumulativeReduction: Reduction
    var poorVillages: Designated
    var poorCounties: Designated
    /// The figures published for the area on the same date, beside the recomputed ones.
    var reported: [ReportedComparison]?

    public struct ReportedComparison: Encodable, Sendable {
        public var indicator: String
        public var asOf: String
        public var reported: String
        public var recomputed: String?
        public var difference: String?
        public var agrees: Bool
        public var source: String

        public init(_ c: FigureComparison) {
            indicator = c.reported.indicator.token
            asOf = c.reported.asOf.description
            reported = c.reported.value.description
            recomputed = c.recomputed?.description
            difference = c.difference?.description
            agrees = c.agrees
            source = c.reported.source
        }
    }

    public init(_ s: AreaSummary, reported comparisons: [FigureComparison]) {
        self.init(s)
        reported = comparisons.isEmpty ? nil : comparisons.map(ReportedComparison.init)
    }

    public init(_ s: AreaSummary) {
        area = AreaRef(code: s.area.code.rawValue, name: s.area.name, level: s.area.level.token, kind: s.area.kind.token)
        asOf = s.asOf.description
        households = Totals(
            enrolled: s.counts.enrolledHouseholds, exited: s.counts.exitedHouseholds,
            notExited: s.counts.remainingHouseholds, offRoll: s.counts.offRollHouseholds)
        people = Totals(enrolled: s.counts.enrolledPeople, exited: s.counts.exitedPeople, notExited: s.counts.remainingPeople, offRoll: nil)
        byStatus = PovertyStatus.allCases.compactMap { status in
            guard let h = s.counts.households[status] else { return nil }
            return StatusRow(
                status: status.token, label: status.label.zh, labelEn: status.label.en, households: h,
                people: s.counts.people[status] ?? 0)
        }
        incidence = Self.report(s.incidence, asOf: nil)
        enrolmentIncidence = s.baseline.map { Self.report($0.incidence, asOf: $0.date.description) }
        cumulativeReduction = Reduction(
            people: s.cumulativeReduction, thousandPeople: AreaSummary.thousands(s.cumulativeReduction).text,
            tenThousandPeople: AreaSummary.tenThousands(s.cumulativeReduction).text)
        poorVillages = Designated(designated: s.poorVillagesDesignated, exited: s.poorVillagesExited)
        poorCounties = Designated(designated: s.poorCountiesDesignated, exited: s.poorCountiesExited)
    }

    static func report(_ i: Incidence, asOf: String?) -> IncidenceReport {
        IncidenceReport(
            asOf: asOf, percent: i.percent?.text, remainingPoorPeople: i.remainingPoorPeople,
            ruralRegisteredPopulation: i.ruralRegisteredPopulation > 0 ? i.ruralRegisteredPopulation : nil,
            populationYear: i.populationYear)
    }
}
