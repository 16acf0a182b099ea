import Foundation
import Testing
import TuopinCore

@Suite("Instants")
struct InstantTests {
    @Test(
        "prints and reads back exactly",
        arguments: [
            (Int64(0), "1970-01-01T00:00:00.000Z"), (1_602_727_200_123, "2020-10-15T02:00:00.123Z"), (-1, "1969-12-31T23:59:59.999Z"),
        ])
    func roundTrip(_ ms: Int64, _ text: String) throws {
        #expect(Instant(millisecondsSince1970: ms).description == text)
        #expect(try Instant(text).millisecondsSince1970 == ms)
    }

    @Test func theDayInChinaTurnsAtSixteenHundredUTC() {
        let before = Instant(millisecondsSince1970: 1_602_777_599_999)  // 2020-10-15T15:59:59.999Z
        #expect(before.civilDate(utcOffsetSeconds: Instant.chinaStandardTime).description == "2020-10-15")
        #expect(before.adding(seconds: 1).civilDate(utcOffsetSeconds: Instant.chinaStandardTime).description == "2020-10-16")
    }

    @Test("refuses what it did not write", arguments: ["2020-10-15", "2020-10-15T02:00:00Z", "2020-13-15T02:00:00.000Z", "2020-10-15T24:00:00.000Z"])
    func refuses(_ text: String) {
        #expect(throws: Instant.ParseError.notAnInstant(text)) { try Instant(text) }
    }

    @Test func aYearOutsideTheCalendarHasNoLastDay() {
        #expect(CivilDate.endOfYear(0) == nil && CivilDate.endOfYear(10_000) == nil)
        #expect(CivilDate.endOfYear(2014)?.description == "2014-12-31")
        #expect(!RegistryYear.contains(0) && !RegistryYear.contains(99_999) && RegistryYear.contains(2014))
    }
}
