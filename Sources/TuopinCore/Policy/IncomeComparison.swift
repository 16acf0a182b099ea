/// How an income is compared with a line: the operators are unconfirmed in the sources, so
/// every policy row carries its own (REFERENCE §3.2, §3.3).
public enum IncomeComparison: String, CodeListValue, Codable {
    /// income > amount (一超过: "above the line").
    case above
    /// income ≥ amount.
    case atLeast
    /// income ≤ amount ("以下" usually includes the bound).
    case atMost
    /// income < amount.
    case below

    public func holds(_ income: Money, _ amount: Money) -> Bool {
        switch self {
        case .above: income > amount
        case .atLeast: income >= amount
        case .atMost: income <= amount
        case .below: income < amount
        }
    }

    public var symbol: String {
        switch self {
        case .above: ">"
        case .atLeast: "≥"
        case .atMost: "≤"
        case .below: "<"
        }
    }

    public var label: Label {
        switch self {
        case .above: Label("高于", "above")
        case .atLeast: Label("不低于", "at least")
        case .atMost: Label("不高于", "at most")
        case .below: Label("低于", "below")
        }
    }
}
