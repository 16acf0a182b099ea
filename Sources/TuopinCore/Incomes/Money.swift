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

    /// Parses yuan: digits, an optional minus sign, at most two decimals; thousands separators
    /// (between groups of three digits only: `1,886.67`, never `1886,67`, a decimal comma that
    /// would read a hundred times too much) and surrounding spaces allowed.
    public init(yuan text: String) throws {
        // Reads the contiguous UTF-8 bytes directly, past the `utf8` view's iterator: an import
        // parses millions of amounts.
        var contiguous = text
        fen = try contiguous.withUTF8 { try Self.fen(utf8: $0, text: text) }
    }

    private static func fen(utf8 bytes: UnsafeBufferPointer<UInt8>, text: String) throws -> Int64 {
        var negative = false, seenDigit = false, seenPoint = false, seenSign = false
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, wholeDigits = 0
        var trailingSpace = false
        // Digits since the last thousands separator (nil before the first one).
        var sinceSeparator: Int? = nil
        for b in bytes {
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if seenDigit || seenSign || seenPoint { trailingSpace = true }
            case _ where trailingSpace:
                throw ParseError.notAnAmount(text)
            case UInt8(ascii: "-"):
                guard !seenSign, !seenDigit, !seenPoint else { throw ParseError.notAnAmount(text) }
                seenSign = true
                negative = true
            case UInt8(ascii: ","):
                // The first group has one to three digits and no leading zero (`01,886`, `0,886`),
                // every later one exactly three.
                guard seenDigit, !seenPoint, sinceSeparator.map({ $0 == 3 }) ?? (wholeDigits <= 3 && whole >= [1, 10, 100][wholeDigits - 1]) else {
                    throw ParseError.notAnAmount(text)
                }
                sinceSeparator = 0
            case UInt8(ascii: "."):
                guard seenDigit, !seenPoint, sinceSeparator.map({ $0 == 3 }) ?? true else { throw ParseError.notAnAmount(text) }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(b - UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { throw ParseError.notAnAmount(text) }
                    fraction = fraction * 10 + d
                } else {
                    wholeDigits += 1
                    if let n = sinceSeparator { sinceSeparator = n + 1 }
                    guard wholeDigits <= 15 else { throw ParseError.notAnAmount(text) }
                    whole = whole * 10 + d
                }
                seenDigit = true
            default:
                throw ParseError.notAnAmount(text)
            }
        }
        guard seenDigit, !(seenPoint && fractionDigits == 0), seenPoint || (sinceSeparator.map { $0 == 3 } ?? true) else {
            throw ParseError.notAnAmount(text)
        }
        if fractionDigits == 1 { fraction *= 10 }
        let value = whole * 100 + fraction
        return negative ? -value : value
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
        while whole.count > 3 {
            grouped = "," + String(whole.suffix(3)) + grouped
            whole.removeLast(3)
        }
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
