import Testing
import TuopinCore

@Suite("User names")
struct UsernameTests {
    @Test("accepts and lower-cases", arguments: [("county.office", "county.office"), ("Leiyang_2", "leiyang_2"), ("ab", "ab")])
    func accepts(_ text: String, _ stored: String) throws {
        #expect(try Username(text).rawValue == stored)
    }

    @Test(
        "refuses with a reason",
        arguments: [
            ("a", Username.ParseError.wrongLength(1)), ("李伟", .invalidCharacter("李") as Username.ParseError),
            ("li wei", .invalidCharacter(" ")), ("9village", .mustStartWithLetter), ("system", .reserved("system")),
            (String(repeating: "a", count: 33), .wrongLength(33)),
        ])
    func refuses(_ text: String, _ error: Username.ParseError) {
        #expect(throws: error) { try Username(text) }
    }
}
