/// Which days are working days: Monday to Friday, less the public holidays, plus the make-up
/// working days (调休) that move a weekend into the week. The days come from a table an
/// administrator edits each year when the State Council publishes the next year's arrangement.
///
/// ```swift
/// let calendar = WorkCalendar(ChinaHolidays.days)
/// calendar.isWorkingDay(try CivilDate("2021-02-07"))   // true: a Sunday worked for the Spring Festival
/// calendar.deadline(from: try CivilDate("2021-02-05"), days: 5, kind: .working)   // 2021-02-18
/// ```
public struct WorkCalendar: Hashable, Sendable {
    public let days: [CivilDate: CalendarDay]

    public init(_ days: [CalendarDay]) {
        var table: [CivilDate: CalendarDay] = [:]
        for day in days { table[day.date] = day }
        self.days = table
    }

    /// The years the table covers: a working-day deadline outside them counts weekends only.
    public var years: ClosedRange<Int>? {
        guard let low = days.keys.map(\.year).min(), let high = days.keys.map(\.year).max() else { return nil }
        return low...high
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        switch days[date]?.kind {
        case .holiday: false
        case .workday: true
        case nil: date.isoWeekday <= 5
        }
    }

    /// The last day of a period of `days` days that starts the day after `start`: in calendar
    /// days, `start + days`; in working days, the `days`-th working day after `start`.
    public func deadline(from start: CivilDate, days: Int, kind: DayKind) -> CivilDate {
        switch kind {
        case .calendar: return start.adding(days: days)
        case .working:
            var date = start
            var left = days
            while left > 0 {
                date = date.adding(days: 1)
                if isWorkingDay(date) { left -= 1 }
            }
            return date
        }
    }

    /// How many days of `kind` lie after `start` up to and including `end` (0 when `end` ≤ `start`).
    public func count(after start: CivilDate, through end: CivilDate, kind: DayKind) -> Int {
        guard end > start else { return 0 }
        switch kind {
        case .calendar: return end.dayNumber - start.dayNumber
        case .working:
            var n = 0
            var date = start.adding(days: 1)
            while date <= end {
                if isWorkingDay(date) { n += 1 }
                date = date.adding(days: 1)
            }
            return n
        }
    }
}

/// One day of the holiday table: a day off that would be worked, or a weekend day worked.
public struct CalendarDay: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var kind: Kind
    /// The holiday it belongs to ("春节").
    public var name: String

    public init(_ date: CivilDate, _ kind: Kind, _ name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }

    public enum Kind: String, CodeListValue, Codable {
        /// 法定节假日 (including the weekend days inside a holiday).
        case holiday
        /// 调休上班: a Saturday or Sunday worked to make the holiday longer.
        case workday

        public var label: Label {
            switch self {
            case .holiday: Label("放假", "holiday")
            case .workday: Label("调休上班", "make-up working day")
            }
        }
    }
}

/// Whether a period counts every day or only working days (REFERENCE §3.8: 15 calendar days
/// nationally, 20 working days in Hainan).
public enum DayKind: String, CodeListValue, Codable {
    case calendar
    case working

    public var label: Label {
        switch self {
        case .calendar: Label("自然日", "calendar days")
        case .working: Label("工作日", "working days")
        }
    }
}

extension CivilDate {
    /// ISO weekday: Monday 1 … Sunday 7 (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }
}
