/// 风险消除方式 (`dm_fxxcfs`): how a monitored household's risk was eliminated.
public enum EliminationMethod: String, CodeListValue, Codable {
    case byAssistance
    case natural

    public var label: Label {
        switch self {
        case .byAssistance: Label("帮扶消除", "eliminated by assistance")
        case .natural: Label("自然消除", "eliminated naturally")
        }
    }
}
