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

    /// Whether a member's conditions agree: `healthy` stands alone.
    public static func agree(_ conditions: Set<HealthCondition>) -> Bool { !(conditions.contains(.healthy) && conditions.count > 1) }

    /// The conditions' labels joined, in the list's order (for a reason).
    public static func label(of conditions: Set<HealthCondition>) -> Label { Label(joining: allCases.filter(conditions.contains).map(\.label)) }
}
