import Testing

@testable import TuopinCore

/// Every transition of REFERENCE §3.10, allowed and refused, each refusal with its reason.
@Suite("Monitoring state machine M1–M12 (REFERENCE §3.10)")
struct MonitoringCaseTests {
    let identification = WorkflowTemplateTable(WorkflowTemplate.reference).template(id: "identification.national")!
    let elimination = WorkflowTemplateTable(WorkflowTemplate.reference).template(id: "elimination.43")!
    let calendar = WorkCalendar(ChinaHolidays.days)

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func lead(risks: [RiskType] = [.illness], green: Bool = false) throws -> MonitoringLead {
        MonitoringLead(
            household: try HouseholdNumber("4304811002010001"), village: try AdminCode("430481100201"), channel: .cadreVisit,
            date: d("2022-03-01"), risks: risks, greenChannel: green)
    }

    func opened(green: Bool = false) throws -> MonitoringCase {
        try MonitoringCase.open(lead(green: green), identification: identification, elimination: elimination, calendar: calendar).0
    }

    /// A case taken through the identification up to (not including) stage `stage`.
    func identifying(upTo stage: Int) throws -> MonitoringCase {
        var c = try opened()
        let records = [
            StepRecord(date: d("2022-03-02"), consentSigned: true), StepRecord(date: d("2022-03-03")), StepRecord(date: d("2022-03-04")),
            StepRecord(date: d("2022-03-10"), notice: NoticePeriod(from: d("2022-03-05"), to: d("2022-03-09")), objectionsResolved: true),
            StepRecord(date: d("2022-03-11")),
            StepRecord(date: d("2022-03-12"), category: .unstableExited, risks: [.illness, .schooling]),
        ]
        for record in records.prefix(stage) { try c.complete(record, identification: identification, elimination: elimination) }
        return c
    }

    func refusal(_ body: () throws(MonitoringRefusal) -> Void) -> MonitoringRefusal? {
        do {
            try body()
            return nil
        } catch { return error }
    }

    @Test func m1ALeadOpensIdentificationWithAFifteenDayClock() throws {
        let (c, followUps) = try MonitoringCase.open(lead(), identification: identification, elimination: elimination, calendar: calendar)
        #expect(c.state == .identifying(stage: 0))
        #expect(c.deadline == d("2022-03-16"))
        #expect(followUps == [.startDeadline(d("2022-03-16"))])
    }

    @Test("M1 refuses no risk, six risks or a repeated one", arguments: [[], RiskType.allCases.prefix(6).map { $0 }, [.illness, .illness]])
    func m1RefusesBadRiskLists(_ risks: [RiskType]) throws {
        let r = refusal { () throws(MonitoringRefusal) in
            _ = try MonitoringCase.open(try! lead(risks: risks), identification: identification, elimination: elimination, calendar: calendar)
        }
        #expect(r?.transition == .lead)
        #expect(r?.decision.failedChecks.map(\.rule) == [MonitoringRules.risks])
    }

    @Test func m2HomeVerificationNeedsTheSignedAuthorisation() throws {
        var c = try opened()
        let r = refusal { () throws(MonitoringRefusal) in
            try c.complete(StepRecord(date: d("2022-03-02")), identification: identification, elimination: elimination)
        }
        #expect(r?.transition == .completeStep && r?.decision.failedChecks.map(\.rule) == [MonitoringRules.consent])
        try c.complete(StepRecord(date: d("2022-03-02"), consentSigned: true), identification: identification, elimination: elimination)
        #expect(c.state == .identifying(stage: 1))
    }

    @Test func m2AStepDatedBeforeThePreviousOneIsRefused() throws {
        var c = try identifying(upTo: 2)
        let r = refusal { () throws(MonitoringRefusal) in
            try c.complete(StepRecord(date: d("2022-03-01")), identification: identification, elimination: elimination)
        }
        #expect(r?.decision.failedChecks.first?.rule == MonitoringRules.stepOrder)
        #expect(r?.decision.failedChecks.first?["previous"] == .date(d("2022-03-03")))
    }

    @Test func m2EnteringTheNoticeAsksForAFiveDayNotice() throws {
        var c = try identifying(upTo: 2)
        let followUps = try c.complete(StepRecord(date: d("2022-03-04")), identification: identification, elimination: elimination)
        #expect(followUps == [.publishNotice(days: 5)])
    }

    @Test(
        "M2 refuses a notice that is short, still running, missing or with open objections",
        arguments: [
            (NoticePeriod(from: d0("2022-03-05"), to: d0("2022-03-08")), true, MonitoringRules.noticeDays),
            (NoticePeriod(from: d0("2022-03-05"), to: d0("2022-03-11")), true, MonitoringRules.noticeEnded),
            (nil, true, MonitoringRules.noticeGiven),
            (NoticePeriod(from: d0("2022-03-05"), to: d0("2022-03-09")), false, MonitoringRules.objections),
            (NoticePeriod(from: d0("2022-03-01"), to: d0("2022-03-09")), true, MonitoringRules.stepOrder),
        ] as [(NoticePeriod?, Bool, RuleID)])
    func m2NoticeGuards(_ notice: NoticePeriod?, _ resolved: Bool, _ rule: RuleID) throws {
        var c = try identifying(upTo: 3)
        let r = refusal { () throws(MonitoringRefusal) in
            try c.complete(
                StepRecord(date: d("2022-03-10"), notice: notice, objectionsResolved: resolved), identification: identification,
                elimination: elimination)
        }
        #expect(r?.decision.failedChecks.map(\.rule) == [rule])
    }

    @Test func m2AFourDayNoticeNamesItsDaysAndTheRequiredFive() throws {
        var c = try identifying(upTo: 3)
        let r = refusal { () throws(MonitoringRefusal) in
            try c.complete(
                StepRecord(date: d("2022-03-10"), notice: NoticePeriod(from: d("2022-03-05"), to: d("2022-03-08")), objectionsResolved: true),
                identification: identification, elimination: elimination)
        }
        let check = try #require(r?.decision.failedChecks.first)
        #expect(check["days"] == .count(4) && check["required"] == .count(5))
    }

    @Test func m3AValidObjectionSendsTheCaseBackToTheHomeCheck() throws {
        var c = try identifying(upTo: 3)
        #expect(try c.objection(on: d("2022-03-06"), identification: identification) == [])
        #expect(c.state == .identifying(stage: 0))
        var early = try identifying(upTo: 1)
        let r = refusal { () throws(MonitoringRefusal) in _ = try early.objection(on: d("2022-03-06"), identification: identification) }
        #expect(r?.transition == .objection && r?.decision.failedChecks.first?.rule == MonitoringRules.state)
    }

    @Test func m4TheTownshipRejectsAtItsOwnReviewAndTheCaseEnds() throws {
        var c = try identifying(upTo: 4)
        try c.reject(on: d("2022-03-11"), at: .township, identification: identification, elimination: elimination)
        #expect(c.state == .notIdentified && c.closedOn == d("2022-03-11"))
    }

    @Test(
        "M4 refuses a rejection by the wrong level or at a village step",
        arguments: [(4, ApprovalLevel.county), (5, .township), (1, .township), (1, .village)])
    func m4WrongLevel(_ stage: Int, _ level: ApprovalLevel) throws {
        var c = try identifying(upTo: stage)
        let r = refusal { () throws(MonitoringRefusal) in
            try c.reject(on: d("2022-03-12"), at: level, identification: identification, elimination: elimination)
        }
        #expect(r?.transition == .reject && r?.decision.failedChecks.map(\.rule) == [MonitoringRules.level])
    }

    @Test func m5CountyApprovalNeedsACategoryAndStartsMonitoring() throws {
        var c = try identifying(upTo: 5)
        let r = refusal { () throws(MonitoringRefusal) in
            try c.complete(StepRecord(date: d("2022-03-12")), identification: identification, elimination: elimination)
        }
        #expect(r?.transition == .approve && r?.decision.failedChecks.map(\.rule) == [MonitoringRules.category])
        let tooMany = refusal { () throws(MonitoringRefusal) in
            try c.complete(
                StepRecord(date: d("2022-03-12"), category: .edgeAtRisk, risks: Array(RiskType.allCases.prefix(6))),
                identification: identification, elimination: elimination)
        }
        #expect(tooMany?.decision.failedChecks.map(\.rule) == [MonitoringRules.risks])
        let followUps = try c.complete(
            StepRecord(date: d("2022-03-12"), category: .unstableExited, risks: [.illness, .schooling]), identification: identification,
            elimination: elimination)
        #expect(c.state == .monitoring && c.identifiedOn == d("2022-03-12"))
        #expect(c.category == .unstableExited && c.risks == [.illness, .schooling])
        #expect(followUps == [.startMonitoring(.unstableExited)])
    }

    @Test func m6AndM12HelpIsRecordedWhenMonitoredOrOnTheGreenChannelOnly() throws {
        #expect(try identifying(upTo: 6).assistance(on: d("2022-04-01")).1.passed)
        let before = try opened().assistance(on: d("2022-03-02"))
        #expect(before.0 == .greenChannel && before.1.failedChecks.map(\.rule) == [MonitoringRules.greenChannel])
        #expect(try opened(green: true).assistance(on: d("2022-03-02")).1.passed)
        var rejected = try identifying(upTo: 4)
        try rejected.reject(on: d("2022-03-11"), at: .township, identification: identification, elimination: elimination)
        #expect(!rejected.assistance(on: d("2022-04-01")).1.passed)
    }

    func passing() -> Decision { Decision(checks: [Check(RiskElimination.income, passed: true)]) }

    @Test func m7EliminationStartsOnlyWhenTheConditionsHold() throws {
        var c = try identifying(upTo: 6)
        let failing = Decision(checks: [Check(RiskElimination.income, passed: false)])
        let r = refusal { () throws(MonitoringRefusal) in
            _ = try c.startElimination(on: d("2023-03-01"), method: .byAssistance, conditions: failing, elimination: elimination)
        }
        #expect(r?.transition == .startElimination && r?.decision.failedChecks.map(\.rule) == [RiskElimination.income])
        #expect(try c.startElimination(on: d("2023-03-01"), method: .byAssistance, conditions: passing(), elimination: elimination) == [])
        #expect(c.state == .eliminating(stage: 0))
    }

    @Test func m7ANoLabourSafetyNetHouseholdIsNeverEliminated() throws {
        var c = try identifying(upTo: 6)
        c.noLabourSafetyNet = true
        let r = refusal { () throws(MonitoringRefusal) in
            _ = try c.startElimination(on: d("2023-03-01"), method: .natural, conditions: passing(), elimination: elimination)
        }
        #expect(r?.decision.failedChecks.map(\.rule) == [MonitoringRules.safetyNet])
        #expect(c.state == .monitoring)
    }

    func eliminated() throws -> MonitoringCase {
        var c = try identifying(upTo: 6)
        _ = try c.startElimination(on: d("2023-03-01"), method: .natural, conditions: passing(), elimination: elimination)
        let records = [
            StepRecord(date: d("2023-03-02"), consentSigned: true), StepRecord(date: d("2023-03-03")), StepRecord(date: d("2023-03-04")),
            StepRecord(date: d("2023-03-12"), notice: NoticePeriod(from: d("2023-03-05"), to: d("2023-03-11")), objectionsResolved: true),
            StepRecord(date: d("2023-03-13")), StepRecord(date: d("2023-03-14")),
        ]
        for record in records { try c.complete(record, identification: identification, elimination: elimination) }
        return c
    }

    @Test func m8EliminationNeedsHunansSevenDayNoticeAndEndsTheCase() throws {
        var c = try identifying(upTo: 6)
        _ = try c.startElimination(on: d("2023-03-01"), method: .natural, conditions: passing(), elimination: elimination)
        for record in [StepRecord(date: d("2023-03-02"), consentSigned: true), StepRecord(date: d("2023-03-03")), StepRecord(date: d("2023-03-04"))] {
            try c.complete(record, identification: identification, elimination: elimination)
        }
        let r = refusal { () throws(MonitoringRefusal) in
            try c.complete(
                StepRecord(date: d("2023-03-10"), notice: NoticePeriod(from: d("2023-03-05"), to: d("2023-03-09")), objectionsResolved: true),
                identification: identification, elimination: elimination)
        }
        #expect(r?.decision.failedChecks.first?["required"] == .count(7))
        let done = try eliminated()
        #expect(done.state == .riskEliminated(.natural) && done.closedOn == d("2023-03-14"))
        #expect(done.assistance(on: d("2023-06-01")).1.passed, "follow-up continues after elimination (四个不摘)")
    }

    @Test func m9ARejectedOrLostEliminationGoesBackToMonitoring() throws {
        var c = try identifying(upTo: 6)
        _ = try c.startElimination(on: d("2023-03-01"), method: .byAssistance, conditions: passing(), elimination: elimination)
        try c.stopElimination(on: d("2023-03-02"))
        #expect(c.state == .monitoring && c.eliminationMethod == nil)
        let r = refusal { () throws(MonitoringRefusal) in try c.stopElimination(on: d("2023-03-03")) }
        #expect(r?.transition == .stopElimination && r?.decision.failedChecks.first?.rule == MonitoringRules.state)
        _ = try c.startElimination(on: d("2023-03-04"), method: .byAssistance, conditions: passing(), elimination: elimination)
        for record in [
            StepRecord(date: d("2023-03-05"), consentSigned: true), StepRecord(date: d("2023-03-05")), StepRecord(date: d("2023-03-05")),
            StepRecord(date: d("2023-03-13"), notice: NoticePeriod(from: d("2023-03-06"), to: d("2023-03-12")), objectionsResolved: true),
        ] {
            try c.complete(record, identification: identification, elimination: elimination)
        }
        try c.reject(on: d("2023-03-14"), at: .township, identification: identification, elimination: elimination)
        #expect(c.state == .monitoring)
    }

    @Test func m10ANewRiskAfterEliminationOpensALinkedCase() throws {
        var done = try eliminated()
        done.number = 7
        let next = MonitoringLead(
            household: done.household, village: done.village, channel: .departmentData, date: d("2024-01-10"), risks: [.disaster])
        let (c, followUps) = try done.reopen(next, identification: identification, elimination: elimination, calendar: calendar)
        #expect(c.previousCase == 7 && c.state == .identifying(stage: 0) && c.risks == [.disaster])
        #expect(followUps.first == .keepFollowingUp)
        let monitored = try identifying(upTo: 6)
        let r = refusal { () throws(MonitoringRefusal) in
            _ = try monitored.reopen(next, identification: identification, elimination: elimination, calendar: calendar)
        }
        #expect(r?.transition == .newRisk)
    }

    @Test func m11TheWholeHouseholdGoneEndsAnyOpenCase() throws {
        var c = try identifying(upTo: 2)
        try c.remove(on: d("2022-03-05"), reason: .death)
        #expect(c.state == .naturallyRemoved(.death))
        let r = refusal { () throws(MonitoringRefusal) in try c.remove(on: d("2022-03-06"), reason: .migration) }
        #expect(r?.transition == .remove && r?.decision.failedChecks.first?.rule == MonitoringRules.state)
    }

    @Test(
        "stored states read back",
        arguments: [
            MonitoringState.identifying(stage: 3), .monitoring, .eliminating(stage: 0), .riskEliminated(.byAssistance), .notIdentified,
            .naturallyRemoved(.migration),
        ])
    func stateRoundTrip(_ state: MonitoringState) {
        #expect(MonitoringState(token: state.token, stage: state.stage, outcome: state.outcome) == state)
    }

    @Test func aBrokenStoredStateIsRefused() {
        #expect(MonitoringState(token: "identifying", stage: nil, outcome: nil) == nil)
        #expect(MonitoringState(token: "riskEliminated", stage: nil, outcome: "bogus") == nil)
        #expect(MonitoringState(token: "x", stage: nil, outcome: nil) == nil)
    }
}

/// A date literal for argument lists (evaluated before the suite exists).
private func d0(_ text: String) -> CivilDate { try! CivilDate(text) }

@Suite("Monitoring state machine: guards added on review")
struct MonitoringReviewGuardTests {
    let table = WorkflowTemplateTable(WorkflowTemplate.reference)

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    @Test func aHouseholdMarkedSafetyNetDuringEliminationIsNotEliminated() throws {
        let identification = table.template(id: "identification.national")!, elimination = table.template(id: "elimination.national")!
        let lead = MonitoringLead(
            household: try HouseholdNumber("4304811002010001"), village: try AdminCode("430481100201"), channel: .sweep, date: d("2022-01-01"),
            risks: [.illness])
        var c = try MonitoringCase.open(lead, identification: identification, elimination: elimination, calendar: WorkCalendar([])).0
        let identify = [
            StepRecord(date: d("2022-01-02"), consentSigned: true), StepRecord(date: d("2022-01-02")), StepRecord(date: d("2022-01-02")),
            StepRecord(date: d("2022-01-08"), notice: NoticePeriod(from: d("2022-01-03"), to: d("2022-01-07")), objectionsResolved: true),
            StepRecord(date: d("2022-01-09")), StepRecord(date: d("2022-01-10"), category: .unstableExited),
        ]
        for r in identify { try c.complete(r, identification: identification, elimination: elimination) }
        _ = try c.startElimination(
            on: d("2023-01-01"), method: .natural, conditions: Decision(checks: []), elimination: elimination)
        for r in identify.prefix(5).map({ r -> StepRecord in
            var r = r
            r.date = r.date.adding(days: 366)
            r.notice = r.notice.map { NoticePeriod(from: $0.from.adding(days: 366), to: $0.to.adding(days: 366)) }
            return r
        }) {
            try c.complete(r, identification: identification, elimination: elimination)
        }
        c.noLabourSafetyNet = true
        #expect(throws: MonitoringRefusal.self) {
            try c.complete(StepRecord(date: d("2023-01-20")), identification: identification, elimination: elimination)
        }
        #expect(c.state == .eliminating(stage: 5))
    }

    @Test func anIdentificationTemplateWithoutCountyApprovalStillDecidesTheCategoryAtItsLastStage() throws {
        let short = try WorkflowTemplate(
            id: "short", purpose: .identification, fromYear: 2021, name: Label("x", "x"), stages: [.init(.homeVerification, level: .village)],
            deadlineDays: 15)
        let elimination = table.template(id: "elimination.national")!
        let lead = MonitoringLead(
            household: try HouseholdNumber("4304811002010001"), village: try AdminCode("430481100201"), channel: .sweep, date: d("2022-01-01"),
            risks: [.illness])
        var c = try MonitoringCase.open(lead, identification: short, elimination: elimination, calendar: WorkCalendar([])).0
        #expect(throws: MonitoringRefusal.self) {
            try c.complete(StepRecord(date: d("2022-01-02"), consentSigned: true), identification: short, elimination: elimination)
        }
        try c.complete(StepRecord(date: d("2022-01-02"), consentSigned: true, category: .edgeAtRisk), identification: short, elimination: elimination)
        #expect(c.state == .monitoring && c.category == .edgeAtRisk)
    }
}
