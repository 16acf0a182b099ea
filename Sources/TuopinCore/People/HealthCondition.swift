/// 健康状况: a member may have several (a set).
public enum HealthCondition: String, CodeListValue, Codable {
    case healthy
    case chronicIllness
    case seriousIllness
    case disabled

    public var label: Label {
        switch self {
        case .healthy: Label("健康", "healthy")
        case .chronicIllness: Label("长期慢性病", "long-term chronic illness")
        case .seriousIllness: Label("患有大病", "serious illness")
        case .disabled: Label("残疾", "disabled")
        }
    }
}
