/// What a village profile records beyond its population and collective income, for the village
/// exit test (REFERENCE §3.4): each nil when not recorded.
public struct VillageConditions: Hashable, Sendable {
    /// 通硬化路: a passable road.
    public var roadPassable: Bool?
    /// 安全饮水 for people and livestock.
    public var safeWater: Bool?
    /// 通生产生活用电.
    public var power: Bool?
    /// A school within reach.
    public var schoolNearby: Bool?
    /// A clinic (村卫生室) within reach.
    public var clinicNearby: Bool?
    /// 新农合, pension, 低保 and 五保 in place.
    public var socialSecurity: Bool?

    public init(
        roadPassable: Bool? = nil, safeWater: Bool? = nil, power: Bool? = nil, schoolNearby: Bool? = nil, clinicNearby: Bool? = nil,
        socialSecurity: Bool? = nil
    ) {
        self.roadPassable = roadPassable
        self.safeWater = safeWater
        self.power = power
        self.schoolNearby = schoolNearby
        self.clinicNearby = clinicNearby
        self.socialSecurity = socialSecurity
    }
}

/// The village exit standard (出列), by rule set: the incidence ceiling, and under Hunan's 2016
/// rules the collective income floor and the conditions, each binding (national rules weigh
/// the conditions without a threshold, so they are reported but do not decide).
public struct VillageExitStandard: Hashable, Sendable {
    public var name: Label
    /// Incidence must be strictly below this percentage.
    public var maximumIncidencePercent: FixedDecimal
    /// Collective income of the exit year must be at least this (nil: not a test).
    public var minimumCollectiveIncome: Money?
    /// Whether every condition must hold.
    public var conditionsBind: Bool

    public init(name: Label, maximumIncidencePercent: FixedDecimal, minimumCollectiveIncome: Money?, conditionsBind: Bool) {
        self.name = name
        self.maximumIncidencePercent = maximumIncidencePercent
        self.minimumCollectiveIncome = minimumCollectiveIncome
        self.conditionsBind = conditionsBind
    }

    /// National 2016: incidence below 2%.
    public static let national = of(.national, .reference)
    /// National 2016 in the west: below 3%.
    public static let nationalWest = of(.west, .reference)
    /// Hunan 2016: below 2%, collective income ≥ 40,000 yuan, and every condition.
    public static let hunan = of(.hunan, .reference)
}

extension VillageExitStandard {
    /// The rule sets a village may be evaluated under.
    public enum RuleSet: String, CaseIterable, Sendable {
        case national, west, hunan
    }

    /// The standard of a rule set with the thresholds in force (policy parameters).
    public static func of(_ set: RuleSet, _ t: ExitThresholds) -> VillageExitStandard {
        func percent(_ p: Int64) -> FixedDecimal { FixedDecimal(scaled: p, places: 0) }
        return switch set {
        case .national:
            VillageExitStandard(
                name: Label("国家标准（2016）", "national (2016)"), maximumIncidencePercent: percent(t.villageIncidencePercent),
                minimumCollectiveIncome: nil, conditionsBind: false)
        case .west:
            VillageExitStandard(
                name: Label("国家标准（2016，西部）", "national (2016, west)"), maximumIncidencePercent: percent(t.villageIncidenceWestPercent),
                minimumCollectiveIncome: nil, conditionsBind: false)
        case .hunan:
            VillageExitStandard(
                name: Label("湖南标准（2016）", "Hunan (2016)"), maximumIncidencePercent: percent(t.villageIncidencePercent),
                minimumCollectiveIncome: t.villageCollectiveIncome, conditionsBind: true)
        }
    }
}

/// The exit thresholds (REFERENCE §3.4, §3.5), kept as policy parameters an administrator may
/// change; `reference` holds the published values.
public struct ExitThresholds: Hashable, Sendable {
    public var villageIncidencePercent: Int64
    public var villageIncidenceWestPercent: Int64
    public var villageCollectiveIncome: Money
    public var countyIncidencePercent: Int64
    public var countyIncidenceWestPercent: Int64
    /// Wrong-exit and missed rates must be at most this.
    public var countyErrorRatePercent: Int64
    public var countyApprovalPercent: Int64

    public init(
        villageIncidencePercent: Int64, villageIncidenceWestPercent: Int64, villageCollectiveIncome: Money, countyIncidencePercent: Int64,
        countyIncidenceWestPercent: Int64, countyErrorRatePercent: Int64, countyApprovalPercent: Int64
    ) {
        self.villageIncidencePercent = villageIncidencePercent
        self.villageIncidenceWestPercent = villageIncidenceWestPercent
        self.villageCollectiveIncome = villageCollectiveIncome
        self.countyIncidencePercent = countyIncidencePercent
        self.countyIncidenceWestPercent = countyIncidenceWestPercent
        self.countyErrorRatePercent = countyErrorRatePercent
        self.countyApprovalPercent = countyApprovalPercent
    }

    public static let reference = ExitThresholds(
        villageIncidencePercent: 2, villageIncidenceWestPercent: 3, villageCollectiveIncome: Money(fen: 4_000_000), countyIncidencePercent: 2,
        countyIncidenceWestPercent: 3, countyErrorRatePercent: 2, countyApprovalPercent: 90)
}

/// The village exit test as an explained decision: one check per indicator of the standard.
public enum VillageExitRules {
    public static let incidence = RuleID("villageExit.incidence")
    public static let collectiveIncome = RuleID("villageExit.collectiveIncome")
    public static let road = RuleID("villageExit.road")
    public static let water = RuleID("villageExit.water")
    public static let power = RuleID("villageExit.power")
    public static let school = RuleID("villageExit.school")
    public static let clinic = RuleID("villageExit.clinic")
    public static let socialSecurity = RuleID("villageExit.socialSecurity")

    public static func evaluate(
        incidence: Incidence, collectiveIncome: Money?, conditions: VillageConditions, standard: VillageExitStandard
    ) -> Decision {
        var checks = [
            Check(
                Self.incidence, passed: incidence.isBelow(percent: standard.maximumIncidencePercent),
                values: [
                    ReasonValue("incidence", incidence.percent.map { .decimal($0) } ?? .missing),
                    ReasonValue("maximum", .decimal(standard.maximumIncidencePercent)),
                    ReasonValue("remainingPoorPeople", .count(incidence.remainingPoorPeople)),
                    ReasonValue(
                        "ruralRegisteredPopulation", incidence.ruralRegisteredPopulation > 0 ? .count(incidence.ruralRegisteredPopulation) : .missing),
                ])
        ]
        if let minimum = standard.minimumCollectiveIncome {
            checks.append(
                Check(
                    Self.collectiveIncome, passed: collectiveIncome.map { $0 >= minimum } ?? false,
                    values: [ReasonValue("income", collectiveIncome.map { .money($0) } ?? .missing), ReasonValue("minimum", .money(minimum))]))
        }
        if standard.conditionsBind {
            let conditions: [(RuleID, Bool?)] = [
                (road, conditions.roadPassable), (water, conditions.safeWater), (power, conditions.power), (school, conditions.schoolNearby),
                (clinic, conditions.clinicNearby), (socialSecurity, conditions.socialSecurity),
            ]
            for (rule, value) in conditions {
                checks.append(Check(rule, passed: value == true, values: [ReasonValue("recorded", value.map { .flag($0) } ?? .missing)]))
            }
        }
        return Decision(checks: checks)
    }
}
