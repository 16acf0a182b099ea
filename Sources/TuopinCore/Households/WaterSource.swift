/// 水源: where drinking water comes from.
public enum WaterSource: String, CodeListValue, Codable {
    case tap
    case protectedWellSpring
    case unprotected
    case riverLake
    case rainwater
    case bottled
    case other

    public var label: Label {
        switch self {
        case .tap: Label("自来水", "tap water")
        case .protectedWellSpring: Label("受保护的井水或泉水", "protected well or spring")
        case .unprotected: Label("不受保护的井水或泉水", "unprotected well or spring")
        case .riverLake: Label("江河湖泊水", "river or lake")
        case .rainwater: Label("收集雨水", "rainwater")
        case .bottled: Label("桶装水", "bottled water")
        case .other: Label("其他", "other")
        }
    }
}
