import Testing
import TuopinCore

/// Historical enrolment as its procedure (两公示一公告 and Hunan's variant): every transition,
/// allowed and refused, with the rule that refuses it.
@Suite("Enrolment procedure (贫困户识别)")
struct EnrolmentCaseTests {
    static let national = WorkflowTemplate.reference.first { $0.id == "enrolment.2014" }!
    static let hunan = WorkflowTemplate.reference.first { $0.id == "enrolment.2014.43" }!
    static let household = try! HouseholdNumber("4304811002010003")
    static let village = try! AdminCode("430481100201")

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func opened(_ template: WorkflowTemplate = national, on date: String = "2014-04-01") throws(EnrolmentRefusal) -> EnrolmentCase {
        try EnrolmentCase.apply(household: Self.household, village: Self.village, template: template, on: d(date))
    }

    /// Records every stage after the application, each a day after the last, notices 5 days.
    func throughAll(_ c: inout EnrolmentCase, _ template: WorkflowTemplate) throws -> CivilDate {
        var day = c.lastStepDate
        while let stage = c.currentStage(template) {
            if stage.step == .publicNotice {
                let from = day.adding(days: 1), to = day.adding(days: 5)
                day = to
                try c.complete(StepRecord(date: to, notice: NoticePeriod(from: from, to: to), objectionsResolved: true), template: template)
            } else {
                day = day.adding(days: 1)
                try c.complete(StepRecord(date: day), template: template)
            }
        }
        return day
    }

    @Test(arguments: [(national, 7), (hunan, 9)])
    func theAnnouncementEnrolsAfterEveryStageInOrder(_ template: WorkflowTemplate, _ stages: Int) throws {
        #expect(template.stages.count == stages)
        var c = try opened(template)
        #expect(c.state == .inProgress(stage: 1) && c.closedOn == nil)
        let last = try throughAll(&c, template)
        #expect(c.state == .enrolled && c.closedOn == last && c.lastStepDate == last)
        #expect(throws: EnrolmentRefusal.self) { try c.complete(StepRecord(date: last), template: template) }
    }

    /// Each refused transition names the rule that refuses it.
    @Test(arguments: [
        ("an application after 2020", "2021-03-01", 0, nil as NoticePeriod?, EnrolmentRules.period),
        ("a step before the last", "2014-03-31", 1, nil, MonitoringRules.stepOrder),
        (
            "a 4-day notice", "2014-04-10", 2, NoticePeriod(from: try! CivilDate("2014-04-06"), to: try! CivilDate("2014-04-09")),
            MonitoringRules.noticeDays
        ),
        (
            "a notice still up", "2014-04-08", 2, NoticePeriod(from: try! CivilDate("2014-04-04"), to: try! CivilDate("2014-04-09")),
            MonitoringRules.noticeEnded
        ),
        ("no notice at all", "2014-04-10", 2, nil, MonitoringRules.noticeGiven),
    ])
    func aRefusedStepNamesItsRule(_ name: String, _ date: String, _ stage: Int, _ notice: NoticePeriod?, _ rule: RuleID) throws {
        if stage == 0 {
            #expect(throws: EnrolmentRefusal.self) { _ = try opened(on: date) }
            do { _ = try opened(on: date) } catch { #expect(error.decision.failedChecks.map(\.rule) == [rule], "\(name)") }
            return
        }
        var c = try opened()
        if stage == 2 { try c.complete(StepRecord(date: d("2014-04-03")), template: Self.national) }
        do {
            try c.complete(StepRecord(date: d(date), notice: notice, objectionsResolved: true), template: Self.national)
            Issue.record("\(name) was accepted")
        } catch {
            #expect(
                error.action == .step && error.decision.failedChecks.map(\.rule).contains(rule), "\(name): \(error.decision.failedChecks.map(\.rule))"
            )
        }
        #expect(c.state == .inProgress(stage: stage), "a refused step changes nothing")
    }

    @Test func onlyADecidingStageTurnsAnApplicationDown() throws {
        var c = try opened()
        try c.complete(StepRecord(date: d("2014-04-03")), template: Self.national)  // village appraisal
        // The notice cannot refuse; the township review can.
        #expect(throws: EnrolmentRefusal.self) { try c.reject(on: d("2014-04-04"), template: Self.national) }
        try c.complete(
            StepRecord(date: d("2014-04-09"), notice: NoticePeriod(from: d("2014-04-04"), to: d("2014-04-08")), objectionsResolved: true),
            template: Self.national)
        try c.reject(on: d("2014-04-12"), template: Self.national)
        #expect(c.state == .notEnrolled(atStage: 3) && c.closedOn == d("2014-04-12"))
        #expect(throws: EnrolmentRefusal.self) { try c.reject(on: d("2014-04-13"), template: Self.national) }
    }

    @Test func aStateSurvivesItsStoredForm() {
        for state in [EnrolmentCase.State.inProgress(stage: 3), .enrolled, .notEnrolled(atStage: 5)] {
            #expect(EnrolmentCase.State(token: state.token, stage: state.stage) == state)
        }
        #expect(EnrolmentCase.State(token: "inProgress", stage: nil) == nil)
        #expect(EnrolmentCase.reference(county: "430481", number: 12) == "430481-E00012")
    }
}
