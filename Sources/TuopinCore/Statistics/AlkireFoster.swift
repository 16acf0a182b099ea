import Foundation

/// The Alkire–Foster multidimensional poverty measure (REFERENCE §4.2), computed exactly: the
/// weights and the cutoff k are rationals, so "poor iff cᵢ ≥ k" never rounds (k = 1/3 is a
/// third, not 0.33). Each row is a person (or a household) with a value per indicator and a
/// weight (how many it stands for); a value strictly below its indicator's cutoff is a
/// deprivation.
public struct AlkireFoster: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var values: [Double]
        public var weight: Int64

        public init(_ values: [Double], weight: Int64 = 1) {
            self.values = values
            self.weight = weight
        }
    }

    public enum InputError: Error, Equatable, Sendable {
        /// The cutoffs, the weights and a row do not name the same count of indicators.
        case indicatorCount(expected: Int, found: Int)
        /// Weights must be positive rationals.
        case badWeight(Int)
        /// k must lie in (0, 1].
        case badCutoff
    }

    /// n and q, in row weight.
    public let population: Int64
    public let poor: Int64
    /// H = q/n.
    public let headcount: Ratio
    /// A = Σ_poor cᵢ / q (0 when q = 0).
    public let intensity: Ratio
    /// M0 = H·A.
    public let adjustedHeadcount: Ratio
    /// hⱼ(k), by indicator: the poor and deprived in it, over n.
    public let censoredHeadcounts: [Ratio]
    /// (1/n) Σ gᵢⱼ, by indicator.
    public let uncensoredHeadcounts: [Ratio]
    /// wⱼ hⱼ(k) / M0, by indicator (summing to 1); nil when M0 = 0.
    public let contributions: [Ratio]?

    /// `weights` are normalised by their sum; `k` is the share of weighted deprivations that
    /// makes a row poor.
    public init(rows: [Row], cutoffs: [Double], weights: [Ratio], k: Ratio) throws(InputError) {
        let d = cutoffs.count
        guard weights.count == d else { throw .indicatorCount(expected: d, found: weights.count) }
        if let bad = weights.firstIndex(where: { $0.numerator <= 0 || $0.denominator <= 0 }) { throw .badWeight(bad + 1) }
        guard k.numerator > 0, k.denominator > 0, k.numerator <= k.denominator else { throw .badCutoff }
        if let row = rows.first(where: { $0.values.count != d }) { throw .indicatorCount(expected: d, found: row.values.count) }
        // Integer weights Wⱼ on a common denominator: cᵢ = sᵢ / ΣW, with sᵢ = Σ Wⱼ gᵢⱼ.
        let common = weights.reduce(Int64(1)) { lcm($0, $1.denominator) }
        let w = weights.map { $0.numerator * (common / $0.denominator) }
        let total = w.reduce(0, +)
        var n: Int64 = 0, q: Int64 = 0, scoreOfPoor: Int64 = 0
        var deprived = [Int64](repeating: 0, count: d), censored = [Int64](repeating: 0, count: d)
        for row in rows where row.weight > 0 {
            n += row.weight
            let g = zip(row.values, cutoffs).map { $0 < $1 }
            let s = zip(g, w).reduce(Int64(0)) { $0 + ($1.0 ? $1.1 : 0) }
            for j in 0..<d where g[j] { deprived[j] += row.weight }
            // Poor iff s / ΣW ≥ k, compared in integers.
            guard s > 0, s * k.denominator >= k.numerator * total else { continue }
            q += row.weight
            scoreOfPoor += s * row.weight
            for j in 0..<d where g[j] { censored[j] += row.weight }
        }
        population = n
        poor = q
        let denominator = max(n, 1)
        headcount = Ratio.reduced(q, denominator)
        intensity = q > 0 ? Ratio.reduced(scoreOfPoor, q * total) : Ratio(0, 1)
        adjustedHeadcount = Ratio.reduced(scoreOfPoor, denominator * total)
        censoredHeadcounts = censored.map { Ratio.reduced($0, denominator) }
        uncensoredHeadcounts = deprived.map { Ratio.reduced($0, denominator) }
        // wⱼ hⱼ / M0 = Wⱼ · censoredⱼ / Σ_poor sᵢ.
        contributions = scoreOfPoor > 0 ? (0..<d).map { Ratio.reduced(w[$0] * censored[$0], scoreOfPoor) } : nil
    }
}

func gcd(_ a: Int64, _ b: Int64) -> Int64 {
    var (a, b) = (abs(a), abs(b))
    while b != 0 { (a, b) = (b, a % b) }
    return a
}

func lcm(_ a: Int64, _ b: Int64) -> Int64 { a / gcd(a, b) * b }

extension Ratio {
    /// The ratio in lowest terms, with a positive denominator.
    public static func reduced(_ numerator: Int64, _ denominator: Int64) -> Ratio {
        let g = Swift.max(gcd(numerator, denominator), 1)
        let sign: Int64 = denominator < 0 ? -1 : 1
        return Ratio(sign * numerator / g, sign * denominator / g)
    }

    /// The value as a double (for display and charts only).
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// Parses `1/3`, `2` or `0.5` (exactly: 1/2).
    public init?(text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let a = Int64(parts[0]), let b = Int64(parts[1]), b != 0 {
            self = .reduced(a, b)
        } else if parts.count == 1, let decimal = try? FixedDecimal(String(parts[0])) {
            self = .reduced(decimal.scaled, FixedDecimal.powerOfTen(decimal.places))
        } else {
            return nil
        }
    }
}
