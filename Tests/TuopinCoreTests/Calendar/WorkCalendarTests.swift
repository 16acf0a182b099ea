import Testing

@testable import TuopinCore

@Suite("Working days and deadlines (REFERENCE §3.8)")
struct WorkCalendarTests {
    let calendar = WorkCalendar(ChinaHolidays.days)

    func date(_ text: String) throws -> CivilDate { try CivilDate(text) }

    @Test(
        "weekdays from the date alone",
        arguments: [("1970-01-01", 4), ("2021-02-07", 7), ("2024-02-29", 4), ("2026-12-01", 2), ("1969-12-31", 3)])
    func isoWeekday(_ text: String, _ weekday: Int) throws {
        #expect(try date(text).isoWeekday == weekday)
    }

    @Test(
        "holidays, make-up Sundays and ordinary days",
        arguments: [
            ("2021-02-07", true),  // Sunday worked before the 2021 Spring Festival
            ("2021-02-11", false),  // 春节, a Thursday
            ("2021-02-20", true),  // Saturday worked after it
            ("2021-02-21", false),  // an ordinary Sunday
            ("2024-02-18", true),  // Sunday worked after the 2024 Spring Festival
            ("2024-02-16", false),  // Friday inside it
            ("2026-02-14", true),  // Saturday worked before the 2026 Spring Festival
            ("2026-02-23", false),  // Monday, its last day off
            ("2026-12-01", true),  // an ordinary Tuesday
        ])
    func workingDays(_ text: String, _ working: Bool) throws {
        #expect(calendar.isWorkingDay(try date(text)) == working)
    }

    @Test func workingDayDeadlineCountsTheSpringFestivalMakeUpDayAndSkipsTheHoliday() throws {
        // Friday 2021-02-05: Sunday 7th is worked (1), 8th (2), 9th (3), 10th (4), 11th–17th off, 18th (5).
        #expect(calendar.deadline(from: try date("2021-02-05"), days: 3, kind: .working) == (try date("2021-02-09")))
        #expect(calendar.deadline(from: try date("2021-02-05"), days: 5, kind: .working) == (try date("2021-02-18")))
        // The same five days counted as calendar days end on the holiday.
        #expect(calendar.deadline(from: try date("2021-02-05"), days: 5, kind: .calendar) == (try date("2021-02-10")))
    }

    @Test func hainansTwentyWorkingDaysAcrossThe2024SpringFestival() throws {
        let lead = try date("2024-02-01")
        #expect(calendar.deadline(from: lead, days: 20, kind: .working) == (try date("2024-03-05")))
        #expect(calendar.deadline(from: lead, days: 15, kind: .calendar) == (try date("2024-02-16")))
        #expect(calendar.count(after: lead, through: try date("2024-03-05"), kind: .working) == 20)
        #expect(calendar.count(after: lead, through: try date("2024-02-16"), kind: .calendar) == 15)
        #expect(calendar.count(after: lead, through: lead, kind: .working) == 0)
    }

    @Test func withoutATableOnlyWeekendsAreOff() throws {
        let empty = WorkCalendar([])
        #expect(empty.deadline(from: try date("2021-02-05"), days: 5, kind: .working) == (try date("2021-02-12")))
        #expect(empty.years == nil)
    }

    @Test func theSeedCoversEveryYearFrom2021To2026AndEveryMakeUpDayIsAWeekend() throws {
        #expect(calendar.years == 2021...2026)
        for day in ChinaHolidays.days where day.kind == .workday {
            #expect(day.date.isoWeekday >= 6, "\(day.date) is a make-up day on a weekday")
        }
        let springFestival2026 = ChinaHolidays.days.filter { $0.name == "春节" && $0.kind == .holiday && $0.date.year == 2026 }
        #expect(springFestival2026.count == 9)
        for year in 2021...2026 {
            let names = Set(ChinaHolidays.days.filter { $0.date.year == year }.map(\.name))
            #expect(names.contains("春节") && names.contains("劳动节"), "\(year): \(names)")
        }
    }
}
