/// The headline figures of an area on a date, as a press conference states them: the roll,
/// exits, what remains, incidence now and at enrolment, cumulative reduction and poor villages.
///
/// Every figure is computed from events and profiles as of `asOf` (DESIGN principle 3).
public struct AreaSummary: Hashable, Sendable {
    public var area: Area
    public var asOf: CivilDate
    public var counts: StatusCounts
    public var incidence: Incidence
    /// The same figures at the end of the area's first enrolment year (建档立卡 baseline).
    public var baseline: Baseline?
    public var poorVillagesDesignated: Int
    public var poorVillagesExited: Int
    public var poorCountiesDesignated: Int
    public var poorCountiesExited: Int

    public init(
        area: Area, asOf: CivilDate, counts: StatusCounts, incidence: Incidence, baseline: Baseline?,
        poorVillagesDesignated: Int, poorVillagesExited: Int, poorCountiesDesignated: Int, poorCountiesExited: Int
    ) {
        self.area = area
        self.asOf = asOf
        self.counts = counts
        self.incidence = incidence
        self.baseline = baseline
        self.poorVillagesDesignated = poorVillagesDesignated
        self.poorVillagesExited = poorVillagesExited
        self.poorCountiesDesignated = poorCountiesDesignated
        self.poorCountiesExited = poorCountiesExited
    }

    public struct Baseline: Hashable, Sendable {
        public var date: CivilDate
        public var counts: StatusCounts
        public var incidence: Incidence

        public init(date: CivilDate, counts: StatusCounts, incidence: Incidence) {
            self.date = date
            self.counts = counts
            self.incidence = incidence
        }
    }

    /// People lifted out (累计减少贫困人口): exited people on the roll.
    public var cumulativeReduction: Int { counts.exitedPeople }

    /// A head count in units of 10,000 (万人), one decimal: 307,000 → "30.7".
    public static func tenThousands(_ people: Int) -> FixedDecimal { Ratio(people, 10_000).decimal(places: 1) }

    /// A head count in thousands, no decimals: 307,000 → "307".
    public static func thousands(_ people: Int) -> FixedDecimal { Ratio(people, 1_000).decimal(places: 0) }
}
