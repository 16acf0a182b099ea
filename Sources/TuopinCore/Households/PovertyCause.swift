/// 致贫原因: why a household is poor. Codes are one implementation's (REFERENCE §2.6); the label is the stable key.
public enum PovertyCause: String, CodeListValue, Codable {
    case illness
    case disability
    case schooling
    case disaster
    case lackOfLand
    case lackOfWater
    case lackOfSkills
    case lackOfLabour
    case lackOfCapital
    case poorTransport
    case lackOfMotivation
    case marriage
    case funeral
    case other

    public var label: Label {
        switch self {
        case .illness: Label("因病", "illness")
        case .disability: Label("因残", "disability")
        case .schooling: Label("因学", "schooling costs")
        case .disaster: Label("因灾", "disaster")
        case .lackOfLand: Label("缺土地", "lack of land")
        case .lackOfWater: Label("缺水", "lack of water")
        case .lackOfSkills: Label("缺技术", "lack of skills")
        case .lackOfLabour: Label("缺劳力", "lack of labour")
        case .lackOfCapital: Label("缺资金", "lack of capital")
        case .poorTransport: Label("交通条件落后", "poor transport")
        case .lackOfMotivation: Label("自身发展动力不足", "lack of motivation")
        case .marriage: Label("因婚", "marriage")
        case .funeral: Label("因丧", "funeral costs")
        case .other: Label("其他", "other")
        }
    }

    public var code: Int? {
        switch self {
        case .illness: 1
        case .disability: 2
        case .schooling: 3
        case .disaster: 4
        case .lackOfLand: 5
        case .lackOfWater: 6
        case .lackOfSkills: 7
        case .lackOfLabour: 8
        case .lackOfCapital: 9
        case .poorTransport: 10
        case .lackOfMotivation: 11
        case .marriage: nil
        case .funeral: nil
        case .other: 99
        }
    }
}
