/// 贫困户属性 (`pkhsx`): why a poor household qualifies (REFERENCE §2.6).
public enum PovertyAttribute: String, CodeListValue, Codable {
    case general
    case dibao
    case tekun

    public var label: Label {
        switch self {
        case .general: Label("一般贫困户", "general poor household")
        case .dibao: Label("低保贫困户", "poor household on 低保")
        case .tekun: Label("特困供养贫困户", "poor household on 特困 support")
        }
    }

    public var code: Int? {
        switch self {
        case .general: 1
        case .dibao: 2
        case .tekun: 3
        }
    }
}
