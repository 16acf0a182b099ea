import Testing

@testable import TuopinCore

@Suite("Civil dates")
struct CivilDateTests {
    @Test(
        "round-trips day numbers",
        arguments: [
            "1970-01-01", "2000-02-29", "2014-12-31", "2020-10-15", "1949-10-01", "0001-01-01", "0999-12-31", "9999-12-31",
        ])
    func dayNumberRoundTrip(_ text: String) throws {
        let d = try CivilDate(text)
        #expect(CivilDate(dayNumber: d.dayNumber) == d)
        #expect(d.description == text)
    }

    @Test func knownDayNumbers() throws {
        #expect(try CivilDate("1970-01-02").dayNumber == 1)
        #expect(try CivilDate("2020-10-15").adding(days: 17) == CivilDate("2020-11-01"))
    }

    @Test("rejects impossible dates", arguments: ["2019-02-29", "2020-13-01", "2020-1-1", "20201015", ""])
    func rejects(_ text: String) {
        #expect(throws: CivilDate.ParseError.notADate(text)) { try CivilDate(text) }
    }
}
