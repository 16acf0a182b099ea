/// The monitoring threshold (监测范围) per person for one year and region (REFERENCE §3.2).
///
/// The floor is 1.5 × the old line (6,000 yuan nationally in 2021); provinces reset it yearly.
/// It is a reference, not the sole test and never a quota. Whether the bound itself is
/// "within range" is unconfirmed, so the row carries `withinComparison` (default `atMost`, ≤).
public struct MonitoringThreshold: Hashable, Sendable, Codable {
    public var year: Int
    public var region: PolicyRegion
    public var amountPerCapita: Money
    public var withinComparison: IncomeComparison
    public var confirmed: Bool
    public var source: String

    public init(
        year: Int, region: PolicyRegion, amountPerCapita: Money, withinComparison: IncomeComparison = .atMost,
        confirmed: Bool = true, source: String = ""
    ) {
        self.year = year
        self.region = region
        self.amountPerCapita = amountPerCapita
        self.withinComparison = withinComparison
        self.confirmed = confirmed
        self.source = source
    }

    /// Whether a per-capita income is within the monitoring range.
    public func isWithin(_ perCapitaIncome: Money) -> Bool { withinComparison.holds(perCapitaIncome, amountPerCapita) }

    /// The household's reference total: threshold × household size (REFERENCE §2.3).
    public func referenceTotal(householdSize: Int) -> Money { amountPerCapita * householdSize }
}

/// All monitoring-threshold rows; a province row overrides the national one for its year.
public struct MonitoringThresholdTable: Sendable {
    public let rows: [MonitoringThreshold]

    public init(_ rows: [MonitoringThreshold]) { self.rows = rows }

    public func threshold(year: Int, region: PolicyRegion) -> MonitoringThreshold? {
        rows.first { $0.year == year && $0.region == region } ?? rows.first { $0.year == year && $0.region == .national }
    }
}
