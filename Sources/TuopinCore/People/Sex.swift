/// 性别 (GB/T 2261.1): male 1, female 2, unspecified 9. A member's sex must match the ID number.
public enum Sex: String, CodeListValue, Codable {
    case male
    case female
    case unspecified

    public var label: Label {
        switch self {
        case .male: Label("男", "male")
        case .female: Label("女", "female")
        case .unspecified: Label("未说明", "unspecified")
        }
    }

    public var code: Int? {
        switch self {
        case .male: 1
        case .female: 2
        case .unspecified: 9
        }
    }
}
