/// 住房结构: what the house is built of.
public enum HouseStructure: String, CodeListValue, Codable {
    case reinforcedConcrete
    case brickConcrete
    case brickWood
    case bambooThatchAdobe
    case other

    public var label: Label {
        switch self {
        case .reinforcedConcrete: Label("钢筋混凝土", "reinforced concrete")
        case .brickConcrete: Label("砖混", "brick and concrete")
        case .brickWood: Label("砖瓦砖木", "brick and wood")
        case .bambooThatchAdobe: Label("竹草土坯", "bamboo, thatch or adobe")
        case .other: Label("其他", "other")
        }
    }
}
