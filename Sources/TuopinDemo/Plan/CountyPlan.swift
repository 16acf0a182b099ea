import TuopinCore

/// What the demo must produce for one county-level division: its townships, its roll on the
/// reference date and its population profile. The figures are the plan; generation hits them
/// exactly and the tests check it.
public struct CountyPlan: Sendable {
    public var code: String
    public var name: String
    public var kind: AreaKind
    /// Township-level units: either the real list (code suffix, name, kind) or counts by kind.
    public var townships: TownshipSpec
    /// Households and people exited (已脱贫) on the reference date.
    public var exitedHouseholds: Int
    public var exitedPeople: Int
    /// Households and people not yet exited (未脱贫) on the reference date.
    public var remainingHouseholds: Int
    public var remainingPeople: Int
    public var poorVillages: Int
    /// Rural registered population in the last year; nil for the county that balances the city.
    public var ruralPopulation2020: Int?
    /// Relative weights of exit years 2014…2020 for households exited by the reference date.
    public var exitYearWeights: [Double]
    /// Years poor villages may exit in.
    public var villageExitYears: ClosedRange<Int>
    /// The county's own poverty-county history (祁东: provincial, exited 2018-04-23).
    public var poorCounty: PoorCountyHistory?

    public var rollHouseholds: Int { exitedHouseholds + remainingHouseholds }
    public var rollPeople: Int { exitedPeople + remainingPeople }
}

public enum TownshipSpec: Sendable {
    case real([(suffix: String, name: String, kind: AreaKind)])
    case counts(subdistricts: Int, towns: Int, townships: Int)

    var count: Int {
        switch self {
        case .real(let list): list.count
        case .counts(let s, let t, let x): s + t + x
        }
    }
}

public struct PoorCountyHistory: Sendable {
    public var designated: CivilDate
    public var exited: CivilDate
    public var document: String
}
