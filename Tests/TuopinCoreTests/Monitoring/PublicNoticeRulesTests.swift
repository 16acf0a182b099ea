import Testing

@testable import TuopinCore

@Suite("Notices carry no private data (DQ-015, REFERENCE §3.8)")
struct PublicNoticeRulesTests {
    @Test(
        "what a notice may not contain",
        arguments: [
            ("1\t刘伟\t3\t脱贫不稳定户", true),
            ("1\t刘伟 430481198001010013\t3", false),  // an ID number
            ("1\t刘伟 43048119800101001X", false),  // an ID number with X
            ("联系电话 13800000000", false),  // a mobile phone
            ("账号 6228480402564890018", false),  // a bank account
            ("1\t刘伟\t3\t因病", false),  // health
            ("公示期 5 天：2026-11-24 至 2026-11-28", true),  // dates and small numbers are fine
        ])
    func notices(_ text: String, _ clean: Bool) {
        #expect(PublicNoticeRules.evaluate(text).passed == clean)
    }
}
