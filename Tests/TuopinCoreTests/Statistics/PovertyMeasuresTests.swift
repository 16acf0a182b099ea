import Foundation
import Testing

@testable import TuopinCore

/// The oracles of REFERENCE §4.3 and the decisions of §4.2.
@Suite("Poverty measures: FGT, Watts, Sen, Gini (REFERENCE §4.2–4.3)")
struct PovertyMeasuresTests {
    /// The World Bank Handbook (Haughton & Khandker 2009, ch. 4): x = (100, 110, 150, 160), z = 125.
    static let handbook = PovertyMeasures([100, 110, 150, 160].map { .init(income: $0) }, line: 125)

    @Test func theHandbooksExampleGivesItsPublishedValues() throws {
        let m = Self.handbook
        #expect(m.population == 4 && m.poor == 2)
        #expect(abs(try #require(m.p0) - 0.5) < 1e-12)
        #expect(abs(try #require(m.p1) - 0.08) < 1e-12)
        #expect(abs(try #require(m.p2) - 0.0136) < 1e-12)
        #expect(abs(try #require(m.watts) - 0.0877442) < 1e-7)
        #expect(abs(try #require(m.incomeGapRatio) - 0.16) < 1e-12)
        #expect(abs(try #require(m.giniOfPoor) - 1.0 / 42) < 1e-12)
        #expect(abs(try #require(m.sen) - 0.09) < 1e-12)
        #expect(m.totalGap == 40)
    }

    /// Gini by the sorted-sum formula 2 Σ i·x₍ᵢ₎ / (n Σx) − (n+1)/n, worked by hand.
    static let giniCases: [([Int64], Double)] = [
        ([100, 110, 150, 160], 2.0 * 1410 / 2080 - 1.25),
        ([5, 5, 5, 5], 0.0),
        ([0, 0, 0, 12], 0.75),
        ([3, 1, 2], 2.0 * 14 / 18 - 4.0 / 3),
    ]

    @Test(arguments: giniCases)
    func giniDividesByN(_ incomes: [Int64], _ expected: Double) throws {
        let m = PovertyMeasures(incomes.map { .init(income: $0) }, line: 1)
        #expect(abs(try #require(m.gini) - expected) < 1e-12)
        #expect(m.lorenz.first == LorenzPoint(population: 0, income: 0))
        #expect(abs(m.lorenz.last!.population - 1) < 1e-12 && abs(m.lorenz.last!.income - 1) < 1e-12)
    }

    @Test func theLineItselfIsNotPoor() {
        let m = PovertyMeasures([125, 124].map { .init(income: $0) }, line: 125)
        #expect(m.poor == 1 && m.p0 == 0.5)
    }

    /// A household of 3 counts as 3 people with its per-capita income.
    @Test func aWeightCountsAsThatManyPeople() throws {
        let weighted = PovertyMeasures([.init(income: 100, weight: 3), .init(income: 160, weight: 1)], line: 125)
        let repeated = PovertyMeasures([100, 100, 100, 160].map { .init(income: $0) }, line: 125)
        #expect(weighted.population == 4 && weighted.poor == 3)
        #expect(abs(try #require(weighted.p1) - (try #require(repeated.p1))) < 1e-12)
        #expect(abs(try #require(weighted.p2) - (try #require(repeated.p2))) < 1e-12)
        #expect(weighted.totalGap == 75 && weighted.totalGap == repeated.totalGap)
        #expect(abs(try #require(weighted.gini) - (try #require(repeated.gini))) < 1e-12)
        #expect(abs(try #require(weighted.sen) - (try #require(repeated.sen))) < 1e-12)
    }

    /// Watts is undefined at x ≤ 0: those are left out of the sum and of n′, and counted.
    @Test func wattsLeavesOutIncomesAtOrBelowZero() throws {
        let m = PovertyMeasures([.init(income: 0), .init(income: -50, weight: 2), .init(income: 100), .init(income: 200)], line: 125)
        #expect(m.wattsExcluded == 3)
        let expected: Double = log(1.25) / 2
        #expect(abs(try #require(m.watts) - expected) < 1e-12)
        #expect(m.poor == 4 && m.p0 == 0.8)
    }

    @Test func nobodyPoorGivesZeroSenAndNoGap() {
        let m = PovertyMeasures([200, 300].map { .init(income: $0) }, line: 125)
        #expect(m.sen == 0 && m.incomeGapRatio == nil && m.p0 == 0 && m.watts == 0 && m.totalGap == 0)
        let empty = PovertyMeasures([], line: 125)
        #expect(empty.p0 == nil && empty.gini == nil && empty.sen == nil)
    }
}

@Suite("Alkire–Foster, exact (REFERENCE §4.2–4.3)")
struct AlkireFosterTests {
    /// Alkire & Foster (2011), the toy example at k = 2 of 4 dimensions.
    static let rows = [
        AlkireFoster.Row([13.1, 14, 4, 1]), AlkireFoster.Row([15.2, 7, 5, 0]), AlkireFoster.Row([12.5, 10, 1, 0]),
        AlkireFoster.Row([20, 11, 3, 1]),
    ]
    static let cutoffs: [Double] = [13, 12, 3, 1]

    @Test func theToyExampleGivesThePublishedValues() throws {
        let af = try AlkireFoster(rows: Self.rows, cutoffs: Self.cutoffs, weights: Array(repeating: Ratio(1, 4), count: 4), k: Ratio(1, 2))
        #expect(af.poor == 2)
        #expect(af.headcount == Ratio(1, 2) && af.intensity == Ratio(3, 4) && af.adjustedHeadcount == Ratio(3, 8))
        #expect(af.censoredHeadcounts == [Ratio(1, 4), Ratio(1, 2), Ratio(1, 4), Ratio(1, 2)])
        #expect(af.contributions == [Ratio(1, 6), Ratio(1, 3), Ratio(1, 6), Ratio(1, 3)])
        // Never above the uncensored headcounts; d is deprived in income only and not poor.
        #expect(af.uncensoredHeadcounts == [Ratio(1, 4), Ratio(3, 4), Ratio(1, 4), Ratio(1, 2)])
    }

    @Test(arguments: [
        // k, poor, M0: union (k = the least weight) and intersection (k = 1)
        (Ratio(1, 4), 3, Ratio(7, 16)), (Ratio(1, 1), 1, Ratio(1, 4)), (Ratio(3, 4), 1, Ratio(1, 4)),
    ])
    func theCutoffIsExact(_ k: Ratio, _ poor: Int, _ m0: Ratio) throws {
        // Integer weights are normalised: 2, 2, 2, 2 is a quarter each.
        let af = try AlkireFoster(rows: Self.rows, cutoffs: Self.cutoffs, weights: Array(repeating: Ratio(2, 1), count: 4), k: k)
        #expect(af.poor == Int64(poor) && af.adjustedHeadcount == m0)
        if let c = af.contributions { #expect(c.reduce(0.0) { $0 + $1.doubleValue } - 1 < 1e-12) }
    }

    /// k = 1/3 with thirds as weights: a third is poor exactly; 0.33 would be otherwise.
    @Test func aThirdIsAThird() throws {
        let rows = [AlkireFoster.Row([0, 1, 1]), AlkireFoster.Row([1, 1, 1])]
        let af = try AlkireFoster(
            rows: rows, cutoffs: [1, 1, 1], weights: Array(repeating: Ratio(1, 3), count: 3), k: try #require(Ratio(text: "1/3")))
        #expect(af.poor == 1 && af.headcount == Ratio(1, 2))
        #expect(Ratio(text: "0.5") == Ratio(1, 2) && Ratio(text: "x") == nil)
    }

    @Test func badInputIsNamed() {
        #expect(throws: AlkireFoster.InputError.indicatorCount(expected: 4, found: 3)) {
            try AlkireFoster(rows: Self.rows, cutoffs: Self.cutoffs, weights: Array(repeating: Ratio(1, 3), count: 3), k: Ratio(1, 2))
        }
        #expect(throws: AlkireFoster.InputError.badCutoff) {
            try AlkireFoster(rows: Self.rows, cutoffs: Self.cutoffs, weights: Array(repeating: Ratio(1, 4), count: 4), k: Ratio(3, 2))
        }
        #expect(throws: AlkireFoster.InputError.badWeight(2)) {
            try AlkireFoster(rows: Self.rows, cutoffs: Self.cutoffs, weights: [Ratio(1, 4), Ratio(0, 1), Ratio(1, 4), Ratio(1, 4)], k: Ratio(1, 2))
        }
    }
}

@Suite("The registry's deprivation indicators")
struct DeprivationIndicatorTests {
    static let facts = DeprivationFacts(
        householdSize: 3, perCapitaIncome: Money(fen: 300_000), dangerGrade: .c, safeWater: true, sanitaryToilet: false, everyoneInsured: true)

    @Test func aHouseholdBecomesAWeightedRow() {
        let row = Self.facts.row(DeprivationIndicator.allCases)
        #expect(row == AlkireFoster.Row([300_000, 0, 1, 0, 1], weight: 3))
        #expect(DeprivationFacts.cutoffs(DeprivationIndicator.allCases, line: Money(fen: 400_000)) == [400_000, 1, 1, 1, 1])
        var unknown = Self.facts
        unknown.safeWater = nil
        #expect(unknown.row([.income, .water]) == nil && unknown.row([.income, .housing]) != nil)
    }

    /// Income below the line, a grade-C house and no toilet: 3 of 5 deprivations, poor at k = 3/5, not at 4/5.
    @Test func aHouseholdIsPoorAtItsShareOfDeprivations() throws {
        let row = try #require(Self.facts.row(DeprivationIndicator.allCases))
        let cutoffs = DeprivationFacts.cutoffs(DeprivationIndicator.allCases, line: Money(fen: 400_000))
        let weights = Array(repeating: Ratio(1, 1), count: 5)
        let poor = try AlkireFoster(rows: [row], cutoffs: cutoffs, weights: weights, k: Ratio(3, 5))
        #expect(poor.poor == 3 && poor.intensity == Ratio(3, 5))
        #expect(try AlkireFoster(rows: [row], cutoffs: cutoffs, weights: weights, k: Ratio(4, 5)).poor == 0)
    }
}
