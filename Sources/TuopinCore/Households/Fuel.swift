/// 主要燃料: a household's main cooking fuels (up to 3, main first).
public enum Fuel: String, CodeListValue, Codable {
    case firewood
    case dung
    case coal
    case cleanEnergy
    case other

    public var label: Label {
        switch self {
        case .firewood: Label("柴草", "firewood")
        case .dung: Label("干畜粪", "dried dung")
        case .coal: Label("煤炭", "coal")
        case .cleanEnergy: Label("清洁能源", "clean energy")
        case .other: Label("其他", "other")
        }
    }
}
