/// Which 3-digit village numbers are residents' committees (社区/居委会) and which are
/// villagers' committees (村委会).
///
/// The NBS ranges are assumed, not confirmed (REFERENCE §5.2: 001–199 and 200–399), so they are
/// data: the defaults below can be replaced from configuration.
public struct VillageCodeRanges: Hashable, Sendable, Codable {
    public var community: ClosedRange<Int>
    public var village: ClosedRange<Int>

    /// Defaults to 001–199 社区 and 200–399 村.
    public static let assumedNBS = VillageCodeRanges(community: 1...199, village: 200...399)

    public init(community: ClosedRange<Int>, village: ClosedRange<Int>) {
        self.community = community
        self.village = village
    }

    public func kind(of code: AdminCode) -> VillageKind? {
        guard code.level == .village, let n = Int(String(code.rawValue.suffix(3))) else { return nil }
        if community.contains(n) { return .community }
        if village.contains(n) { return .village }
        return nil
    }
}

/// A village-level unit: an administrative village (行政村) or an urban community (社区).
public enum VillageKind: String, CodeListValue, Codable {
    case village
    case community

    public var label: Label {
        switch self {
        case .village: Label("行政村", "administrative village")
        case .community: Label("社区", "community")
        }
    }
}
