import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

@Suite("The rectification ledger through the service", .serialized)
struct FindingServiceTests {
    static var june2022: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func finding(area: String = SmallRegistry.village, deadline: String = "2022-05-31", source: FindingSource = .inspectionTour) -> Finding {
        Finding(
            area: try! AdminCode(area), source: source, category: .data, description: "扶贫手册收入与系统不一致",
            responsibleUnit: "某镇人民政府", foundOn: d("2022-05-01"), deadline: d(deadline), recordedBy: "")
    }

    @Test(arguments: TestDatabase.available)
    func aFindingGoesFromOpenToClosedWithEvidenceVerifiedByAnotherRole(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = FindingService(r.environment)
            let county = try await r.user("county")
            let township = try await r.user("township")
            let f = try await service.record(finding(), by: county)
            #expect(f.key == FindingKey(county: "430481", number: 1) && f.recordedBy == "county" && f.state == .inProgress)
            #expect(try await service.record(finding(), by: county).key.number == 2)
            try await service.take(.progress(note: "已入户核实", evidence: ""), on: d("2022-05-10"), finding: f.key, by: township)
            let rectified = try await service.take(.rectified(evidence: "整改报告及照片", note: ""), on: d("2022-05-20"), finding: f.key, by: township)
            #expect(rectified.state == .rectified && rectified.rectifiedBy == "township")
            // The township may not verify its own rectification: another role must.
            await #expect(throws: FindingError.self) {
                try await service.take(.closed(note: ""), on: d("2022-05-21"), finding: f.key, by: township)
            }
            // A village cadre may not verify at all.
            await #expect(throws: AccessDenied.self) {
                try await service.take(.closed(note: ""), on: d("2022-05-21"), finding: f.key, by: r.user("cadre"))
            }
            let closed = try await service.take(.closed(note: "抽查属实"), on: d("2022-05-22"), finding: f.key, by: county)
            #expect(closed.state == .closed && closed.closedOn == d("2022-05-22"))
            let (stored, steps) = try await service.file(f.key, by: township)
            #expect(stored == closed)
            #expect(steps.map(\.kind) == [.recorded, .progress, .rectified, .closed])
            #expect(steps.map(\.username) == ["county", "township", "township", "county"])
            #expect(steps[2].evidence == "整改报告及照片" && steps[2].role == .townshipOfficer)
            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.filter { $0.action == "findingRecorded" }.count == 2)
            #expect(audit.filter { $0.action == "findingStep" }.count == 3)
        }
    }

    @Test(arguments: TestDatabase.available)
    func scopeRolesAndWordedRefusals(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = FindingService(r.environment)
            let county = try await r.user("county")
            // Only county and city offices record findings; inspectors change nothing.
            for name in ["cadre", "township", "inspector"] {
                await #expect(throws: AccessDenied.self, "\(name)") { _ = try await service.record(finding(), by: r.user(name)) }
            }
            // Outside the county's scope, and an area the registry does not know.
            await #expect(throws: AccessDenied.self) { _ = try await service.record(finding(area: "430424"), by: county) }
            await #expect(throws: FindingError.areaNotFound("430481100299")) {
                _ = try await service.record(finding(area: "430481100299"), by: county)
            }
            var bad = finding(deadline: "2022-04-30")
            bad.description = " "
            do {
                _ = try await service.record(bad, by: county)
                Issue.record("a finding without a description was recorded")
            } catch let error as FindingError {
                let words = error.message(try Localizer.load(.zh))
                #expect(words.contains("问题描述不能为空") && words.contains("整改时限 2022-04-30 早于发现日期 2022-05-01"), "\(words)")
            }
            // A finding of the city is not visible to a county user, nor one of another village to its cadre.
            let cityFinding = try await service.record(finding(area: "430400"), by: r.user("city"))
            #expect(cityFinding.key == FindingKey(county: "430400", number: 1))
            await #expect(throws: FindingError.notFound("430400-1")) { _ = try await service.finding(cityFinding.key, by: county) }
            let village = try await service.record(finding(), by: county)
            await #expect(throws: FindingError.notFound(village.key.description)) {
                _ = try await service.finding(village.key, by: r.user("othercadre"))
            }
            #expect(try await service.findings(in: nil, by: r.user("cadre")).map(\.key) == [village.key])
            #expect(try await service.findings(in: nil, by: r.user("city")).count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func overdueListsAndTheLedgerByAreaSourceAndUnit(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = FindingService(r.environment)
            let county = try await r.user("county")
            let late = try await service.record(finding(deadline: "2022-05-15", source: .petition), by: county)  // overdue on 06-01
            let inTime = try await service.record(finding(deadline: "2022-06-30"), by: county)
            let rectifiedLate = try await service.record(finding(deadline: "2022-05-20", source: .audit), by: county)
            try await service.take(.rectified(evidence: "凭证", note: ""), on: d("2022-05-25"), finding: rectifiedLate.key, by: r.user("cadre"))
            _ = try await service.record(finding(area: "430481", deadline: "2022-05-02", source: .audit), by: county)  // the county's own, overdue
            let overdue = try await service.overdue(in: nil, by: county)
            #expect(overdue.map(\.area.rawValue) == ["430481", SmallRegistry.village])
            #expect(overdue[1].key == late.key && overdue[1].daysOverdue(on: d("2022-06-01")) == 17)
            #expect(try await service.overdue(in: nil, by: r.user("cadre")).map(\.key) == [late.key])
            _ = inTime
            let ledger = try await service.ledger(in: try AdminCode("430481"), by: county)
            #expect(ledger.total.total == 4 && ledger.total.overdue == 2 && ledger.total.rectified == 1 && ledger.total.inProgress == 3)
            #expect(ledger.bySource.map(\.key) == [.inspectionTour, .audit, .petition])
            #expect(ledger.bySource.map(\.tally.total) == [1, 2, 1])
            #expect(ledger.byArea.map(\.code) == ["430481100"] && ledger.byArea[0].tally.total == 3)
            #expect(ledger.atAreaItself?.total == 1 && ledger.atAreaItself?.overdue == 1)
            // The children and the area's own findings add up to the area.
            #expect(ledger.byArea.map(\.tally.total).reduce(0, +) + (ledger.atAreaItself?.total ?? 0) == ledger.total.total)
            #expect(ledger.byUnit.map(\.key) == ["某镇人民政府"])
        }
    }
}
