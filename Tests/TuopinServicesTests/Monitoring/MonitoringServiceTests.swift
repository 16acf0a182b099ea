import Foundation
import SQLKit
import Testing
import TuopinCore
import TuopinStore
import TuopinStrings
import TuopinTesting

@testable import TuopinServices

/// The monitoring procedure through the service: roles and scope decide who records which
/// step, every step is stored and audited, and refusals say why.
@Suite("Monitoring cases through the service (REFERENCE §3.8–3.10)", .serialized)
struct MonitoringServiceTests {
    /// 2024-06-01: after every date these tests record.
    static var clock: TestClock { TestClock(Date(timeIntervalSince1970: 1_717_200_000)) }

    static let household = try! HouseholdNumber("4304811002010001")

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func lead(_ r: SmallRegistry, date: String = "2022-03-01", risks: [RiskType] = [.illness]) async throws -> MonitoringCase {
        try await MonitoringService(r.environment).lead(
            .init(household: Self.household, channel: .cadreVisit, date: d(date), risks: risks, note: "走访发现"), by: r.user("cadre"))
    }

    /// Takes a new case through the village stages and the township review.
    func toCountyApproval(_ r: SmallRegistry) async throws -> MonitoringCase {
        try await toCountyApprovalAfterLead(r, try await lead(r))
    }

    func approve(_ r: SmallRegistry, _ c: MonitoringCase) async throws -> MonitoringCase {
        try await MonitoringService(r.environment).complete(
            c.reference, StepRecord(date: d("2022-03-12"), category: .unstableExited, risks: [.illness]), by: r.user("county"))
    }

    @Test(arguments: TestDatabase.available)
    func aCaseGoesFromLeadToEliminationAndEveryStepIsStoredAndAudited(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.clock) { r in
            let service = MonitoringService(r.environment)
            let monitored = try await approve(r, try await toCountyApproval(r))
            #expect(monitored.reference == "430481-000001")
            #expect(monitored.state == .monitoring && monitored.category == .unstableExited && monitored.identifiedOn == d("2022-03-12"))
            #expect(monitored.deadline == d("2022-03-16"))
            let facts = EliminationFacts(
                perCapitaNetIncome: .yuan(9_000), incomeStable: true, rigidSpendingControlled: true,
                securedGuarantees: Set(BasicGuarantee.allCases), remainingRisks: [], newRisk: false, noLabourSafetyNet: false)
            let cadre = try await r.user("cadre")
            _ = try await service.startElimination(monitored.reference, on: d("2023-03-01"), method: .byAssistance, facts: facts, note: "", by: cadre)
            for record in [
                StepRecord(date: d("2023-03-02"), consentSigned: true), StepRecord(date: d("2023-03-03")), StepRecord(date: d("2023-03-04")),
                StepRecord(date: d("2023-03-12"), notice: NoticePeriod(from: d("2023-03-05"), to: d("2023-03-11")), objectionsResolved: true),
            ] {
                _ = try await service.complete(monitored.reference, record, by: cadre)
            }
            _ = try await service.complete(monitored.reference, StepRecord(date: d("2023-03-13")), by: r.user("township"))
            let done = try await service.complete(monitored.reference, StepRecord(date: d("2023-03-14")), by: r.user("county"))
            #expect(done.state == .riskEliminated(.byAssistance) && done.closedOn == d("2023-03-14"))
            // The household is gone later: the case was still eliminated on the 14th of March.
            let removed = try await service.remove(done.reference, on: d("2023-06-01"), reason: .migration, note: "全户迁出", by: cadre)
            #expect(
                removed.state == .naturallyRemoved(.migration) && removed.closedOn == d("2023-03-14") && removed.eliminationMethod == .byAssistance)
            let stats = StatisticsService(r.environment), village = try AdminCode(SmallRegistry.village)
            for (day, monitoredHouseholds, eliminated) in [("2022-03-11", 0, 0), ("2023-03-13", 1, 0), ("2023-03-14", 0, 1), ("2023-07-01", 0, 1)] {
                let f = try await stats.monitoring(of: village, asOf: d(day), by: cadre)
                #expect(f.monitoredTotal.households == monitoredHouseholds && f.eliminated[.byAssistance, default: 0] == eliminated, "\(day)")
            }
            #expect(try await stats.monitoring(of: village, asOf: d("2023-03-13"), by: cadre).monitored[.unstableExited]?.people == 3)
            // R-06 along the case's life: each dimension's cells as households and people.
            let identifying = CaseStateOnDate.identifying.rawValue, underMonitoring = CaseStateOnDate.monitored.rawValue
            let eliminated = CaseStateOnDate.eliminated.rawValue
            let r06: [(String, RollupDimension, [String: [Int]])] = [
                ("2022-02-28", .caseState, [:]),
                ("2022-03-11", .caseState, [identifying: [1, 3]]),
                ("2022-03-11", .monitoredCategory, [:]),
                ("2022-03-12", .caseState, [underMonitoring: [1, 3]]),
                ("2022-12-31", .monitoredCategory, ["unstableExited": [1, 3]]),
                ("2022-12-31", .riskType, ["illness": [1, 3]]),
                ("2022-12-31", .newCases, ["unstableExited": [1, 3]]),
                ("2023-03-13", .newCases, [:]),
                ("2023-03-13", .eliminationMethod, [:]),
                ("2023-03-14", .eliminationMethod, ["byAssistance": [1, 3]]),
                ("2023-03-14", .monitoredCategory, [:]),
                ("2023-03-14", .caseState, [eliminated: [1, 3]]),
                ("2023-07-01", .eliminationMethod, ["byAssistance": [1, 3]]),
            ]
            for (day, dimension, expected) in r06 {
                let answer = try await RollupService(r.environment).rollup(.monitoring, of: village, asOf: d(day), by: cadre)
                let cells = answer.cells.filter { $0.dimension == dimension }
                #expect(Dictionary(uniqueKeysWithValues: cells.map { ($0.category, [$0.households, $0.people]) }) == expected, "\(day) \(dimension)")
            }

            let file = try await service.show(done.reference, by: r.user("township"))
            #expect(
                file.steps.map(\.transition) == [.lead] + Array(repeating: .completeStep, count: 5) + [.approve, .startElimination]
                    + Array(repeating: .completeStep, count: 5) + [.eliminate, .remove])
            #expect(file.steps.map(\.actor).filter { $0 == "county" }.count == 2)
            #expect(file.elimination?.id == "elimination.43", "Hunan's 7-day elimination notice applies")
            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            let steps = audit.filter { $0.action == "monitoringLead" || $0.action == "monitoringStep" }
            #expect(steps.count == file.steps.count)
            #expect(steps.allSatisfy { $0.entity == "monitoringCase:430481-000001" })
        }
    }

    @Test(arguments: TestDatabase.available)
    func aTownshipOfficerCannotApproveACountyStep(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.clock) { r in
            let service = MonitoringService(r.environment)
            let c = try await toCountyApproval(r)
            let township = try await r.user("township")
            await #expect(throws: AccessDenied.self) {
                _ = try await service.complete(c.reference, StepRecord(date: d("2022-03-12"), category: .edgeAtRisk, risks: [.illness]), by: township)
            }
            await #expect(throws: MonitoringError.notYourStage(.countyApproval, .county)) {
                _ = try await service.reject(c.reference, on: d("2022-03-12"), note: "", by: township)
            }
            let rejected = try await service.reject(c.reference, on: d("2022-03-12"), note: "收入核实超标", by: r.user("county"))
            #expect(rejected.state == .notIdentified)
        }
    }

    @Test func aVillageCadreCannotTouchAnotherVillagesCase() async throws {
        try await SmallRegistry.with(clock: Self.clock) { r in
            let service = MonitoringService(r.environment)
            let c = try await lead(r)
            let other = try await r.user("othercadre")
            await #expect(throws: MonitoringError.caseNotFound(c.reference)) {
                _ = try await service.complete(c.reference, StepRecord(date: d("2022-03-02"), consentSigned: true), by: other)
            }
            await #expect(throws: MonitoringError.householdNotFound(Self.household.rawValue)) {
                _ = try await service.lead(
                    .init(household: Self.household, channel: .cadreVisit, date: d("2022-03-01"), risks: [.illness]), by: other)
            }
            await #expect(throws: MonitoringError.caseNotFound(c.reference)) { _ = try await service.show(c.reference, by: other) }
            #expect(try await service.cases(in: nil, by: other).isEmpty)
            let inspector = try await r.user("inspector")
            await #expect(throws: AccessDenied.self) {
                _ = try await service.complete(c.reference, StepRecord(date: d("2022-03-02"), consentSigned: true), by: inspector)
            }
        }
    }

    @Test func aSecondLeadWhileACaseIsOpenIsRefusedAndOneAfterEliminationIsLinked() async throws {
        try await SmallRegistry.with(clock: Self.clock) { r in
            let service = MonitoringService(r.environment)
            let c = try await lead(r)
            await #expect(throws: MonitoringError.openCaseExists(c.reference)) { _ = try await lead(r, date: "2022-03-02") }
            _ = try await service.remove(c.reference, on: d("2022-03-05"), reason: .migration, note: "", by: r.user("cadre"))
            let next = try await lead(r, date: "2022-04-01", risks: [.disaster])
            #expect(next.reference == "430481-000002" && next.previousCase == nil, "a removed case is not eliminated: no link")
        }
    }

    @Test func aShortNoticeIsRefusedWithItsDaysInWords() async throws {
        try await SmallRegistry.with(clock: Self.clock) { r in
            let service = MonitoringService(r.environment)
            let c = try await lead(r)
            let cadre = try await r.user("cadre")
            for record in [
                StepRecord(date: d("2022-03-02"), consentSigned: true), StepRecord(date: d("2022-03-03")), StepRecord(date: d("2022-03-04")),
            ] {
                _ = try await service.complete(c.reference, record, by: cadre)
            }
            do {
                _ = try await service.complete(
                    c.reference,
                    StepRecord(date: d("2022-03-10"), notice: NoticePeriod(from: d("2022-03-05"), to: d("2022-03-08")), objectionsResolved: true),
                    by: cadre)
                Issue.record("a 4-day notice was accepted")
            } catch let refusal as MonitoringRefusal {
                let zh = try Localizer.load(.zh)
                #expect(zh.describe(refusal) == "M2 完成程序步骤未通过：公示 4 天，少于规定的 5 天")
            }
            let file = try await service.show(c.reference, by: cadre)
            #expect(file.monitoringCase.state == .identifying(stage: 3), "nothing was stored")
        }
    }

    @Test func overdueListsLateIdentificationsAndLongMonitoring() async throws {
        try await SmallRegistry.with(clock: Self.clock) { r in
            let service = MonitoringService(r.environment)
            let c = try await lead(r)
            let county = try await r.user("county")
            let late = try await service.overdue(in: nil, today: d("2022-03-20"), by: county)
            #expect(late.map(\.kind) == [.identificationOverdue] && late.first?.days == 4 && late.first?.reference == c.reference)
            #expect(try await service.overdue(in: nil, today: d("2022-03-16"), by: county).isEmpty, "the deadline day itself is in time")
            _ = try await approve(r, try await toCountyApprovalAfterLead(r, c))
            let year = try await service.overdue(in: nil, today: d("2023-03-13"), by: county)
            #expect(year.map(\.kind) == [.monitoredOverAYear] && year.first?.days == 366)
            #expect(try await service.overdue(in: nil, today: d("2023-03-12"), by: county).isEmpty)
        }
    }

    func toCountyApprovalAfterLead(_ r: SmallRegistry, _ c: MonitoringCase) async throws -> MonitoringCase {
        let service = MonitoringService(r.environment)
        let cadre = try await r.user("cadre")
        for record in [
            StepRecord(date: d("2022-03-02"), consentSigned: true), StepRecord(date: d("2022-03-03")), StepRecord(date: d("2022-03-04")),
            StepRecord(date: d("2022-03-10"), notice: NoticePeriod(from: d("2022-03-05"), to: d("2022-03-09")), objectionsResolved: true),
        ] {
            _ = try await service.complete(c.reference, record, by: cadre)
        }
        return try await service.complete(c.reference, StepRecord(date: d("2022-03-11")), by: r.user("township"))
    }
}

@Suite("Sweep through the service", .serialized)
struct MonitoringSweepServiceTests {
    /// 2022-06-01, when 2021 incomes are known.
    static var june2022: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }

    /// 2021 incomes: household 1 (exited in 2017) at 5,000 a head, household 2 still poor.
    static func incomes2021(_ f: inout CSVFixture) {
        f.files[.incomes]!.append(CSVFixture.income("4304811002010001", "2021", "3", migrantWages: "15000.00"))
        f.files[.incomes]!.append(CSVFixture.income("4304811002010002", "2021", "1", migrantWages: "1500.00"))
    }

    @Test(arguments: TestDatabase.available)
    func aSweepOpensOneLeadPerHouseholdAtRiskAndASecondRunOpensNone(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022, fixture: Self.incomes2021) { r in
            let service = MonitoringService(r.environment)
            let township = try await r.user("township")
            let date = try CivilDate("2022-01-10")
            let first = try await service.sweep(year: 2021, area: nil, date: date, by: township)
            #expect(first.thresholdAmount == "6000.00" && first.thresholdConfirmed)
            #expect(first.evaluated == 2 && first.notSwept == 1 && first.withoutIncome == 0)
            #expect(first.opened.map(\.household) == ["4304811002010001"] && first.byCategory["unstableExited"] == 1)
            #expect(first.byTownship == ["430481100": ["unstableExited": 1]])
            let second = try await service.sweep(year: 2021, area: nil, date: date, by: township)
            #expect(second.opened.isEmpty && second.alreadyCase == 1)
            let cases = try await service.cases(in: nil, by: township)
            #expect(cases.count == 1 && cases[0].channel == .sweep && cases[0].risks == [.illness])
            let audit = try await AuditService(r.environment).list(.init(action: "monitoringSweep", scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.count == 2)
        }
    }

    /// A sweep's new cases raise the county's version, whether the triggers do it case by case
    /// or the sweep, with them paused, once for the county (from `pausingFrom` leads on); after
    /// it the triggers are back, and a single lead raises the version again.
    @Test(arguments: TestDatabase.available, [0, Int.max])
    func aSweepRaisesTheCountysVersionAndLeavesTheTriggersInPlace(_ database: TestDatabase, pausingFrom: Int) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022, fixture: Self.incomes2021) { r in
            let county = try AdminCode("430481")
            let triggers: @Sendable () async throws -> Int = {
                let query: SQLQueryString =
                    r.environment.store.dialect == .sqlite
                    ? "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger'"
                    : "SELECT COUNT(*) AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"
                return try await r.environment.store.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? -1
            }
            let before = try await RegistryProjection.state(r.environment.store.sql, area: county).version
            let triggersBefore = try await triggers()
            let report = try await MonitoringService(r.environment).sweep(
                year: 2021, area: nil, date: try CivilDate("2022-01-10"), by: try await r.user("township"), progress: nil, pausingFrom: pausingFrom)
            #expect(report.opened.count == 1)
            let afterSweep = try await RegistryProjection.state(r.environment.store.sql, area: county).version
            #expect(afterSweep > before)
            #expect(try await triggers() == triggersBefore && triggersBefore > 0)
            let paused = try await r.environment.store.sql.raw("SELECT COUNT(*) AS n FROM projection_pause").first()?.decode(
                column: "n", as: Int.self)
            #expect(paused == 0)
            _ = try await MonitoringService(r.environment).lead(
                .init(household: try HouseholdNumber("4304811002010002"), channel: .cadreVisit, date: try CivilDate("2022-03-01"), risks: [.illness]),
                by: try await r.user("cadre"))
            #expect(try await RegistryProjection.state(r.environment.store.sql, area: county).version > afterSweep)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aHouseholdWithoutAnIncomeRecordOfTheYearIsCountedNotEvaluated(_ database: TestDatabase) async throws {
        let onlyTheFirst: (inout CSVFixture) -> Void = { f in
            f.files[.incomes]!.append(CSVFixture.income("4304811002010001", "2021", "3", migrantWages: "15000.00"))
        }
        try await SmallRegistry.with(on: database, clock: Self.june2022, fixture: onlyTheFirst) { r in
            let report = try await MonitoringService(r.environment).sweep(
                year: 2021, area: nil, date: try CivilDate("2022-01-10"), by: try await r.user("township"))
            #expect(report.evaluated == 1 && report.withoutIncome == 1 && report.opened.map(\.household) == ["4304811002010001"])
        }
    }

    @Test func aSweepDatedBeforeAHouseholdsLaterCaseSkipsIt() async throws {
        try await SmallRegistry.with(clock: Self.june2022, fixture: Self.incomes2021) { r in
            let service = MonitoringService(r.environment)
            let cadre = try await r.user("cadre")
            let c = try await service.lead(
                .init(household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: try CivilDate("2022-03-01"), risks: [.illness]),
                by: cadre)
            _ = try await service.remove(c.reference, on: try CivilDate("2022-03-05"), reason: .migration, note: "", by: cadre)
            let report = try await service.sweep(year: 2021, area: nil, date: try CivilDate("2022-01-10"), by: r.user("township"))
            #expect(report.opened.isEmpty && report.alreadyCase == 1, "a lead dated before the household's later case would break its history")
        }
    }

    @Test func aSweepOfAYearWithoutAThresholdSaysSo() async throws {
        try await SmallRegistry.with { r in
            await #expect(throws: MonitoringError.noThreshold(year: 2019)) {
                _ = try await MonitoringService(r.environment).sweep(year: 2019, area: nil, date: try CivilDate("2020-01-10"), by: r.user("township"))
            }
        }
    }

    @Test func aVillageCadreSweepsOnlyTheirVillage() async throws {
        try await SmallRegistry.with(clock: Self.june2022, fixture: Self.incomes2021) { r in
            let other = try await MonitoringService(r.environment).sweep(
                year: 2021, area: nil, date: try CivilDate("2022-01-10"), by: r.user("othercadre"))
            #expect(other.evaluated == 0 && other.opened.isEmpty)
            await #expect(throws: AccessDenied.self) {
                _ = try await MonitoringService(r.environment).sweep(
                    year: 2021, area: try AdminCode("430481100201"), date: try CivilDate("2022-01-10"), by: r.user("othercadre"))
            }
        }
    }
}

@Suite("Monitoring dates", .serialized)
struct MonitoringDateTests {
    @Test func aLeadOrAStepDatedAfterTodayIsRefused() async throws {
        // The small registry's clock is 2020-10-15; a 2021 lead is in its future.
        try await SmallRegistry.with(clock: TestClock(Date(timeIntervalSince1970: 1_654_041_600))) { r in
            let service = MonitoringService(r.environment)
            let cadre = try await r.user("cadre")
            let household = try HouseholdNumber("4304811002010001")
            await #expect(throws: MonitoringError.future(try CivilDate("2022-06-02"))) {
                _ = try await service.lead(
                    .init(household: household, channel: .cadreVisit, date: try CivilDate("2022-06-02"), risks: [.illness]), by: cadre)
            }
            let c = try await service.lead(
                .init(household: household, channel: .cadreVisit, date: try CivilDate("2022-05-30"), risks: [.illness]), by: cadre)
            await #expect(throws: MonitoringError.future(try CivilDate("2022-07-01"))) {
                _ = try await service.complete(c.reference, StepRecord(date: try CivilDate("2022-07-01"), consentSigned: true), by: cadre)
            }
        }
    }
}

@Suite("Village notices", .serialized)
struct NoticeTests {
    @Test func theNoticeNamesTheHeadAndSizeAndPassesDQ015() async throws {
        try await SmallRegistry.with(clock: MonitoringServiceTests.clock) { r in
            let service = MonitoringService(r.environment)
            let cadre = try await r.user("cadre")
            let c = try await service.lead(
                .init(household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: try CivilDate("2024-03-01"), risks: [.illness]),
                by: cadre)
            for day in ["2024-03-02", "2024-03-03", "2024-03-04"] {
                _ = try await service.complete(c.reference, StepRecord(date: try CivilDate(day), consentSigned: true), by: cadre)
            }
            let notice = try await service.notice(
                village: try AdminCode(SmallRegistry.village), purpose: .identification, from: try CivilDate("2024-03-05"),
                to: try CivilDate("2024-03-09"),
                by: cadre)
            #expect(notice.entries == [PublicNotice.Entry(headName: "刘伟", householdSize: 3, category: nil)])
            let text = Notices.text(notice, try Localizer.load(.zh))
            #expect(text.hasPrefix("白溪村防止返贫监测对象识别公示") && text.contains("1\t刘伟\t3\t待审定") && text.contains("公示期 5 天"))
            #expect(PublicNoticeRules.evaluate(text).passed && !text.contains("因病"))
        }
    }
}
