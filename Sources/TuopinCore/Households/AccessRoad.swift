/// 入户路: the surface of the road to the door.
public enum AccessRoad: String, CodeListValue, Codable {
    case dirt
    case gravel
    case cement
    case asphalt

    public var label: Label {
        switch self {
        case .dirt: Label("泥土", "dirt")
        case .gravel: Label("砂石", "gravel")
        case .cement: Label("水泥", "cement")
        case .asphalt: Label("沥青", "asphalt")
        }
    }
}
