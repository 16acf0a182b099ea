/// 户类型 (2021+): whether a household is an exited poor household or an ordinary one.
public enum HouseholdType: String, CodeListValue, Codable {
    case exitedHousehold
    case ordinaryHousehold

    public var label: Label {
        switch self {
        case .exitedHousehold: Label("脱贫户", "exited household")
        case .ordinaryHousehold: Label("一般农户", "ordinary household")
        }
    }
}
