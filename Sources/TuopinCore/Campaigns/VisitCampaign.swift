/// A visit campaign (REFERENCE §3.11: 回头看, 入户调查全覆盖, 集中排查): a county's or a
/// township's or a village's households chosen by a rule, assigned to cadres, and visited within
/// a period. Its coverage is the share of its households visited.
public struct VisitCampaign: Hashable, Sendable {
    /// Given by the store (number 0 before it is stored).
    public var key: CampaignKey
    public var kind: CampaignKind
    /// A county, township or village: a campaign is run by a county.
    public var area: AdminCode
    public var title: String
    public var opens: CivilDate
    public var closes: CivilDate
    public var target: CampaignTarget
    public var createdBy: String

    public init(
        key: CampaignKey? = nil, kind: CampaignKind, area: AdminCode, title: String, opens: CivilDate, closes: CivilDate, target: CampaignTarget,
        createdBy: String
    ) {
        self.key = key ?? CampaignKey(county: String(area.rawValue.prefix(6)), number: 0)
        self.kind = kind
        self.area = area
        self.title = title
        self.opens = opens
        self.closes = closes
        self.target = target
        self.createdBy = createdBy
    }

    /// Whether visits may be recorded on `date`.
    public func isOpen(on date: CivilDate) -> Bool { opens <= date && date <= closes }
}

/// One of a campaign's households and the cadre (a user) it is assigned to.
public struct CampaignHousehold: Hashable, Sendable {
    public var household: HouseholdNumber
    public var village: AdminCode
    /// The username of the cadre who visits it; nil while unassigned.
    public var assignee: String?

    public init(household: HouseholdNumber, village: AdminCode, assignee: String? = nil) {
        self.household = household
        self.village = village
        self.assignee = assignee
    }
}
