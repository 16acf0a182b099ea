import Testing

@testable import TuopinCore

/// The petition procedure (涉贫信访): 受理 → 交办 → 答复 → 回访评价, escalation when the petitioner is
/// dissatisfied or the reply is overdue, each refusal with its rule.
@Suite("Petitions and public opinion (涉贫信访舆情)")
struct PetitionTests {
    func d(_ text: String) -> CivilDate { try! CivilDate(text) }
    let today = try! CivilDate("2020-12-31")

    func petition() -> Petition {
        Petition(
            area: try! AdminCode("430481100201"), channel: .letter, category: .assistance, receivedOn: d("2020-09-01"),
            content: "反映产业帮扶资金未到户", petitionerName: "王建国", petitionerPhone: "13800000000", deadline: d("2020-10-31"))
    }

    func refused(_ body: () throws(PetitionRefusal) -> Void) -> [String] {
        do {
            try body()
            return []
        } catch { return error.decision.failedChecks.map(\.rule.rawValue) }
    }

    @Test("assigned, replied, rated satisfied: closed")
    func wholeWay() throws {
        var p = petition()
        #expect(PetitionRules.evaluate(p, today: today).passed)
        _ = try p.assign(to: "黄市镇人民政府", deadline: d("2020-10-31"), on: d("2020-09-02"), by: "county", role: .countyOffice, today: today)
        #expect(p.state == .assigned && p.assignedUnit == "黄市镇人民政府")
        _ = try p.answer("资金已于 9 月 20 日拨付到户", on: d("2020-09-25"), by: "township", role: .townshipOfficer, today: today)
        #expect(p.state == .replied && p.repliedOn == d("2020-09-25"))
        _ = try p.rate(.satisfied, note: "", on: d("2020-09-30"), by: "county", role: .countyOffice, today: today)
        #expect(p.state == .closed && p.closedOn == d("2020-09-30") && p.satisfaction == .satisfied)
    }

    @Test("a dissatisfied petitioner's case is escalated with a new unit and deadline, then replied again")
    func escalation() throws {
        var p = petition()
        _ = try p.assign(to: "黄市镇人民政府", deadline: d("2020-10-31"), on: d("2020-09-02"), by: "c", role: .countyOffice, today: today)
        // Escalation needs a cause: not while the unit is still within its deadline.
        #expect(
            refused { () throws(PetitionRefusal) in
                _ = try p.escalate(
                    to: "县乡村振兴局", deadline: d("2020-11-30"), reason: "x", on: d("2020-09-10"), by: "c", role: .countyOffice, today: today)
            } == ["petition.escalation"])
        _ = try p.answer("已核实", on: d("2020-09-25"), by: "t", role: .townshipOfficer, today: today)
        _ = try p.rate(.dissatisfied, note: "资金仍未到户", on: d("2020-09-30"), by: "c", role: .countyOffice, today: today)
        #expect(p.state == .replied && p.closedOn == nil)
        _ = try p.escalate(
            to: "耒阳市乡村振兴局", deadline: d("2020-10-30"), reason: "信访人不满意", on: d("2020-10-01"), by: "c", role: .countyOffice, today: today)
        #expect(p.state == .assigned && p.escalations == 1 && p.satisfaction == nil && p.assignedUnit == "耒阳市乡村振兴局")
    }

    @Test("an overdue reply may be escalated; overdue means no reply after the deadline")
    func overdue() throws {
        var p = petition()
        #expect(!p.isOverdue(on: d("2020-10-31")) && p.isOverdue(on: d("2020-11-05")) && p.daysOverdue(on: d("2020-11-05")) == 5)
        _ = try p.escalate(to: "县乡村振兴局", deadline: d("2020-11-30"), reason: "超期未答复", on: d("2020-11-05"), by: "c", role: .cityOffice, today: today)
        #expect(p.escalations == 1 && !p.isOverdue(on: d("2020-11-05")))
    }

    /// Which steps each state allows (the rest are refused under `petition.state`).
    @Test(
        "each state allows only its steps",
        arguments: [
            (PetitionState.received, [PetitionStepKind.assigned, .escalated]),
            (.assigned, [.replied, .escalated]),
            (.replied, [.rated, .escalated]),
            (.closed, []),
        ])
    func stateTable(state: PetitionState, allowed: [PetitionStepKind]) {
        for kind in PetitionStepKind.allCases {
            #expect(PetitionRules.state(state, allows: kind).passed == allowed.contains(kind), "\(state) \(kind)")
        }
    }

    @Test("a reply is rated once; a dissatisfied view leaves escalation to another unit; assigning never extends the deadline")
    func onceAndOnward() throws {
        var p = petition()
        #expect(
            refused { () throws(PetitionRefusal) in
                _ = try p.assign(to: "镇", deadline: d("2020-11-01"), on: d("2020-09-02"), by: "c", role: .countyOffice, today: today)
            } == ["petition.assignDeadline"])
        _ = try p.assign(to: "镇", deadline: d("2020-10-31"), on: d("2020-09-02"), by: "c", role: .countyOffice, today: today)
        _ = try p.answer("答复", on: d("2020-09-03"), by: "t", role: .townshipOfficer, today: today)
        _ = try p.rate(.dissatisfied, note: "", on: d("2020-09-04"), by: "c", role: .countyOffice, today: today)
        #expect(
            refused { () throws(PetitionRefusal) in
                _ = try p.rate(.satisfied, note: "", on: d("2020-09-05"), by: "c", role: .countyOffice, today: today)
            } == ["petition.state"], "a second, kinder view does not close it")
        #expect(
            refused { () throws(PetitionRefusal) in
                _ = try p.escalate(
                    to: " 镇 ", deadline: d("2020-10-31"), reason: "不满意", on: d("2020-09-05"), by: "c", role: .countyOffice, today: today)
            } == ["petition.otherUnit"])
        _ = try p.escalate(to: "县", deadline: d("2020-10-31"), reason: "不满意", on: d("2020-09-05"), by: "c", role: .countyOffice, today: today)
        #expect(p.state == .assigned && p.satisfaction == nil)
    }

    @Test("guards: content required, deadline not before the date, a reply needs text; the name is masked for others")
    func guards() {
        var p = petition()
        p.content = " "
        p.deadline = d("2020-08-31")
        #expect(PetitionRules.evaluate(p, today: today).failedChecks.map(\.rule) == [PetitionRules.content, PetitionRules.deadlineRule])
        p = petition()
        #expect(
            refused { () throws(PetitionRefusal) in
                _ = try p.answer("x", on: d("2020-09-02"), by: "t", role: .townshipOfficer, today: today)
            } == ["petition.state"])
        #expect(p.maskedName == "王**")
        var q = petition()
        _ = try? q.assign(to: "镇", deadline: d("2020-10-31"), on: d("2020-09-02"), by: "c", role: .countyOffice, today: today)
        #expect(
            refused { () throws(PetitionRefusal) in
                _ = try q.answer(" ", on: d("2020-09-03"), by: "t", role: .townshipOfficer, today: today)
            } == ["petition.reply"])
    }

    @Test("R-12 tallies open, closed, overdue, escalated and the satisfaction of those asked")
    func tally() throws {
        var a = petition()
        _ = try a.assign(to: "镇", deadline: d("2020-10-31"), on: d("2020-09-02"), by: "c", role: .countyOffice, today: today)
        _ = try a.answer("答复", on: d("2020-09-03"), by: "t", role: .townshipOfficer, today: today)
        _ = try a.rate(.basicallySatisfied, note: "", on: d("2020-09-04"), by: "c", role: .countyOffice, today: today)
        var b = petition()
        b.channel = .publicOpinion
        let c = petition()  // overdue on 12-31
        _ = try b.escalate(to: "县", deadline: d("2021-01-31"), reason: "超期", on: d("2020-11-02"), by: "c", role: .cityOffice, today: today)
        let rows = PetitionTally.by([a, b, c], today: today) { $0.channel }
        #expect(rows.map(\.key) == [.letter, .publicOpinion])
        #expect(
            rows[0].tally.total == 2 && rows[0].tally.closed == 1 && rows[0].tally.overdue == 1
                && rows[0].tally.satisfiedPercent?.description == "100.0")
        #expect(rows[1].tally.escalated == 1 && rows[1].tally.open == 1 && rows[1].tally.overdue == 0)
    }
}
