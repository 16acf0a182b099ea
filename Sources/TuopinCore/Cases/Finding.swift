/// A problem found by an inspection, assessment, audit, petition or other source, and its
/// rectification (问题整改台账, REFERENCE §1, R-11): the area it concerns, what is wrong, the unit
/// that must put it right and by when, and where that stands.
///
/// ```swift
/// var f = Finding(area: village, source: .inspectionTour, category: .data, description: "…",
///                 responsibleUnit: "某镇人民政府", foundOn: d("2020-09-01"), deadline: d("2020-10-31"), recordedBy: "city")
/// try f.rectify(on: d("2020-10-20"), evidence: "整改报告", by: township, today: today)   // 已整改
/// try f.close(on: d("2020-10-25"), note: "", by: county, today: today)                  // 销号 (another role)
/// ```
public struct Finding: Hashable, Sendable {
    /// Given by the store (number 0 before the finding is stored).
    public var key: FindingKey
    public var area: AdminCode
    public var source: FindingSource
    public var category: FindingCategory
    public var description: String
    /// The unit responsible for the rectification (责任单位).
    public var responsibleUnit: String
    public var foundOn: CivilDate
    /// The rectification deadline (整改时限).
    public var deadline: CivilDate
    public var state: RectificationState
    /// A household the finding is about, if it is about one.
    public var household: HouseholdNumber?
    public var recordedBy: String
    /// When and by whom the rectification was last reported done.
    public var rectifiedOn: CivilDate?
    public var rectifiedBy: String?
    public var rectifiedRole: Role?
    public var closedOn: CivilDate?
    /// The date of the latest step: a later step may not be dated before it.
    public var lastStepDate: CivilDate

    public init(
        key: FindingKey? = nil, area: AdminCode, source: FindingSource, category: FindingCategory, description: String,
        responsibleUnit: String, foundOn: CivilDate, deadline: CivilDate, household: HouseholdNumber? = nil, recordedBy: String,
        state: RectificationState = .inProgress, rectifiedOn: CivilDate? = nil, rectifiedBy: String? = nil, rectifiedRole: Role? = nil,
        closedOn: CivilDate? = nil, lastStepDate: CivilDate? = nil
    ) {
        self.key = key ?? FindingKey(county: String(area.rawValue.prefix(6)), number: 0)
        self.area = area
        self.source = source
        self.category = category
        self.description = description
        self.responsibleUnit = responsibleUnit
        self.foundOn = foundOn
        self.deadline = deadline
        self.household = household
        self.recordedBy = recordedBy
        self.state = state
        self.rectifiedOn = rectifiedOn
        self.rectifiedBy = rectifiedBy
        self.rectifiedRole = rectifiedRole
        self.closedOn = closedOn
        self.lastStepDate = lastStepDate ?? foundOn
    }

    /// Overdue (逾期): still being rectified after its deadline. A finding reported rectified in
    /// time waits on the verifier, not on the unit, and is not overdue.
    public func isOverdue(on today: CivilDate) -> Bool { state == .inProgress && today > deadline }

    /// Days past the deadline (0 when not overdue).
    public func daysOverdue(on today: CivilDate) -> Int { isOverdue(on: today) ? today.dayNumber - deadline.dayNumber : 0 }
}

/// One entry of a finding's record: what was done, when, by whom, with what evidence.
public struct RectificationStep: Hashable, Sendable {
    public var number: Int
    public var kind: RectificationStepKind
    public var date: CivilDate
    public var note: String
    /// What shows the work (a document number, a photo's name, a payment record).
    public var evidence: String
    public var username: String
    public var role: Role

    public init(number: Int = 0, kind: RectificationStepKind, date: CivilDate, note: String, evidence: String = "", username: String, role: Role) {
        self.number = number
        self.kind = kind
        self.date = date
        self.note = note
        self.evidence = evidence
        self.username = username
        self.role = role
    }
}
