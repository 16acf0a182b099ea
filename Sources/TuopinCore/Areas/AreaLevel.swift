/// The level of an administrative area, from province down to village (REFERENCE §5.1–5.2).
public enum AreaLevel: String, CodeListValue, Codable, Comparable {
    case province
    case city
    case county
    case township
    case village

    public var label: Label {
        switch self {
        case .province: Label("省", "province")
        case .city: Label("市", "city")
        case .county: Label("县(市、区)", "county")
        case .township: Label("乡镇(街道)", "township")
        case .village: Label("村(社区)", "village")
        }
    }

    var depth: Int {
        switch self {
        case .province: 0
        case .city: 1
        case .county: 2
        case .township: 3
        case .village: 4
        }
    }

    public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool { lhs.depth < rhs.depth }
}
