/// The configurable parts of the household exit standard that the sources leave open
/// (REFERENCE §3.3): how many consecutive years income must clear the line ("stably"), and the
/// county water standard. Edited as data, like the lines themselves.
public struct ExitRule: Hashable, Sendable, Codable {
    /// Years, ending with the exit year, whose income must clear that year's line. Defaults to 1.
    public var stableYears: Int
    public var water: WaterStandard

    public init(stableYears: Int = 1, water: WaterStandard = .countyPractice) {
        self.stableYears = stableYears
        self.water = water
    }

    /// The reference's reading: the exit year's income alone, and the county water practice.
    public static let reference = ExitRule()
}

/// What "safe water" means when it is measured (county practice; unconfirmed — configurable).
public struct WaterStandard: Hashable, Sendable, Codable {
    public var minimumLitresPerPersonPerDay: Int
    public var maximumRoundTripMinutes: Int
    public var maximumVerticalLiftMetres: Int
    public var maximumShortageDaysPerYear: Int

    /// ≥ 35 L per person a day; round trip ≤ 30 minutes or lift ≤ 100 m; shortage ≤ 15 days.
    public static let countyPractice = WaterStandard(
        minimumLitresPerPersonPerDay: 35, maximumRoundTripMinutes: 30,
        maximumVerticalLiftMetres: 100, maximumShortageDaysPerYear: 15)

    public init(
        minimumLitresPerPersonPerDay: Int, maximumRoundTripMinutes: Int, maximumVerticalLiftMetres: Int,
        maximumShortageDaysPerYear: Int
    ) {
        self.minimumLitresPerPersonPerDay = minimumLitresPerPersonPerDay
        self.maximumRoundTripMinutes = maximumRoundTripMinutes
        self.maximumVerticalLiftMetres = maximumVerticalLiftMetres
        self.maximumShortageDaysPerYear = maximumShortageDaysPerYear
    }
}

/// Measured water access of a household.
public struct WaterAccess: Hashable, Sendable, Codable {
    public var litresPerPersonPerDay: Int
    public var roundTripMinutes: Int
    public var verticalLiftMetres: Int
    public var shortageDaysPerYear: Int

    public init(litresPerPersonPerDay: Int, roundTripMinutes: Int, verticalLiftMetres: Int, shortageDaysPerYear: Int) {
        self.litresPerPersonPerDay = litresPerPersonPerDay
        self.roundTripMinutes = roundTripMinutes
        self.verticalLiftMetres = verticalLiftMetres
        self.shortageDaysPerYear = shortageDaysPerYear
    }

    /// Quantity, convenience (time *or* lift) and reliability must all hold.
    public func meets(_ standard: WaterStandard) -> Bool {
        litresPerPersonPerDay >= standard.minimumLitresPerPersonPerDay
            && (roundTripMinutes <= standard.maximumRoundTripMinutes || verticalLiftMetres <= standard.maximumVerticalLiftMetres)
            && shortageDaysPerYear <= standard.maximumShortageDaysPerYear
    }
}
