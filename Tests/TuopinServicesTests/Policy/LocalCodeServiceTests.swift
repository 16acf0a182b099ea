import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// Local codes extend the risks (and the other unconfirmed lists): an administrator adds one, a
/// case carries it through its steps and the store, and every figure counts its base.
@Suite("Local codes through the service (REFERENCE §2.6)", .serialized)
struct LocalCodeServiceTests {
    /// 2024-06-01: after every date these tests record.
    static var clock: TestClock { TestClock(Date(timeIntervalSince1970: 1_717_200_000)) }
    static let household = try! HouseholdNumber("4304811002010001")
    static let marriage = try! LocalCode(list: .riskType, token: "marriage", label: Label("因婚", "marriage"), base: "other")
    static let flood = try! LocalCode(list: .riskType, token: "flood", label: Label("因洪涝", "flood"), base: "disaster")

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    @Test(arguments: TestDatabase.available)
    func anAdministratorAddsALocalRiskAndACaseCarriesIt(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.clock) { r in
            let codes = LocalCodeService(r.environment)
            let cadre = try await r.user("cadre"), admin = try await r.user("admin")
            await #expect(throws: AccessDenied.self) { try await codes.add(Self.marriage, by: cadre) }
            try await codes.add(Self.marriage, by: admin)
            try await codes.add(Self.flood, by: admin)
            // A second code named like the first, or a move to another base, is refused with its rule.
            let clash = try LocalCode(list: .riskType, token: "wedding", label: Label("因婚", ""), base: "other")
            await #expect(throws: HouseholdError.self) { try await codes.add(clash, by: admin) }
            let moved = try LocalCode(list: .riskType, token: "marriage", label: Label("因婚", ""), base: "disaster")
            await #expect(throws: HouseholdError.self) { try await codes.add(moved, by: admin) }
            let book = try await codes.book(by: cadre)
            #expect(book.locals(in: .riskType).map(\.token) == ["flood", "marriage"])
            #expect(book.resolve("因婚", in: .riskType) == CodeChoice(base: "other", local: "marriage"))

            let service = MonitoringService(r.environment)
            // A local code must refine the risk it is given for.
            await #expect(throws: LocalCodeError.unknownCode(.riskType, "marriage")) {
                try await service.lead(
                    .init(
                        household: Self.household, channel: .cadreVisit, date: d("2022-03-01"), risks: [.illness], localRisks: [.illness: "marriage"]),
                    by: cadre)
            }
            let opened = try await service.lead(
                .init(
                    household: Self.household, channel: .cadreVisit, date: d("2022-03-01"), risks: [.illness, .other],
                    localRisks: [.other: "marriage"]), by: cadre)
            let stored = try #require(try await service.cases(in: nil, state: nil, by: cadre).first)
            #expect(stored.risks == [.illness, .other])
            #expect(stored.riskChoices.map(\.token) == ["illness", "marriage"])
            let report = MonitoringCaseReport(stored, templates: try await service.templates(by: cadre), codes: book)
            #expect(report.risks == ["illness", "other"])
            #expect(report.riskLabels == ["因病", "因婚"])

            // County approval decides the risks anew: the local codes chosen with them replace the lead's.
            let steps = [
                StepRecord(date: d("2022-03-02"), consentSigned: true), StepRecord(date: d("2022-03-03")), StepRecord(date: d("2022-03-04")),
                StepRecord(date: d("2022-03-10"), notice: NoticePeriod(from: d("2022-03-05"), to: d("2022-03-09")), objectionsResolved: true),
            ]
            for s in steps { _ = try await service.complete(opened.reference, s, by: cadre) }
            _ = try await service.complete(opened.reference, StepRecord(date: d("2022-03-11")), by: r.user("township"))
            let approved = try await service.complete(
                opened.reference,
                StepRecord(date: d("2022-03-12"), category: .suddenHardship, risks: [.disaster], localRisks: [.disaster: "flood"]),
                by: r.user("county"))
            #expect(approved.riskChoices == [CodeChoice(base: "disaster", local: "flood")])
            let reread = try #require(try await service.cases(in: nil, state: nil, by: cadre).first)
            #expect(reread.localRisks == [.disaster: "flood"])

            let entries = try await AuditService(r.environment).list(.init(action: "localCodeSet", scope: .everywhere), by: admin)
            #expect(Set(entries.map(\.entity)) == ["localCode:riskType:marriage", "localCode:riskType:flood"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aMeasureKeepsItsLocalKindAndCountsAsItsBase(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.clock) { r in
            let tea = try LocalCode(list: .measureKind, token: "teaGarden", label: Label("茶园帮扶", "tea garden"), base: "industry")
            let cadre = try await r.user("cadre")
            try await LocalCodeService(r.environment).add(tea, by: r.user("admin"))
            let service = AssistanceService(r.environment)
            func measure(_ local: String?) -> AssistanceMeasure {
                AssistanceMeasure(
                    household: Self.household, kind: .category(.industry), project: "油茶", amount: try! Money(yuan: "3000"), funding: .county,
                    deadline: nil, start: d("2022-04-01"), localKind: local)
            }
            // Only a code of the measure-kind list that refines the kind may be given.
            await #expect(throws: LocalCodeError.unknownCode(.measureKind, "marriage")) { try await service.record(measure("marriage"), by: cadre) }
            let (recorded, _) = try await service.record(measure("teaGarden"), by: cadre)
            let stored = try await service.measures(household: Self.household, area: nil, runningOn: nil, by: cadre)
            #expect(stored.map(\.kindChoice) == [CodeChoice(base: "2021:industry", local: "teaGarden")])
            #expect(stored.first?.kind == .category(.industry))
            #expect(recorded.number == 1)
        }
    }

    /// An applicant household's cause may be a local code: it must refine one of its causes.
    @Test func anApplicantsLocalCauseMustRefineOneOfItsCauses() async throws {
        try await SmallRegistry.with { r in
            let dowry = try LocalCode(list: .povertyCause, token: "dowry", label: Label("因彩礼", "bride price"), base: "marriage")
            try await LocalCodeService(r.environment).add(dowry, by: r.user("admin"))
            let service = EnrolmentService(r.environment)
            var application = try EnrolmentServiceTests.application()
            application.household.localCauses = ["dowry"]
            await #expect(throws: LocalCodeError.unknownCode(.povertyCause, "dowry")) {
                try await service.apply(application, on: d("2014-04-01"), note: "", by: r.user("cadre"))
            }
            application.household.mainCause = .marriage
            _ = try await service.apply(application, on: d("2014-04-01"), note: "", by: r.user("cadre"))
            let stored = try await r.environment.store.read {
                try await HouseholdQuery.household(county: "430481", EnrolmentServiceTests.number, $0.sql)
            }
            #expect(stored?.mainCause == .marriage && stored?.localCauses == ["dowry"])
        }
    }
}
