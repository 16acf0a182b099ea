import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

@Suite("The assistance ledger through the service", .serialized)
struct AssistanceServiceTests {
    static let household = try! HouseholdNumber("4304811002010001")
    static var june2022: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func measure(start: String, project: String = "务工技能培训") -> AssistanceMeasure {
        AssistanceMeasure(
            household: Self.household, kind: .category(.employment), project: project, amount: .yuan(1_200), funding: .county,
            deadline: d("2022-12-31"), start: d(start))
    }

    @Test(arguments: TestDatabase.available)
    func aMeasureOnAMonitoredHouseholdIsAStepOfItsCaseAndOutlivesTheElimination(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let monitoring = MonitoringService(r.environment)
            let cadre = try await r.user("cadre")
            let c = try await monitoring.lead(
                .init(household: Self.household, channel: .selfApplication, date: d("2022-03-01"), risks: [.illness]), by: cadre)
            // A measure from before the case is history of its own: accepted, and no step of the case.
            var dibao = measure(start: "2019-01-01", project: "低保")
            dibao.kind = .heading(.dibao)
            #expect(try await AssistanceService(r.environment).record(dibao, by: cadre).0.number == 1)
            #expect(try await monitoring.show(c.reference, by: cadre).steps.count == 1)
            // Before approval, without the green channel, help is refused (M12).
            await #expect(throws: MonitoringRefusal.self) {
                _ = try await AssistanceService(r.environment).record(measure(start: "2022-03-02"), by: cadre)
            }
            for record in [
                StepRecord(date: d("2022-03-02"), consentSigned: true), StepRecord(date: d("2022-03-03")), StepRecord(date: d("2022-03-04")),
                StepRecord(date: d("2022-03-10"), notice: NoticePeriod(from: d("2022-03-05"), to: d("2022-03-09")), objectionsResolved: true),
            ] {
                _ = try await monitoring.complete(c.reference, record, by: cadre)
            }
            _ = try await monitoring.approve(c.reference, StepRecord(date: d("2022-03-11")), by: r.user("township"))
            _ = try await monitoring.approve(c.reference, StepRecord(date: d("2022-03-12"), category: .unstableExited), by: r.user("county"))
            let (m, complete) = try await AssistanceService(r.environment).record(measure(start: "2022-03-15"), by: cadre)
            #expect(m.number == 2 && complete.passed)
            let steps = try await monitoring.show(c.reference, by: cadre).steps
            #expect(steps.last?.transition == .assist && steps.last?.note.hasPrefix("measure #2 2021:employment") == true)
            _ = try await monitoring.remove(c.reference, on: d("2022-04-01"), reason: .migration, note: "", by: cadre)
            let after = try await AssistanceService(r.environment).measures(household: Self.household, area: nil, by: cadre)
            #expect(after.count == 2 && after[1].end == nil, "closing a case never ends its measures (四个不摘)")
            let ended = try await AssistanceService(r.environment).end(
                Self.household, measure: 2, on: d("2022-05-01"), outcome: "已就业", signed: true, by: cadre)
            #expect(ended.end == d("2022-05-01") && ended.outcomeSigned)
            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.filter { $0.action == "measureRecorded" || $0.action == "measureEnded" }.count == 3)
        }
    }

    @Test func aMeasureEndingBeforeItStartsIsRefusedInWords() async throws {
        try await SmallRegistry.with(clock: Self.june2022) { r in
            let cadre = try await r.user("cadre")
            _ = try await AssistanceService(r.environment).record(measure(start: "2022-03-15"), by: cadre)
            do {
                _ = try await AssistanceService(r.environment).end(
                    Self.household, measure: 1, on: d("2022-03-01"), outcome: "", signed: false, by: cadre)
                Issue.record("an end before the start was accepted")
            } catch let e as AssistanceError {
                #expect(try Localizer.load(.zh).describe(e) == "未通过：结束日期 2022-03-01 早于开始日期 2022-03-15")
            }
            await #expect(throws: AssistanceError.measureNotFound("4304811002010001#9")) {
                _ = try await AssistanceService(r.environment).end(
                    Self.household, measure: 9, on: d("2022-04-01"), outcome: "", signed: false, by: cadre)
            }
            await #expect(throws: MonitoringError.householdNotFound(Self.household.rawValue)) {
                _ = try await AssistanceService(r.environment).record(measure(start: "2022-03-15"), by: r.user("othercadre"))
            }
        }
    }

    @Test func aNewCadreEndsTheOldAssignmentAndPhonesAreMaskedForInspectors() async throws {
        try await SmallRegistry.with(clock: Self.june2022) { r in
            let service = CadreService(r.environment)
            let township = try await r.user("township")
            _ = try await service.assign(
                CadreAssignment(
                    household: Self.household, name: "赵六", unit: "耒阳市财政局", unitLevel: .county, phone: "13900000000", from: d("2021-01-01")),
                by: township)
            _ = try await service.assign(
                CadreAssignment(
                    household: Self.household, name: "钱七", unit: "黄市镇", unitLevel: .township, phone: "13700000000", from: d("2022-01-01")),
                by: township)
            let seen = try await service.assignments(area: nil, household: Self.household, by: township)
            #expect(seen.map(\.name) == ["赵六", "钱七"] && seen[0].to == d("2022-01-01") && seen[1].to == nil)
            #expect(seen[1].phone == "13700000000")
            let inspected = try await service.assignments(area: nil, household: nil, by: r.user("inspector"))
            #expect(inspected.map(\.phone) == ["***", "***"])
            let (team, rules) = try await service.addTeam(
                VillageWorkTeam(
                    village: try AdminCode(SmallRegistry.village), sendingUnit: "衡阳市财政局", from: d("2021-05-01"), to: d("2023-05-01"),
                    members: [.init(name: "孙八", role: .firstSecretary), .init(name: "周九", role: .member)]),
                by: r.user("county"))
            #expect(team.number == 1 && rules.failedChecks.map(\.rule) == [WorkTeamRules.members])
            #expect(try await service.teams(area: nil, by: r.user("cadre")).first?.members.count == 2)
        }
    }
}
