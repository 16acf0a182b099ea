/// 动态调整类型: the kinds of change an annual adjustment records (REFERENCE §3.11).
public enum AnnualChangeKind: String, CodeListValue, Codable {
    case naturalChange
    case naturalClosure
    case midYearRemoval
    case midYearAddition

    public var label: Label {
        switch self {
        case .naturalChange: Label("自然变更", "natural change")
        case .naturalClosure: Label("自然销户", "natural closure")
        case .midYearRemoval: Label("年中清退", "mid-year removal")
        case .midYearAddition: Label("年中新增", "mid-year addition")
        }
    }
}
