/// 残疾类别 (REFERENCE §2.2): 1 视力, 2 听力, 3 言语, 4 肢体, 5 智力, 6 精神, 7 多重. The
/// codes are unconfirmed; the grade (1–4, 1 the most severe) is kept beside it on `MemberYear`.
public enum DisabilityCategory: String, CodeListValue, Codable {
    case visual
    case hearing
    case speech
    case physical
    case intellectual
    case mental
    case multiple

    public var label: Label {
        switch self {
        case .visual: Label("视力残疾", "visual")
        case .hearing: Label("听力残疾", "hearing")
        case .speech: Label("言语残疾", "speech")
        case .physical: Label("肢体残疾", "physical")
        case .intellectual: Label("智力残疾", "intellectual")
        case .mental: Label("精神残疾", "mental")
        case .multiple: Label("多重残疾", "multiple")
        }
    }

    public var code: Int? {
        switch self {
        case .visual: 1
        case .hearing: 2
        case .speech: 3
        case .physical: 4
        case .intellectual: 5
        case .mental: 6
        case .multiple: 7
        }
    }

    /// The category a national code names ("1" … "7"), as spreadsheets often write it.
    public init?(nationalCode: String) {
        guard let category = Self.allCases.first(where: { $0.code.map(String.init) == nationalCode }) else { return nil }
        self = category
    }
}
