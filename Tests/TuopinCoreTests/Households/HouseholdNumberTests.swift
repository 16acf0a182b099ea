import Testing
import TuopinCore

@Suite("Household numbers: 1–32 ASCII letters, digits or hyphens")
struct HouseholdNumberTests {
    @Test(
        arguments: [
            ("4304811002010001", nil),
            ("HN-2020-a", nil),
            (String(repeating: "9", count: 32), nil),
            ("", HouseholdNumber.ParseError.empty),
            (String(repeating: "9", count: 33), .tooLong(33)),
            ("43048 1", .invalidCharacter(position: 6)),
            ("户4304", .invalidCharacter(position: 1)),
            ("4304_01", .invalidCharacter(position: 5)),
        ] as [(String, HouseholdNumber.ParseError?)])
    func parsingAndTheByteCheckAgree(_ text: String, _ expected: HouseholdNumber.ParseError?) {
        #expect(HouseholdNumber.isWellFormed(text) == (expected == nil))
        do {
            #expect(try HouseholdNumber(text).rawValue == text && expected == nil)
        } catch {
            #expect(error == expected)
        }
    }
}
