import Testing

@testable import TuopinCore

/// The rectification ledger's state machine (整改中 → 已整改 → 销号, or back), each refusal with its rule.
@Suite("Findings and their rectification (问题整改)")
struct FindingTests {
    func d(_ text: String) -> CivilDate { try! CivilDate(text) }
    let today = try! CivilDate("2020-10-15")

    func finding(foundOn: String = "2020-09-01", deadline: String = "2020-09-30") -> Finding {
        Finding(
            area: try! AdminCode("430481100201"), source: .inspectionTour, category: .data, description: "3 户家庭人口与扶贫手册不一致",
            responsibleUnit: "某镇人民政府", foundOn: d(foundOn), deadline: d(deadline), recordedBy: "city")
    }

    func refused(_ body: () throws(FindingRefusal) -> Void) -> [String] {
        do {
            try body()
            return []
        } catch { return error.decision.failedChecks.map(\.rule.rawValue) }
    }

    @Test("a new finding is checked: description, unit, deadline not before it was found, not found in the future")
    func newFinding() {
        #expect(FindingRules.evaluate(finding(), today: today).passed)
        var f = finding(foundOn: "2020-09-01", deadline: "2020-08-31")
        #expect(FindingRules.evaluate(f, today: today).failedChecks.map(\.rule) == [FindingRules.deadline])
        f = finding(foundOn: "2020-10-16", deadline: "2020-11-30")
        #expect(FindingRules.evaluate(f, today: today).failedChecks.map(\.rule) == [FindingRules.notFuture])
        f = finding()
        f.description = "  \n"
        f.responsibleUnit = String(repeating: "单", count: 201)
        #expect(FindingRules.evaluate(f, today: today).failedChecks.map(\.rule) == [FindingRules.description, FindingRules.unit])
        #expect(f.key == FindingKey(county: "430481", number: 0))
    }

    @Test("from in progress to closed: progress, rectified with evidence, closed by another role")
    func wholeWay() throws {
        var f = finding()
        let p = try f.progress(on: d("2020-09-10"), note: "已入户核实 2 户", evidence: "", by: "township", role: .townshipOfficer, today: today)
        #expect(p.kind == .progress && f.state == .inProgress && f.lastStepDate == d("2020-09-10"))
        let r = try f.rectify(on: d("2020-09-20"), evidence: " 整改报告 〔2020〕12 号 ", note: "", by: "township", role: .townshipOfficer, today: today)
        #expect(r.evidence == "整改报告 〔2020〕12 号")
        #expect(f.state == .rectified && f.rectifiedOn == d("2020-09-20") && f.rectifiedRole == .townshipOfficer)
        let c = try f.close(on: d("2020-09-25"), note: "抽查 3 户属实", by: "county", role: .countyOffice, today: today)
        #expect(c.kind == .closed && f.state == .closed && f.closedOn == d("2020-09-25"))
    }

    @Test("the verifier must be another role and another person than the rectifier")
    func separation() throws {
        var f = finding()
        _ = try f.rectify(on: d("2020-09-20"), evidence: "照片 4 张", note: "", by: "township", role: .townshipOfficer, today: today)
        #expect(
            refused { () throws(FindingRefusal) in
                _ = try f.close(on: d("2020-09-21"), note: "", by: "township2", role: .townshipOfficer, today: today)
            } == ["rectification.separation"])
        #expect(
            refused { () throws(FindingRefusal) in
                _ = try f.returnForRework(on: d("2020-09-21"), reason: "未见佐证", by: "township", role: .countyOffice, today: today)
            } == ["rectification.separation"])
        #expect(f.state == .rectified)
        _ = try f.returnForRework(on: d("2020-09-21"), reason: "未见佐证", by: "county", role: .countyOffice, today: today)
        #expect(f.state == .inProgress && f.rectifiedOn == nil && f.rectifiedBy == nil && f.rectifiedRole == nil)
    }

    /// Which steps each state allows (the rest are refused under `rectification.state`).
    @Test(
        "each state allows only its steps",
        arguments: [
            (RectificationState.inProgress, [RectificationStepKind.progress, .rectified]),
            (.rectified, [.returned, .closed]),
            (.closed, []),
        ])
    func stateTable(state: RectificationState, allowed: [RectificationStepKind]) {
        for kind in RectificationStepKind.allCases {
            #expect(FindingRules.state(state, allows: kind).passed == allowed.contains(kind), "\(state) \(kind)")
        }
    }

    @Test("steps are dated in order and not in the future; rectified needs evidence, progress and return a note")
    func stepGuards() {
        var f = finding()
        #expect(
            refused { () throws(FindingRefusal) in
                _ = try f.progress(on: d("2020-08-31"), note: "x", evidence: "", by: "t", role: .townshipOfficer, today: today)
            } == ["rectification.order"])
        #expect(
            refused { () throws(FindingRefusal) in
                _ = try f.progress(on: d("2020-10-16"), note: "", evidence: "", by: "t", role: .townshipOfficer, today: today)
            } == ["rectification.notFuture", "rectification.note"])
        #expect(
            refused { () throws(FindingRefusal) in
                _ = try f.rectify(on: d("2020-09-20"), evidence: " ", note: "", by: "t", role: .townshipOfficer, today: today)
            } == ["rectification.evidence"])
        #expect(
            refused { () throws(FindingRefusal) in
                _ = try f.close(on: d("2020-09-20"), note: "", by: "c", role: .countyOffice, today: today)
            } == ["rectification.state"])
        #expect(f.state == .inProgress && f.lastStepDate == d("2020-09-01"))
    }

    @Test("overdue: still in progress after the deadline; a finding rectified in time is not")
    func overdue() throws {
        var f = finding(deadline: "2020-09-30")
        #expect(!f.isOverdue(on: d("2020-09-30")))
        #expect(f.isOverdue(on: d("2020-10-15")) && f.daysOverdue(on: d("2020-10-15")) == 15)
        _ = try f.rectify(on: d("2020-09-29"), evidence: "报告", note: "", by: "t", role: .townshipOfficer, today: today)
        #expect(!f.isOverdue(on: d("2020-10-15")) && f.daysOverdue(on: d("2020-10-15")) == 0)
    }

    @Test("the ledger tallies by key: states, overdue and the closed share")
    func ledger() throws {
        var a = finding(deadline: "2020-09-30")  // overdue on 10-15
        a.source = .petition
        var b = finding(deadline: "2020-12-31")  // in progress, in time
        b.source = .petition
        var c = finding()
        _ = try c.rectify(on: d("2020-09-20"), evidence: "报告", note: "", by: "t", role: .townshipOfficer, today: today)
        _ = try c.close(on: d("2020-09-21"), note: "", by: "c", role: .countyOffice, today: today)
        let rows = RectificationLedger.tally([a, b, c], today: today) { $0.source }
        #expect(rows.map(\.key) == [.petition, .inspectionTour])
        #expect(rows[0].tally.total == 2 && rows[0].tally.inProgress == 2 && rows[0].tally.overdue == 1 && rows[0].tally.closed == 0)
        #expect(rows[1].tally.closed == 1 && rows[1].tally.closedPercent?.description == "100.0")
        let all = RectificationLedger.total([a, b, c], today: today)
        #expect(all.total == 3 && all.closedPercent?.description == "33.3")
    }

    @Test("a finding key reads as county-number and nothing else", arguments: ["430481-12", "430400-1"])
    func keys(text: String) {
        #expect(FindingKey(text)?.description == text)
    }

    @Test("malformed finding keys are refused", arguments: ["", "430481", "430481-0", "43048-1", "430481--1", "430481-x", "430481-1-2", "４３０４８１-1"])
    func badKeys(text: String) {
        #expect(FindingKey(text) == nil)
    }
}
