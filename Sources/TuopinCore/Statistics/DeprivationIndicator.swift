/// The registry's indicators for a multidimensional (Alkire–Foster) measure of a year, each a
/// deprivation of the household, carried by its members: income below the line, a dangerous
/// house (grade C or D), no safe drinking water, no sanitary toilet, a member without medical
/// insurance. The choice and the weights are the user's (REFERENCE §4.2: configurable).
public enum DeprivationIndicator: String, CodeListValue, Codable {
    case income
    case housing
    case water
    case toilet
    case medicalInsurance

    public var label: Label {
        switch self {
        case .income: Label("人均纯收入低于标准", "per-capita income below the line")
        case .housing: Label("住房为 C、D 级危房", "dangerous house (grade C or D)")
        case .water: Label("未实现安全饮水", "no safe drinking water")
        case .toilet: Label("无卫生厕所", "no sanitary toilet")
        case .medicalInsurance: Label("有成员未参加医保", "a member without medical insurance")
        }
    }
}

/// One household's facts for the indicators of a year: nil where the year's record lacks one.
public struct DeprivationFacts: Hashable, Sendable {
    public var householdSize: Int
    public var perCapitaIncome: Money?
    public var dangerGrade: DangerGrade?
    public var safeWater: Bool?
    public var sanitaryToilet: Bool?
    public var everyoneInsured: Bool?

    public init(
        householdSize: Int, perCapitaIncome: Money?, dangerGrade: DangerGrade?, safeWater: Bool?, sanitaryToilet: Bool?, everyoneInsured: Bool?
    ) {
        self.householdSize = householdSize
        self.perCapitaIncome = perCapitaIncome
        self.dangerGrade = dangerGrade
        self.safeWater = safeWater
        self.sanitaryToilet = sanitaryToilet
        self.everyoneInsured = everyoneInsured
    }

    /// The household as an Alkire–Foster row (weighted by its members), and the cutoffs that
    /// go with it: income against the line, every other indicator 1 when met and 0 when not,
    /// against a cutoff of 1. Nil when a chosen indicator is not recorded.
    public func row(_ indicators: [DeprivationIndicator]) -> AlkireFoster.Row? {
        var values: [Double] = []
        for indicator in indicators {
            let value: Double?
            switch indicator {
            case .income: value = perCapitaIncome.map { Double($0.fen) }
            case .housing: value = dangerGrade.map { $0 == .c || $0 == .d ? 0 : 1 }
            case .water: value = safeWater.map { $0 ? 1 : 0 }
            case .toilet: value = sanitaryToilet.map { $0 ? 1 : 0 }
            case .medicalInsurance: value = everyoneInsured.map { $0 ? 1 : 0 }
            }
            guard let value else { return nil }
            values.append(value)
        }
        return AlkireFoster.Row(values, weight: Int64(householdSize))
    }

    public static func cutoffs(_ indicators: [DeprivationIndicator], line: Money) -> [Double] {
        indicators.map { $0 == .income ? Double(line.fen) : 1 }
    }
}
