/// 脱贫状态 (`aar010`) with the legacy states the registry still holds (REFERENCE §2.6, §3.10).
public enum PovertyStatus: String, CodeListValue, Codable {
    case notExited
    case exitedWithPolicies
    case returnedToPoverty
    case exitedWithoutPolicies
    case plannedExit
    case removedIneligible
    case naturalClosure

    public var label: Label {
        switch self {
        case .notExited: Label("未脱贫", "not exited")
        case .exitedWithPolicies: Label("已脱贫(享受政策)", "exited, still receiving policies")
        case .returnedToPoverty: Label("返贫", "returned to poverty")
        case .exitedWithoutPolicies: Label("已脱贫(不再享受政策)", "exited, no longer receiving policies")
        case .plannedExit: Label("预脱贫", "planned exit")
        case .removedIneligible: Label("清退", "removed as ineligible")
        case .naturalClosure: Label("自然销户", "closed naturally")
        }
    }

    public var code: Int? {
        switch self {
        case .notExited: 0
        case .exitedWithPolicies: 1
        case .returnedToPoverty: 3
        case .exitedWithoutPolicies: 4
        case .plannedExit: nil
        case .removedIneligible: nil
        case .naturalClosure: nil
        }
    }
}

extension PovertyStatus {
    /// Whether a household in this state is on the roll (建档立卡户总数) at all.
    public var isEnrolled: Bool {
        switch self {
        case .notExited, .exitedWithPolicies, .returnedToPoverty, .exitedWithoutPolicies, .plannedExit: true
        case .removedIneligible, .naturalClosure: false
        }
    }

    /// Whether the household has exited poverty (已脱贫), with or without continuing policies.
    public var isExited: Bool { self == .exitedWithPolicies || self == .exitedWithoutPolicies }

    /// Whether the household still counts as poor (未脱贫): the numerator of incidence.
    /// A planned exit (预脱贫) is not an exit until it is recorded.
    public var isRemainingPoor: Bool { self == .notExited || self == .returnedToPoverty || self == .plannedExit }
}
