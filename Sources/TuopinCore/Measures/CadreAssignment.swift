/// A responsible cadre (帮扶责任人) assigned to a household for a time (REFERENCE §2.5). The
/// assignment is history: a new cadre starts a new row, the old one gets its end date. An exit
/// or an elimination never ends it (四个不摘).
public struct CadreAssignment: Hashable, Sendable {
    public var number: Int
    public var household: HouseholdNumber
    public var name: String
    public var sex: Sex?
    public var politicalStatus: String
    public var unit: String
    public var unitLevel: UnitLevel
    /// Private: masked for readers without `viewPrivate`.
    public var phone: String
    public var from: CivilDate
    public var to: CivilDate?

    public init(
        number: Int = 0, household: HouseholdNumber, name: String, sex: Sex? = nil, politicalStatus: String = "", unit: String,
        unitLevel: UnitLevel, phone: String = "", from: CivilDate, to: CivilDate? = nil
    ) {
        self.number = number
        self.household = household
        self.name = name
        self.sex = sex
        self.politicalStatus = politicalStatus
        self.unit = unit
        self.unitLevel = unitLevel
        self.phone = phone
        self.from = from
        self.to = to
    }

    /// Whether the assignment runs on `date`.
    public func isCurrent(on date: CivilDate) -> Bool { from <= date && (to.map { date < $0 } ?? true) }
}

/// The level of a cadre's unit (`unitLevel`).
public enum UnitLevel: String, CodeListValue, Codable {
    case provincial
    case municipal
    case county
    case township
    case village

    public var label: Label {
        switch self {
        case .provincial: Label("省直", "provincial")
        case .municipal: Label("市直", "municipal")
        case .county: Label("县直", "county")
        case .township: Label("乡镇", "township")
        case .village: Label("村级", "village")
        }
    }
}

/// A village work team (驻村工作队) sent by a unit for a term (REFERENCE §2.5).
public struct VillageWorkTeam: Hashable, Sendable {
    public var number: Int
    public var village: AdminCode
    public var sendingUnit: String
    public var from: CivilDate
    public var to: CivilDate?
    public var members: [Member]

    public struct Member: Hashable, Sendable {
        public var name: String
        public var role: TeamRole

        public init(name: String, role: TeamRole) {
            self.name = name
            self.role = role
        }
    }

    public init(number: Int = 0, village: AdminCode, sendingUnit: String, from: CivilDate, to: CivilDate?, members: [Member]) {
        self.number = number
        self.village = village
        self.sendingUnit = sendingUnit
        self.from = from
        self.to = to
        self.members = members
    }
}

public enum TeamRole: String, CodeListValue, Codable {
    case firstSecretary
    case teamLeader
    case member

    public var label: Label {
        switch self {
        case .firstSecretary: Label("第一书记", "first secretary")
        case .teamLeader: Label("工作队队长", "team leader")
        case .member: Label("队员", "member")
        }
    }
}

/// The local rules for a work team (a public implementation's; unconfirmed — configurable):
/// at least 3 members, a term of at least 2 years. They warn; they never refuse a team.
public struct WorkTeamRules: Hashable, Sendable, Codable {
    public var minimumMembers: Int
    public var minimumTermYears: Int

    public init(minimumMembers: Int, minimumTermYears: Int) {
        self.minimumMembers = minimumMembers
        self.minimumTermYears = minimumTermYears
    }

    public static let reference = WorkTeamRules(minimumMembers: 3, minimumTermYears: 2)

    public static let members = RuleID("team.members")
    public static let term = RuleID("team.term")
    public static let endAfterStart = RuleID("team.endAfterStart")

    public func evaluate(_ team: VillageWorkTeam) -> Decision {
        var checks = [
            Check(
                Self.members, passed: team.members.count >= minimumMembers,
                values: [ReasonValue("count", .count(Int64(team.members.count))), ReasonValue("minimum", .count(Int64(minimumMembers)))])
        ]
        if let to = team.to {
            checks.append(
                Check(Self.endAfterStart, passed: to > team.from, values: [ReasonValue("to", .date(to)), ReasonValue("from", .date(team.from))]))
            let termEnd = CivilDate(year: team.from.year + minimumTermYears, month: team.from.month, day: min(team.from.day, 28)) ?? team.from
            checks.append(
                Check(
                    Self.term, passed: to >= termEnd,
                    values: [ReasonValue("to", .date(to)), ReasonValue("minimumYears", .count(Int64(minimumTermYears)))]))
        }
        return Decision(checks: checks)
    }
}
