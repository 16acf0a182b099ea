import Foundation

/// The income poverty measures of REFERENCE §4.2 over a population of incomes: FGT P0, P1, P2,
/// Watts, Sen and Gini, with the Lorenz curve. Each observation carries a weight: the persons
/// of a household (person-weighted, the default unit: each member carries the household's
/// per-capita income) or 1 (household-weighted). Incomes and the line are in fen.
///
/// ```swift
/// let m = PovertyMeasures([10_000, 11_000, 15_000, 16_000].map { .init(income: $0) }, line: 12_500)
/// m.p0   // 0.5
/// ```
public struct PovertyMeasures: Sendable, Equatable {
    /// One observation: a per-capita income (fen) and how many it stands for.
    public struct Observation: Sendable, Equatable {
        public var income: Int64
        public var weight: Int64

        public init(income: Int64, weight: Int64 = 1) {
            self.income = income
            self.weight = weight
        }
    }

    /// The line z (fen): strictly below it is poor.
    public let line: Int64
    /// n: the population (Σ weights).
    public let population: Int64
    /// q: the poor (Σ weights with x < z).
    public let poor: Int64
    /// FGT P0 = q/n, P1 (the poverty gap index), P2 (the squared gap); nil when n = 0.
    public let p0: Double?
    public let p1: Double?
    public let p2: Double?
    /// Watts over the positive incomes; incomes ≤ 0 are left out of the sum and of n′.
    public let watts: Double?
    /// How many (in weight) Watts left out because their income is ≤ 0.
    public let wattsExcluded: Int64
    /// I: the mean gap of the poor, as a share of the line; nil when q = 0.
    public let incomeGapRatio: Double?
    /// The Gini of the poor (G_p); nil when q = 0 or their income sums to ≤ 0.
    public let giniOfPoor: Double?
    /// Sen = H·[I + (1 − I)·G_p]; 0 when q = 0; nil when G_p is undefined.
    public let sen: Double?
    /// Gini over everyone, divided by n (not n − 1); nil when n = 0 or Σx ≤ 0.
    public let gini: Double?
    /// The Lorenz curve: (share of the population, share of income), from (0, 0) to (1, 1).
    public let lorenz: [LorenzPoint]
    /// The total poverty gap: what would lift everyone below the line to it, in fen a year.
    public let totalGap: Int64

    public init(_ observations: [Observation], line: Int64) {
        precondition(line > 0, "a poverty line must be positive")
        let z = Double(line)
        let all = observations.filter { $0.weight > 0 }
        let n = all.reduce(Int64(0)) { $0 + $1.weight }
        let poorOnes = all.filter { $0.income < line }
        let q = poorOnes.reduce(Int64(0)) { $0 + $1.weight }
        self.line = line
        population = n
        poor = q
        totalGap = poorOnes.reduce(Int64(0)) { $0 + (line - $1.income) * $1.weight }
        if n > 0 {
            let nd = Double(n)
            p0 = Double(q) / nd
            p1 = poorOnes.reduce(0.0) { $0 + Double($1.weight) * (z - Double($1.income)) / z } / nd
            p2 =
                poorOnes.reduce(0.0) { acc, o in
                    let g = (z - Double(o.income)) / z
                    return acc + Double(o.weight) * g * g
                } / nd
        } else {
            (p0, p1, p2) = (nil, nil, nil)
        }
        let excluded = all.filter { $0.income <= 0 }.reduce(Int64(0)) { $0 + $1.weight }
        wattsExcluded = excluded
        let nPrime = n - excluded
        watts =
            nPrime > 0
            ? poorOnes.filter { $0.income > 0 }.reduce(0.0) { $0 + Double($1.weight) * log(z / Double($1.income)) } / Double(nPrime)
            : nil
        let (g, curve) = Self.lorenz(all)
        gini = g
        lorenz = curve
        if q > 0 {
            let gap = poorOnes.reduce(0.0) { $0 + Double($1.weight) * (z - Double($1.income)) / z } / Double(q)
            incomeGapRatio = gap
            let gp = Self.lorenz(poorOnes).gini
            giniOfPoor = gp
            sen = gp.map { Double(q) / Double(n) * (gap + (1 - gap) * $0) }
        } else {
            incomeGapRatio = nil
            giniOfPoor = nil
            sen = n > 0 ? 0 : nil
        }
    }

    /// The Gini (trapezoids under the Lorenz curve: with weights 1 it is
    /// 2 Σ i·x₍ᵢ₎ / (n Σx) − (n+1)/n) and the curve's points.
    static func lorenz(_ observations: [Observation]) -> (gini: Double?, curve: [LorenzPoint]) {
        let sorted = observations.sorted { $0.income < $1.income }
        let n = sorted.reduce(Int64(0)) { $0 + $1.weight }
        let total = sorted.reduce(0.0) { $0 + Double($1.income) * Double($1.weight) }
        guard n > 0, total > 0 else { return (nil, [LorenzPoint(population: 0, income: 0)]) }
        var curve = [LorenzPoint(population: 0, income: 0)]
        var people: Int64 = 0, cumulative = 0.0, area = 0.0, previousShare = 0.0
        for o in sorted {
            people += o.weight
            cumulative += Double(o.income) * Double(o.weight)
            let share = cumulative / total
            area += Double(o.weight) / Double(n) * (share + previousShare)
            previousShare = share
            curve.append(LorenzPoint(population: Double(people) / Double(n), income: share))
        }
        return (1 - area, curve)
    }
}

/// A point of a Lorenz curve.
public struct LorenzPoint: Sendable, Equatable, Codable {
    public let population: Double
    public let income: Double
}
