import Foundation

/// A moment in time to the millisecond, as the audit log, sessions and sign-in records keep it.
///
/// It prints as ISO 8601 in UTC with milliseconds (`2026-12-01T05:45:12.123Z`), a form that sorts
/// as text in time order and reads back exactly, so a hashed audit entry verifies the same on
/// any machine. Core has no clock: instants come in from the service environment.
///
/// ```swift
/// let t = Instant(millisecondsSince1970: 1_602_720_000_000)
/// t.description                       // "2020-10-15T00:00:00.000Z"
/// t.civilDate(utcOffsetSeconds: Instant.chinaStandardTime)   // 2020-10-15 in Asia/Shanghai
/// ```
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let millisecondsSince1970: Int64

    /// UTC+8, China Standard Time (Asia/Shanghai has kept it without daylight saving since 1991).
    public static let chinaStandardTime = 8 * 3600

    public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }

    public init(_ date: Date) {
        millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000) }

    public func adding(seconds: Int64) -> Instant { Instant(millisecondsSince1970: millisecondsSince1970 + seconds * 1000) }

    /// The calendar date at this instant in a zone `utcOffsetSeconds` east of UTC.
    public func civilDate(utcOffsetSeconds: Int) -> CivilDate {
        let local = millisecondsSince1970 + Int64(utcOffsetSeconds) * 1000
        return CivilDate(dayNumber: Int(floorDiv(local, 86_400_000)))
    }

    /// The first moment of `date` in China Standard Time.
    public static func startOfDay(_ date: CivilDate) -> Instant {
        Instant(millisecondsSince1970: (Int64(date.dayNumber) * 86_400 - Int64(chinaStandardTime)) * 1000)
    }

    /// An instant as `description` writes it, or a date (`YYYY-MM-DD`, its start in China
    /// Standard Time); nil for anything else.
    public static func instantOrDay(_ text: String) -> Instant? {
        if let instant = try? Instant(text) { return instant }
        return (try? CivilDate(text)).map(startOfDay)
    }

    public enum ParseError: Error, Equatable, Sendable {
        /// Not `YYYY-MM-DDTHH:MM:SS.mmmZ`.
        case notAnInstant(String)
    }

    /// Parses the form `description` writes.
    public init(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[10] == UInt8(ascii: "T"), bytes[23] == UInt8(ascii: "Z"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
            let date = try? CivilDate(String(decoding: bytes[0..<10], as: UTF8.self))
        else { throw ParseError.notAnInstant(text) }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for b in bytes[r] {
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b) - 48
            }
            return n
        }
        guard let h = number(11..<13), let m = number(14..<16), let s = number(17..<19), let ms = number(20..<23),
            h < 24, m < 60, s < 60
        else { throw ParseError.notAnInstant(text) }
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + s)
        millisecondsSince1970 = seconds * 1000 + Int64(ms)
    }

    public var description: String {
        let day = floorDiv(millisecondsSince1970, 86_400_000)
        let rest = millisecondsSince1970 - day * 86_400_000
        let date = CivilDate(dayNumber: Int(day))
        let h = rest / 3_600_000, m = rest / 60_000 % 60, s = rest / 1000 % 60, ms = rest % 1000
        func pad(_ n: Int64, _ width: Int) -> String {
            let t = String(n)
            return String(repeating: "0", count: max(0, width - t.count)) + t
        }
        return "\(date.description)T\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)).\(pad(ms, 3))Z"
    }

    public static func < (a: Instant, b: Instant) -> Bool { a.millisecondsSince1970 < b.millisecondsSince1970 }

    public init(from decoder: any Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
