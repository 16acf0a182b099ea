import Foundation

/// Money in fen (分): exact sums, never a `Double`.
///
/// Amounts are read and written as yuan with two decimals (`"3812.50"`, `"-12.05"`); dividing
/// rounds half away from zero to the fen, as a cashier would.
///
/// ```swift
/// let line = try Money(yuan: "4000")
/// line.fen                 // 400000
/// (line / 3).yuanText      // "1333.33"
/// ```
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static func yuan(_ whole: Int64) -> Money { Money(fen: whole * 100) }

    public static let zero = Money(fen: 0)

    public enum ParseError: Error, Equatable, Sendable {
        /// Not a number of yuan with at most two decimals.
        case notAnAmount(String)
    }

    /// Parses yuan: digits, an optional sign, at most two decimals; thousands separators allowed.
    public init(yuan text: String) throws {
        var s = Substring(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
        var negative = false
        if s.first == "-" || s.first == "+" { negative = s.first == "-"; s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard !s.isEmpty, parts.count <= 2, let whole = parts.first,
              !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }), whole.count <= 15 else { throw ParseError.notAnAmount(text) }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw ParseError.notAnAmount(text) }
        while fraction.count < 2 { fraction += "0" }
        let value = Int64(whole)! * 100 + Int64(fraction)!
        fen = negative ? -value : value
    }

    /// Yuan with two decimals and no separators: `"3812.50"`.
    public var yuanText: String {
        let sign = fen < 0 ? "-" : ""
        let a = fen.magnitude
        let cents = a % 100
        return sign + String(a / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Yuan with thousands separators for people: `"3,812.50"`.
    public var formatted: String {
        let plain = yuanText
        let sign = plain.hasPrefix("-") ? "-" : ""
        let body = plain.drop(while: { $0 == "-" })
        let parts = body.split(separator: ".")
        var whole = Array(parts[0])
        var grouped = ""
        while whole.count > 3 { grouped = "," + String(whole.suffix(3)) + grouped; whole.removeLast(3) }
        return sign + String(whole) + grouped + "." + parts[1]
    }

    public var description: String { yuanText }

    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen - b.fen) }
    public static func += (a: inout Money, b: Money) { a.fen += b.fen }
    public static prefix func - (a: Money) -> Money { Money(fen: -a.fen) }
    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// Multiplies by a whole number (a threshold × household size).
    public static func * (a: Money, n: Int) -> Money { Money(fen: a.fen * Int64(n)) }

    /// Divides, rounding half away from zero to the fen. Dividing by zero is a programming error.
    public static func / (a: Money, n: Int) -> Money {
        precondition(n != 0, "division of money by zero")
        return Money(fen: Rounding.halfAwayFromZero(a.fen, Int64(n)))
    }

    public init(from decoder: any Decoder) throws {
        try self.init(yuan: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(yuanText)
    }
}

/// Integer rounding used wherever an exact quotient must be shown with fewer digits.
public enum Rounding {
    /// `numerator / denominator` rounded half away from zero (四舍五入).
    public static func halfAwayFromZero(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        precondition(denominator != 0)
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude, d = denominator.magnitude
        let q = (n + d / 2) / d
        return negative ? -Int64(q) : Int64(q)
    }
}
