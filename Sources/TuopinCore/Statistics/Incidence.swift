/// Poverty incidence (贫困发生率) of an area, explained (REFERENCE §3.6):
///
/// ```
/// incidence = remainingEnrolledPoorPeople ÷ ruralRegisteredPopulation × 100   // 2 decimals
/// ```
///
/// The numerator is people not yet exited, not the cumulative roll; the denominator is the
/// village-profile rural registered population (户籍人口) of the year, not a count of person rows.
///
/// ```swift
/// let r = Incidence.evaluate(remainingPoorPeople: 2198, ruralRegisteredPopulation: 1_221_000, populationYear: 2020)
/// r.percent?.text   // "0.18"
/// ```
public struct Incidence: Hashable, Sendable, Codable {
    public static let rule = RuleID("statistics.incidence")

    public let remainingPoorPeople: Int64
    public let ruralRegisteredPopulation: Int64
    public let populationYear: Int?
    /// The exact ratio; nil when there is no population to divide by.
    public let ratio: Ratio?
    /// The percentage rounded half away from zero to `places` decimals.
    public let percent: FixedDecimal?

    public static func evaluate(
        remainingPoorPeople: Int64, ruralRegisteredPopulation: Int64, populationYear: Int?,
        places: Int = 2
    ) -> Incidence {
        let ratio = ruralRegisteredPopulation > 0 ? Ratio(remainingPoorPeople, ruralRegisteredPopulation) : nil
        return Incidence(
            remainingPoorPeople: remainingPoorPeople, ruralRegisteredPopulation: ruralRegisteredPopulation,
            populationYear: populationYear, ratio: ratio, percent: ratio?.percent(places: places))
    }

    public static func evaluate(remainingPoorPeople: Int, ruralRegisteredPopulation: Int, populationYear: Int?, places: Int = 2) -> Incidence {
        evaluate(
            remainingPoorPeople: Int64(remainingPoorPeople), ruralRegisteredPopulation: Int64(ruralRegisteredPopulation),
            populationYear: populationYear, places: places)
    }

    /// The explanation: the result and the values that gave it.
    public var check: Check {
        Check(
            Self.rule, passed: ratio != nil,
            values: [
                ReasonValue("incidence", percent.map { .decimal($0) } ?? .missing),
                ReasonValue("remainingPoorPeople", .count(remainingPoorPeople)),
                ReasonValue("ruralRegisteredPopulation", ruralRegisteredPopulation > 0 ? .count(ruralRegisteredPopulation) : .missing),
                ReasonValue("populationYear", populationYear.map { .year($0) } ?? .missing),
            ])
    }

    /// Whether the incidence is below a threshold percentage (village and county exit: < 2%).
    public func isBelow(percent threshold: FixedDecimal) -> Bool {
        guard let ratio else { return false }
        // Compare exactly: numerator/denominator × 100 < threshold.scaled / 10^places.
        let lhs = ratio.numerator * 100 * FixedDecimal.power(threshold.places)
        return lhs < threshold.scaled * ratio.denominator
    }
}
