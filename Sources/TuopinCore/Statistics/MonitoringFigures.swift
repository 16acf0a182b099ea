/// An area's monitoring figures (防返贫监测) as of a date, in households: those under monitoring by
/// category with their people, those being identified (and how many of them past their
/// deadline), those whose risk was eliminated, by method, and those not taken in; and the
/// year's leads (cases). Every figure counts each case by the dates it stores (lead,
/// identification, closure), so a past date gives what was true then.
public struct MonitoringFigures: Hashable, Sendable {
    public struct Count: Hashable, Sendable {
        public var households: Int
        public var people: Int

        public init(households: Int = 0, people: Int = 0) {
            self.households = households
            self.people = people
        }
    }

    public var asOf: CivilDate
    /// Identified and not yet closed on `asOf`, by category.
    public var monitored: [MonitoringCategory: Count]
    /// Leads received and neither identified nor closed on `asOf`.
    public var identifying: Int
    /// Of `identifying`, those past their identification deadline.
    public var overdue: Int
    /// Closed by risk elimination on or before `asOf`, by method.
    public var eliminated: [EliminationMethod: Int]
    /// Leads closed without identification (不予纳入) on or before `asOf`.
    public var notIdentified: Int
    /// Leads received in `asOf`'s year up to `asOf`.
    public var leadsThisYear: Int

    public init(
        asOf: CivilDate, monitored: [MonitoringCategory: Count] = [:], identifying: Int = 0, overdue: Int = 0,
        eliminated: [EliminationMethod: Int] = [:], notIdentified: Int = 0, leadsThisYear: Int = 0
    ) {
        self.asOf = asOf
        self.monitored = monitored
        self.identifying = identifying
        self.overdue = overdue
        self.eliminated = eliminated
        self.notIdentified = notIdentified
        self.leadsThisYear = leadsThisYear
    }

    /// Everyone under monitoring, whatever the category.
    public var monitoredTotal: Count {
        monitored.values.reduce(Count()) { Count(households: $0.households + $1.households, people: $0.people + $1.people) }
    }

    public var eliminatedTotal: Int { eliminated.values.reduce(0, +) }

    /// Whether there is anything to show: no case has reached this date.
    public var isEmpty: Bool { monitored.isEmpty && identifying == 0 && eliminated.isEmpty && notIdentified == 0 }
}
