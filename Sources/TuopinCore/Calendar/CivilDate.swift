/// A calendar date with no time of day and no time zone (公历日期), as policy documents use them.
///
/// Core has no clock: every "today" is a `CivilDate` passed in. Dates order and compare as
/// the calendar does, and print as ISO 8601 (`2020-10-15`), which also sorts as text.
///
/// ```swift
/// let asOf = try CivilDate("2020-10-15")
/// asOf.year        // 2020
/// asOf < CivilDate(year: 2020, month: 12, day: 31)!   // true
/// ```
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Builds a date, or returns nil when it does not exist (2019-02-29, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(_ text: String) throws {
        // Read on the bytes: `YYYY-MM-DD` is ten ASCII characters.
        guard text.utf8.count == 10 else { throw ParseError.notADate(text) }
        var y = 0, m = 0, d = 0
        for (i, b) in text.utf8.enumerated() {
            if i == 4 || i == 7 {
                guard b == UInt8(ascii: "-") else { throw ParseError.notADate(text) }
                continue
            }
            guard b >= 48, b <= 57 else { throw ParseError.notADate(text) }
            let digit = Int(b - 48)
            if i < 4 { y = y * 10 + digit } else if i < 7 { m = m * 10 + digit } else { d = d * 10 + digit }
        }
        guard let date = CivilDate(year: y, month: m, day: d) else { throw ParseError.notADate(text) }
        self = date
    }

    public enum ParseError: Error, Equatable, Sendable {
        /// The text is not a real date written as `YYYY-MM-DD`.
        case notADate(String)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of a year (`2014-12-31`), the usual cut-off of an annual figure; nil for a
    /// year outside 1…9999, which no calendar date has.
    public static func endOfYear(_ year: Int) -> CivilDate? {
        CivilDate(year: year, month: 12, day: 31)
    }

    /// Days since 1970-01-01 (negative before), for day arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Whole years of age on `date` for someone born on `self` (a birthday counts on the day).
    public func age(on date: CivilDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        // Ten ASCII bytes written in place, a string short enough to need no allocation: an
        // import or export writes dates by the million. (Years are 1...9999: four digits.)
        String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, _ at: Int, _ count: Int) {
                var v = value
                for i in stride(from: at + count - 1, through: at, by: -1) {
                    bytes[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                    v /= 10
                }
            }
            put(year, 0, 4)
            bytes[4] = UInt8(ascii: "-")
            put(month, 5, 2)
            bytes[7] = UInt8(ascii: "-")
            put(day, 8, 2)
            return 10
        }
    }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
