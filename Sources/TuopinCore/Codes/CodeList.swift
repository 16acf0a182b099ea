/// The code lists whose values are unconfirmed (REFERENCE §2.6, "make configurable") and which
/// an administrator extends with local codes (`LocalCode`): causes, risks and measure kinds.
public enum CodeList: String, CodeListValue, Codable {
    case povertyCause
    case riskType
    case measureKind

    public var label: Label {
        switch self {
        case .povertyCause: Label("致贫原因", "cause of poverty")
        case .riskType: Label("致贫返贫风险", "risk type")
        case .measureKind: Label("帮扶措施类别", "measure kind")
        }
    }

    /// The built-in values, in the list's order: their tokens and labels.
    public var builtIns: [(token: String, label: Label)] {
        switch self {
        case .povertyCause: PovertyCause.allCases.map { ($0.token, $0.label) }
        case .riskType: RiskType.allCases.map { ($0.token, $0.label) }
        case .measureKind:
            MeasureCategory.allCases.map { (MeasureKind.category($0).token, $0.label) }
                + MeasureHeading.allCases.map { (MeasureKind.heading($0).token, $0.label) }
        }
    }

    /// The built-in value `text` names (by token or Chinese label), as its stored token.
    public func builtIn(_ text: String) -> String? {
        switch self {
        case .povertyCause: PovertyCause(token: text)?.token
        case .riskType: RiskType(token: text)?.token
        case .measureKind: MeasureKind(token: text)?.token
        }
    }
}
