import TuopinCore

/// Everything the demo generates for one county-level division, ready to load.
public struct DemoCounty: Sendable {
    public var plan: CountyPlan
    public var areas: [Area] = []
    public var areaEvents: [AreaEvent] = []
    public var households: [Household] = []
    public var events: [StatusEvent] = []
    public var members: [Member] = []
    public var memberships: [Membership] = []
    public var incomes: [IncomeRecord] = []
    /// People in households still poor at the end of 2014 (the enrolment-incidence numerator).
    public var poorAtBaseline = 0
    /// Villages with their population weights and 2020 populations, for the profile rows.
    var villages: [GeneratedVillage] = []
}

/// Village profiles for 2014–2020 once the city's 2014 population is known.
public struct DemoPopulation: Sendable {
    public var profiles: [VillageProfile]
    /// The factor 2014 population ÷ 2020 population used for every village.
    public var baselineFactor: Double
}
