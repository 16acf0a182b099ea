/// A poverty-related petition or piece of public opinion (涉贫信访舆情): what came in, from whom,
/// about which area (and household, if one), the unit it was assigned to and its reply
/// deadline, the reply, the petitioner's satisfaction, and how often it was escalated. The
/// petitioner's name and phone are private: shown only to roles that may see private data.
public struct Petition: Hashable, Sendable {
    public var key: PetitionKey
    public var area: AdminCode
    public var channel: PetitionChannel
    public var category: FindingCategory
    public var receivedOn: CivilDate
    public var content: String
    public var petitionerName: String
    public var petitionerPhone: String
    public var household: HouseholdNumber?
    /// The reply deadline (答复期限).
    public var deadline: CivilDate
    public var state: PetitionState
    public var assignedUnit: String?
    public var reply: String?
    public var repliedOn: CivilDate?
    /// The petitioner's view of the latest reply.
    public var satisfaction: Satisfaction?
    public var escalations: Int
    public var closedOn: CivilDate?
    public var lastStepDate: CivilDate

    public init(
        key: PetitionKey? = nil, area: AdminCode, channel: PetitionChannel, category: FindingCategory, receivedOn: CivilDate, content: String,
        petitionerName: String, petitionerPhone: String = "", household: HouseholdNumber? = nil, deadline: CivilDate,
        state: PetitionState = .received, assignedUnit: String? = nil, reply: String? = nil, repliedOn: CivilDate? = nil,
        satisfaction: Satisfaction? = nil, escalations: Int = 0, closedOn: CivilDate? = nil, lastStepDate: CivilDate? = nil
    ) {
        self.key = key ?? PetitionKey(county: String(area.rawValue.prefix(6)), number: 0)
        self.area = area
        self.channel = channel
        self.category = category
        self.receivedOn = receivedOn
        self.content = content
        self.petitionerName = petitionerName
        self.petitionerPhone = petitionerPhone
        self.household = household
        self.deadline = deadline
        self.state = state
        self.assignedUnit = assignedUnit
        self.reply = reply
        self.repliedOn = repliedOn
        self.satisfaction = satisfaction
        self.escalations = escalations
        self.closedOn = closedOn
        self.lastStepDate = lastStepDate ?? receivedOn
    }

    /// Overdue (超期未答复): no reply yet after the deadline.
    public func isOverdue(on today: CivilDate) -> Bool { state.awaitsReply && today > deadline }

    public func daysOverdue(on today: CivilDate) -> Int { isOverdue(on: today) ? today.dayNumber - deadline.dayNumber : 0 }

    /// The petitioner's name as a user without private access sees it: the surname and a mask.
    public var maskedName: String { petitionerName.isEmpty ? "" : String(petitionerName.prefix(1)) + "**" }
}

/// A petition's number within its county.
public typealias PetitionKey = CountyRecordKey

/// One entry of a petition's record.
public struct PetitionStep: Hashable, Sendable {
    public var number: Int
    public var kind: PetitionStepKind
    public var date: CivilDate
    public var note: String
    public var username: String
    public var role: Role

    public init(number: Int = 0, kind: PetitionStepKind, date: CivilDate, note: String, username: String, role: Role) {
        self.number = number
        self.kind = kind
        self.date = date
        self.note = note
        self.username = username
        self.role = role
    }
}
