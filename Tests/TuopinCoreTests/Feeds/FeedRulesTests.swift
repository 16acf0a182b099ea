import Testing

@testable import TuopinCore

/// Each red line a feed can raise, and each of its exceptions (REFERENCE §3.12).
@Suite("Department feeds: red lines and exceptions (REFERENCE §3.12)")
struct FeedRulesTests {
    let enrolled = try! CivilDate("2014-05-01")

    func outcome(_ kind: FeedKind, _ date: String, amount: Int64? = nil, exitMeasure: Bool = false) -> FeedRules.Outcome {
        FeedRules.evaluate(kind, date: try! CivilDate(date), amount: amount.map(Money.yuan), exitMeasure: exitMeasure, enrolled: enrolled)
    }

    func line(_ o: FeedRules.Outcome) -> String {
        switch o {
        case .lead(let risk, _): "lead:" + risk.token
        case .redLine(let l, _): "hit:" + l.rawValue
        case .exception(let l, _): "exception:" + l.rawValue
        case .nothing: "nothing"
        }
    }

    @Test(
        "what each row means",
        arguments: [
            (FeedKind.statePayroll, "2013-09-01", Int64?.none, false, "hit:RL-01"),  // employed before enrolment
            (.statePayroll, "2014-05-01", nil, false, "hit:RL-01"),  // on the enrolment day itself
            (.statePayroll, "2016-09-01", nil, false, "exception:RL-01"),  // a job after enrolment
            (.villageCadres, "2012-01-01", nil, false, "hit:RL-02"),
            (.villageCadres, "2018-01-01", nil, false, "exception:RL-02"),  // a post after enrolment
            (.vehicles, "2013-06-01", 30_000, false, "hit:RL-03"),  // exactly 30,000
            (.vehicles, "2013-06-01", 29_999, false, "nothing"),
            (.vehicles, "2016-03-01", 80_000, false, "exception:RL-03"),  // bought after enrolment
            (.vehicles, "2013-06-01", 80_000, true, "exception:RL-03"),  // bought as an exit measure
            (.property, "2019-01-01", nil, false, "hit:RL-04"),
            (.businesses, "2019-01-01", nil, false, "hit:RL-05"),
            (.deaths, "2020-01-01", nil, false, "hit:RL-09"),
            (.medicalBills, "2020-01-01", 10_000, false, "lead:illness"),
            (.medicalBills, "2020-01-01", 9_999, false, "nothing"),
            (.disasters, "2020-07-01", nil, false, "lead:disaster"),
            (.dibaoRoll, "2020-07-01", nil, false, "lead:lackOfLabour"),
            (.tekunRoll, "2020-07-01", nil, false, "lead:lackOfLabour"),
        ] as [(FeedKind, String, Int64?, Bool, String)])
    func rows(_ kind: FeedKind, _ date: String, _ amount: Int64?, _ exitMeasure: Bool, _ expected: String) {
        #expect(line(outcome(kind, date, amount: amount, exitMeasure: exitMeasure)) == expected)
    }

    @Test func anExceptionSaysWhichConditionSparedTheHousehold() {
        guard case .exception(_, let d) = outcome(.vehicles, "2016-03-01", amount: 80_000) else {
            Issue.record("not an exception")
            return
        }
        #expect(d.failedChecks.map(\.rule) == [FeedRules.beforeEnrolment])
        #expect(d.failedChecks[0]["enrolled"] == .date(enrolled))
    }
}
