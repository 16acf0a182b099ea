/// The poverty line (扶贫标准) for one year, region and standard (REFERENCE §3.1).
///
/// A row of an editable, versioned table; the national 2010-price line is 2,300 yuan per person
/// per year, 2,800 in 2014 and "about 4,000" in 2020. Unconfirmed rows say so in `confirmed`.
/// The exit test's operator (`exitComparison`, default `above`) is part of the row because the
/// sources do not settle it.
///
/// ```swift
/// let line = PovertyLine(year: 2020, region: .national, standard: .national, amount: .yuan(4000))
/// line.isCleared(by: Money(fen: 381_250))  // false: 3,812.50 is not above 4,000.00
/// ```
public struct PovertyLine: Hashable, Sendable, Codable {
    public var year: Int
    public var region: PolicyRegion
    public var standard: IdentificationStandard
    public var amount: Money
    /// Defaults to `.above` (strictly above the line counts as cleared).
    public var exitComparison: IncomeComparison
    public var confirmed: Bool
    public var source: String

    public init(
        year: Int, region: PolicyRegion, standard: IdentificationStandard, amount: Money,
        exitComparison: IncomeComparison = .above, confirmed: Bool = true, source: String = ""
    ) {
        self.year = year
        self.region = region
        self.standard = standard
        self.amount = amount
        self.exitComparison = exitComparison
        self.confirmed = confirmed
        self.source = source
    }

    /// Whether a per-capita net income clears the line for exit (E1).
    public func isCleared(by perCapitaNetIncome: Money) -> Bool { exitComparison.holds(perCapitaNetIncome, amount) }

    /// Whether a per-capita income counts as poor: strictly below the line (REFERENCE §4.2).
    public func countsAsPoor(_ perCapitaNetIncome: Money) -> Bool { perCapitaNetIncome < amount }
}

/// All poverty-line rows, with the lookup rule: the province's own row for the year and
/// standard, else the national row.
public struct PovertyLineTable: Sendable {
    public let rows: [PovertyLine]

    public init(_ rows: [PovertyLine]) { self.rows = rows }

    public func line(year: Int, region: PolicyRegion = .national, standard: IdentificationStandard = .national) -> PovertyLine? {
        rows.first { $0.year == year && $0.region == region && $0.standard == standard }
            ?? rows.first { $0.year == year && $0.region == .national && $0.standard == standard }
            ?? rows.first { $0.year == year && $0.region == .national && $0.standard == .national }
    }

    public var years: ClosedRange<Int>? {
        guard let lo = rows.map(\.year).min(), let hi = rows.map(\.year).max() else { return nil }
        return lo...hi
    }
}
