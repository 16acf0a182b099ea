/// One change of a household's poverty status, appended and never overwritten (REFERENCE §3.10).
///
/// The status on a date is the status of the last event effective on or before it.
public struct StatusEvent: Hashable, Sendable {
    public var household: HouseholdNumber
    /// Order of events of one household (1, 2, 3 …); ties on a date are broken by it.
    public var sequence: Int
    public var kind: StatusEventKind
    public var status: PovertyStatus
    public var effectiveDate: CivilDate
    public var note: String

    public init(
        household: HouseholdNumber, sequence: Int, kind: StatusEventKind, status: PovertyStatus,
        effectiveDate: CivilDate, note: String = ""
    ) {
        self.household = household
        self.sequence = sequence
        self.kind = kind
        self.status = status
        self.effectiveDate = effectiveDate
        self.note = note
    }

    /// The status a list of one household's events gives on `date`, or nil before the first.
    public static func status(of events: [StatusEvent], on date: CivilDate) -> PovertyStatus? {
        events.filter { $0.effectiveDate <= date }
            .max { ($0.effectiveDate, $0.sequence) < ($1.effectiveDate, $1.sequence) }?.status
    }
}

/// What happened: the registry lifecycle's transitions (REFERENCE §3.10, §3.11).
public enum StatusEventKind: String, CodeListValue, Codable {
    case identified
    case exited
    case returnedToPoverty
    case policiesEnded
    case removedIneligible
    case naturalClosure
    case corrected

    public var label: Label {
        switch self {
        case .identified: Label("识别纳入", "identified")
        case .exited: Label("脱贫", "exited")
        case .returnedToPoverty: Label("返贫", "returned to poverty")
        case .policiesEnded: Label("不再享受政策", "policies ended")
        case .removedIneligible: Label("清退", "removed as ineligible")
        case .naturalClosure: Label("自然销户", "closed naturally")
        case .corrected: Label("更正", "corrected")
        }
    }

    /// The status this kind of event leads to, where it fixes one.
    public var resultingStatus: PovertyStatus? {
        switch self {
        case .identified: .notExited
        case .exited: .exitedWithPolicies
        case .returnedToPoverty: .returnedToPoverty
        case .policiesEnded: .exitedWithoutPolicies
        case .removedIneligible: .removedIneligible
        case .naturalClosure: .naturalClosure
        case .corrected: nil
        }
    }
}
