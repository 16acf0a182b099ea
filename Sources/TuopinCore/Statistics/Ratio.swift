/// An exact ratio of two counts (`2198 / 1221000`): rates are kept exact and rounded only
/// when shown, so a published percentage is never a `Double` (DESIGN principle 4).
///
/// ```swift
/// let r = Ratio(2198, 1_221_000)
/// r.percent(places: 2).text   // "0.18"
/// ```
public struct Ratio: Hashable, Sendable, Codable, Comparable {
    public let numerator: Int64
    public let denominator: Int64

    /// A ratio; the denominator must not be zero.
    public init(_ numerator: Int64, _ denominator: Int64) {
        precondition(denominator != 0, "ratio with zero denominator")
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(_ numerator: Int, _ denominator: Int) { self.init(Int64(numerator), Int64(denominator)) }

    /// The ratio × 100, rounded half away from zero to `places` decimals.
    public func percent(places: Int) -> FixedDecimal {
        FixedDecimal(scaled: Rounding.halfAwayFromZero(numerator * 100 * FixedDecimal.power(places), denominator), places: places)
    }

    /// The ratio itself, rounded to `places` decimals.
    public func decimal(places: Int) -> FixedDecimal {
        FixedDecimal(scaled: Rounding.halfAwayFromZero(numerator * FixedDecimal.power(places), denominator), places: places)
    }

    public static func < (a: Ratio, b: Ratio) -> Bool {
        // Cross-multiplication; both denominators positive in practice.
        a.numerator * b.denominator * (a.denominator.signum() * b.denominator.signum())
            < b.numerator * a.denominator * (a.denominator.signum() * b.denominator.signum())
    }
}

/// A decimal number with a fixed count of places, held as a scaled integer (`0.18` is 18 × 10⁻²).
public struct FixedDecimal: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let scaled: Int64
    public let places: Int

    public init(scaled: Int64, places: Int) {
        precondition((0...9).contains(places))
        self.scaled = scaled
        self.places = places
    }

    public static func powerOfTen(_ n: Int) -> Int64 { power(n) }

    static func power(_ n: Int) -> Int64 { (0..<n).reduce(Int64(1)) { acc, _ in acc * 10 } }

    public enum ParseError: Error, Equatable, Sendable { case notADecimal(String) }

    /// Parses `"0.18"`, `"7.1"`, `"-2"`, keeping the places written.
    public init(_ text: String) throws {
        var s = Substring(text)
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard !s.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let whole = Int64(parts[0]), parts.count == 1 || parts[1].count <= 9
        else { throw ParseError.notADecimal(text) }
        let frac = parts.count == 2 ? String(parts[1]) : ""
        let p = frac.count
        let (shifted, overflow) = whole.multipliedReportingOverflow(by: Self.power(p))
        let (value, overflowAdding) = shifted.addingReportingOverflow(Int64(frac) ?? 0)
        guard !overflow, !overflowAdding else { throw ParseError.notADecimal(text) }
        self.init(scaled: negative ? -value : value, places: p)
    }

    /// The value rounded (half away from zero) to fewer places.
    public func rounded(places newPlaces: Int) -> FixedDecimal {
        guard newPlaces < places else { return FixedDecimal(scaled: scaled * Self.power(newPlaces - places), places: newPlaces) }
        return FixedDecimal(scaled: Rounding.halfAwayFromZero(scaled, Self.power(places - newPlaces)), places: newPlaces)
    }

    public var text: String {
        let sign = scaled < 0 ? "-" : ""
        let a = scaled.magnitude
        let p = UInt64(Self.power(places))
        guard places > 0 else { return sign + String(a) }
        let frac = String(a % p)
        return sign + String(a / p) + "." + String(repeating: "0", count: places - frac.count) + frac
    }

    public var description: String { text }

    public static func < (a: FixedDecimal, b: FixedDecimal) -> Bool {
        let p = max(a.places, b.places)
        return a.scaled * power(p - a.places) < b.scaled * power(p - b.places)
    }

    public static func == (a: FixedDecimal, b: FixedDecimal) -> Bool {
        let p = max(a.places, b.places)
        return a.scaled * power(p - a.places) == b.scaled * power(p - b.places)
    }

    public func hash(into hasher: inout Hasher) {
        var s = scaled, p = places
        while p > 0 && s % 10 == 0 {
            s /= 10
            p -= 1
        }
        hasher.combine(s)
        hasher.combine(p)
    }

    public init(from decoder: any Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
