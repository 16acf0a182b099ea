/// 致贫/返贫风险 (`100A27`). Values beyond the four seen are unconfirmed (REFERENCE §2.6): keep the list as data when the monitoring issue lands.
public enum RiskType: String, CodeListValue, Codable {
    case illness
    case schooling
    case drinkingWater
    case unstableEmployment
    case disability
    case disaster
    case accident
    case businessFailure
    case lackOfLabour
    case housingSafety
    case dropout
    case other

    public var label: Label {
        switch self {
        case .illness: Label("因病", "illness")
        case .schooling: Label("因学", "schooling costs")
        case .drinkingWater: Label("因安全饮水", "unsafe drinking water")
        case .unstableEmployment: Label("因务工就业不稳", "unstable employment")
        case .disability: Label("因残", "disability")
        case .disaster: Label("因自然灾害", "natural disaster")
        case .accident: Label("因意外事故", "accident")
        case .businessFailure: Label("因产业失败", "business failure")
        case .lackOfLabour: Label("缺劳动力", "lack of labour")
        case .housingSafety: Label("住房安全", "unsafe housing")
        case .dropout: Label("失学辍学", "dropping out of school")
        case .other: Label("其他", "other")
        }
    }
}
