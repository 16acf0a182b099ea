import Testing

@testable import TuopinCore

@Suite("Assistance measures, cadres and work teams (REFERENCE §2.5)")
struct AssistanceMeasureTests {
    let today = try! CivilDate("2023-06-30")

    func measure(
        amount: Money? = .yuan(3_000), deadline: String? = "2023-12-31", start: String = "2023-03-01", end: String? = nil, project: String = "养牛"
    )
        -> AssistanceMeasure
    {
        AssistanceMeasure(
            household: try! HouseholdNumber("4304811002010001"), kind: .category(.industry), project: project, amount: amount, funding: .county,
            deadline: deadline.map { try! CivilDate($0) }, start: try! CivilDate(start), end: end.map { try! CivilDate($0) })
    }

    @Test func aCompleteMeasurePassesAndIsComplete() {
        #expect(AssistanceMeasureRules.evaluate(measure(), today: today).passed)
        #expect(AssistanceMeasureRules.completeness(measure()).passed)
    }

    @Test(
        "each error refuses on its own",
        arguments: [
            (AssistanceMeasureRules.amount, 0), (AssistanceMeasureRules.endAfterStart, 1), (AssistanceMeasureRules.deadlineAfterStart, 2),
            (AssistanceMeasureRules.notFuture, 3),
        ] as [(RuleID, Int)])
    func errors(_ rule: RuleID, _ which: Int) {
        let m =
            switch which {
            case 0: measure(amount: Money(fen: -1))
            case 1: measure(end: "2023-02-28")
            case 2: measure(deadline: "2023-02-01")
            default: measure(start: "2023-07-01")
            }
        #expect(AssistanceMeasureRules.evaluate(m, today: today).failedChecks.map(\.rule) == [rule])
    }

    @Test func dq044NamesWhatIsMissingButDoesNotRefuse() {
        let m = measure(amount: nil, deadline: nil, project: " ")
        #expect(AssistanceMeasureRules.evaluate(m, today: today).passed)
        let check = AssistanceMeasureRules.completeness(m)
        #expect(!check.passed && check["missing"] == .label(Label("项目、金额、期限", "project, amount, deadline")))
    }

    @Test(
        "kinds read back from their tokens, with or without the era",
        arguments: [
            ("2021:industry", MeasureKind.category(.industry)), ("2014:dibao", .heading(.dibao)),
            ("temporaryAssistance", .heading(.temporaryAssistance)),
            ("waterSafety", .category(.waterSafety)),
        ])
    func kinds(_ token: String, _ kind: MeasureKind) {
        #expect(MeasureKind(token: token) == kind)
        #expect(MeasureKind(token: kind.token) == kind)
    }

    @Test func anUnknownKindIsRefused() {
        #expect(MeasureKind(token: "2021:dibao") == nil && MeasureKind(token: "bogus") == nil)
    }

    @Test func aWorkTeamOfTwoForOneYearWarnsTwice() throws {
        let team = VillageWorkTeam(
            village: try AdminCode("430481100201"), sendingUnit: "市财政局", from: try CivilDate("2021-05-01"), to: try CivilDate("2022-05-01"),
            members: [.init(name: "张三", role: .firstSecretary), .init(name: "李四", role: .member)])
        let d = WorkTeamRules.reference.evaluate(team)
        #expect(d.failedChecks.map(\.rule) == [WorkTeamRules.members, WorkTeamRules.term])
        var full = team
        full.to = try CivilDate("2023-05-01")
        full.members.append(.init(name: "王五", role: .teamLeader))
        #expect(WorkTeamRules.reference.evaluate(full).passed)
    }

    @Test func anAssignmentRunsFromItsFirstDayToTheDayBeforeItsEnd() throws {
        let a = CadreAssignment(
            household: try HouseholdNumber("4304811002010001"), name: "赵六", unit: "耒阳市财政局", unitLevel: .county, from: try CivilDate("2021-01-01"),
            to: try CivilDate("2022-01-01"))
        let days = try ["2020-12-31", "2021-01-01", "2021-12-31", "2022-01-01"].map(CivilDate.init)
        #expect(days.map { a.isCurrent(on: $0) } == [false, true, true, false])
    }
}
