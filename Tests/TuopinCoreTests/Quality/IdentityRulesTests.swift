import Testing
import TuopinCore

@Suite("Identity rules DQ-001 to DQ-003 (REFERENCE §5.3, §3.13)")
struct IdentityRulesTests {
    let today = CivilDate(year: 2026, month: 12, day: 1)!
    let born = CivilDate(year: 1980, month: 1, day: 1)!

    @Test(
        "each fault names its rule",
        arguments: [
            ("430481198001010014", "DQ-001.check"), ("43048119800101001", "DQ-001.length"), ("4304811980010100A3", "DQ-001.characters"),
            ("430481198002300013", "DQ-002.real"),
        ])
    func faults(_ number: String, _ rule: String) {
        let (d, normalised) = IdentityRules.evaluate(.residentIdentityCard, number, sex: .male, birthDate: born, today: today)
        #expect(d.failedChecks.map(\.rule.rawValue) == [rule])
        #expect(normalised == nil)
    }

    @Test func theCheckCharacterNamesTheExpectedOne() {
        let (d, _) = IdentityRules.evaluate(.residentIdentityCard, "430481198001010014", sex: .male, birthDate: born, today: today)
        #expect(d.failedChecks.first?["expected"] == .token("3") && d.failedChecks.first?["found"] == .token("4"))
    }

    @Test func sexAndBirthDateMustAgree() {
        let (d, n) = IdentityRules.evaluate(.residentIdentityCard, "430481198001010013", sex: .female, birthDate: born.adding(days: 1), today: today)
        #expect(Set(d.failedChecks.map(\.rule.rawValue)) == ["DQ-002.record", "DQ-003"])
        #expect(n == "430481198001010013", "a well-formed number is still returned")
    }

    @Test func aBirthInTheFutureIsRefusedOnTheDayGiven() {
        let id = IdentityNumber.make(address: "430481", birthDate: CivilDate(year: 2027, month: 1, day: 1)!, sequence: 12)
        let (d, _) = IdentityRules.evaluate(.residentIdentityCard, id.rawValue, sex: nil, birthDate: nil, today: today)
        #expect(d.failedChecks.map(\.rule.rawValue) == ["DQ-002.future"])
        #expect(
            IdentityRules.evaluate(.residentIdentityCard, id.rawValue, sex: nil, birthDate: nil, today: CivilDate(year: 2027, month: 1, day: 1)!).0
                .passed)
    }

    @Test func aLowerCaseXIsNormalised() {
        let (d, n) = IdentityRules.evaluate(
            .residentIdentityCard, "11010519491231002x", sex: .female,
            birthDate: CivilDate(year: 1949, month: 12, day: 31)!, today: today)
        #expect(d.passed && n == "11010519491231002X")
    }

    @Test func otherKindsOfNumberAreCheckedForTheirForm() {
        #expect(IdentityRules.evaluate(.policeIssuedNumber, "GA-2019-1234", sex: .male, birthDate: born, today: today).0.passed)
        #expect(!IdentityRules.evaluate(.policeIssuedNumber, "号码", sex: .male, birthDate: born, today: today).0.passed)
    }
}

@Suite("Member and membership rules")
struct MemberRulesTests {
    let today = CivilDate(year: 2026, month: 12, day: 1)!
    let born = CivilDate(year: 2010, month: 6, day: 15)!

    func rules(
        name: String = "刘浩", birth: CivilDate? = nil, ethnicity: String = "01", from: CivilDate? = nil, to: CivilDate? = nil,
        endReason: NaturalReductionReason? = nil
    ) -> [String] {
        MemberRules.evaluate(
            name: name, birthDate: birth ?? born, ethnicity: ethnicity, from: from ?? born, to: to, endReason: endReason, today: today
        )
        .failedChecks.map(\.rule.rawValue)
    }

    @Test func aGoodRowPasses() { #expect(rules().isEmpty) }

    @Test(
        "refuses",
        arguments: [
            ("", "member.name"), ("刘3", "member.name"), ("刘３", "member.name"), (String(repeating: "李", count: 51), "member.name"),
            // Invisible: only spaces, a zero-width space, a right-to-left override, a byte-order mark, a line break.
            ("  ", "member.name"), ("\u{200B}", "member.name"), ("朱\u{202E}然春", "member.name"), ("\u{FEFF}刘浩", "member.name"),
            ("刘\n浩", "member.name"), ("\u{3164}", "member.name"), ("\u{115F}\u{1160}", "member.name"), ("\u{2800}", "member.name"),
            ("刘\u{034F}浩", "member.name"),
        ])
    func names(_ name: String, _ rule: String) { #expect(rules(name: name) == [rule]) }

    @Test func chineseNumeralsMayStandInAName() { #expect(rules(name: "张三").isEmpty) }

    /// A rare character of a name written in the private-use area (as registries do), a middle
    /// dot of a minority name, and a space between given names are visible text.
    @Test("visible names pass", arguments: ["王\u{E000}", "阿依古丽·买买提", "Anna Li"])
    func visibleNames(_ name: String) { #expect(rules(name: name).isEmpty) }

    @Test(
        "GB 3304 ethnicity",
        arguments: [("01", true), ("56", true), ("97", true), ("99", true), ("57", false), ("00", false), ("1", false), ("汉", false)])
    func ethnicity(_ code: String, _ ok: Bool) { #expect(rules(ethnicity: code).isEmpty == ok) }

    @Test func membershipCannotStartBeforeBirthNorEndBeforeItStarts() {
        #expect(rules(from: born.adding(days: -1)) == ["membership.afterBirth"])
        #expect(rules(from: born, to: born) == ["membership.order"])
        #expect(rules(from: born, to: today.adding(days: 1)) == ["membership.notFuture"])
        #expect(rules(endReason: .death) == ["membership.endReason"])
        #expect(rules(birth: CivilDate(year: 1880, month: 1, day: 1)!, from: CivilDate(year: 1900, month: 1, day: 1)!) == ["member.birthDate"])
    }
}
