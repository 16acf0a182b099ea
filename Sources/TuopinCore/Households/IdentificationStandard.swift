/// 识别标准: whose poverty line identified the household (national, provincial or municipal).
public enum IdentificationStandard: String, CodeListValue, Codable {
    case national
    case provincial
    case municipal

    public var label: Label {
        switch self {
        case .national: Label("国家标准", "national standard")
        case .provincial: Label("省定标准", "provincial standard")
        case .municipal: Label("市定标准", "municipal standard")
        }
    }

    public var code: Int? {
        switch self {
        case .national: 1
        case .provincial: 2
        case .municipal: 3
        }
    }
}
