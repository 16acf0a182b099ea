import Testing

@testable import TuopinCore

@Suite("Identity number (REFERENCE §5.3)")
struct IdentityNumberTests {
    @Test(
        "accepts the reference's verified numbers",
        arguments: ["11010519491231002X", "440524188001010014", "430481198001010013", "430481201006150028", "430424195512310033"])
    func acceptsValid(_ text: String) throws {
        #expect(try IdentityNumber(text).rawValue == text)
    }

    @Test(
        "computes the reference's check characters",
        arguments: [
            ("11010519491231002", Character("X")), ("44052418800101001", "4"), ("43048119800101001", "3"),
            ("43048120100615002", "8"), ("43042419551231003", "3"),
        ])
    func checkCharacter(_ body: String, _ expected: Character) {
        #expect(IdentityNumber.checkCharacter(for: Array(body)[0..<17]) == expected)
    }

    @Test func normalisesLowercaseX() throws {
        #expect(try IdentityNumber("11010519491231002x").rawValue == "11010519491231002X")
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        #expect(throws: IdentityNumber.ParseError.wrongCheckCharacter(expected: "3", found: "4")) {
            try IdentityNumber("430481198001010014")
        }
    }

    @Test func wrongLengthIsReported() {
        #expect(throws: IdentityNumber.ParseError.wrongLength(17)) { try IdentityNumber("43048119800101001") }
    }

    @Test func letterInTheMiddleIsReportedByPosition() {
        #expect(throws: IdentityNumber.ParseError.notADigit(position: 7)) { try IdentityNumber("430481X98001010013") }
    }

    @Test func impossibleBirthDateIsReported() {
        #expect(throws: IdentityNumber.ParseError.invalidBirthDate("19810229")) { try IdentityNumber("430481198102290011") }
    }

    @Test(
        "extracts birth date and sex",
        arguments: [
            ("430481198001010013", "1980-01-01", Sex.male),
            ("430481201006150028", "2010-06-15", Sex.female),
            ("11010519491231002X", "1949-12-31", Sex.female),
        ])
    func birthDateAndSex(_ text: String, _ birth: String, _ sex: Sex) throws {
        let id = try IdentityNumber(text)
        #expect(id.birthDate == (try CivilDate(birth)))
        #expect(id.sex == sex)
    }

    @Test func ageCountsTheBirthdayOnTheDay() throws {
        let id = try IdentityNumber("430481201006150028")
        #expect(id.age(on: try CivilDate("2020-06-14")) == 9)
        #expect(id.age(on: try CivilDate("2020-06-15")) == 10)
    }

    @Test func birthInTheFutureFailsVerification() throws {
        let id = try IdentityNumber("430481201006150028")
        #expect(throws: IdentityNumber.ParseError.birthDateInFuture(try CivilDate("2010-06-15"))) {
            try id.verify(on: try CivilDate("2009-01-01"))
        }
    }

    @Test func upgradesLegacyFifteenDigitNumbers() throws {
        #expect(try IdentityNumber(legacy: "430481800101001").rawValue == "430481198001010013")
    }

    @Test func makeBuildsAValidNumber() throws {
        let id = IdentityNumber.make(address: "430481", birthDate: try CivilDate("1980-01-01"), sequence: 1)
        #expect(id.rawValue == "430481198001010013")
    }

    @Test func maskingHidesTheBirthDate() throws {
        #expect(try IdentityNumber("430481198001010013").masked == "430481********0013")
    }
}
