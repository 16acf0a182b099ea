/// The rule that chooses a campaign's households: every enrolled household still on the roll
/// (建档立卡户), every household under monitoring (an open monitoring case), every household that
/// exited in a year, or the households of the chosen statuses.
///
/// Written as a token: `enrolled`, `monitored`, `exited:2020`, `status:notExited+returnedToPoverty`.
public enum CampaignTarget: Hashable, Sendable, CustomStringConvertible {
    case enrolled
    case monitored
    case exitedIn(Int)
    case statuses(Set<PovertyStatus>)

    /// The statuses of an enrolled household still on the roll.
    public static let onRoll: Set<PovertyStatus> = [.notExited, .exitedWithPolicies, .returnedToPoverty, .exitedWithoutPolicies, .plannedExit]

    public init?(token: String) {
        let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("enrolled", 1): self = .enrolled
        case ("monitored", 1): self = .monitored
        case ("exited", 2):
            guard parts[1].count == 4, let year = Int(parts[1]) else { return nil }
            self = .exitedIn(year)
        case ("status", 2):
            let names = parts[1].split(separator: "+", omittingEmptySubsequences: false)
            let statuses = names.compactMap { PovertyStatus(token: String($0)) }
            guard !names.isEmpty, statuses.count == names.count else { return nil }
            self = .statuses(Set(statuses))
        default: return nil
        }
    }

    public var token: String {
        switch self {
        case .enrolled: "enrolled"
        case .monitored: "monitored"
        case .exitedIn(let year): "exited:\(year)"
        case .statuses(let set): "status:" + set.map(\.token).sorted().joined(separator: "+")
        }
    }

    public var description: String { token }

    /// Worded for a page: "2020 年脱贫户" / "households that exited in 2020".
    public var label: Label {
        switch self {
        case .enrolled: Label("全部建档立卡户", "every enrolled household")
        case .monitored: Label("全部监测对象", "every monitored household")
        case .exitedIn(let year): Label("\(year) 年脱贫户", "households that exited in \(year)")
        case .statuses(let set):
            Label(
                "状态为" + set.sorted { $0.token < $1.token }.map(\.label.zh).joined(separator: "、") + "的户",
                "households " + set.sorted { $0.token < $1.token }.map(\.label.en).joined(separator: ", "))
        }
    }
}
