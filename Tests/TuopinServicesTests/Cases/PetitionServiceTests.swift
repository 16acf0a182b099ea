import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

@Suite("Petitions and public opinion through the service", .serialized)
struct PetitionServiceTests {
    static var june2022: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func petition(deadline: String = "2022-06-30", channel: PetitionChannel = .letter) -> Petition {
        Petition(
            area: try! AdminCode(SmallRegistry.village), channel: channel, category: .assistance, receivedOn: d("2022-05-01"),
            content: "反映公益岗位补贴未按时发放", petitionerName: "王建国", petitionerPhone: "13800000000", household: try! HouseholdNumber("4304811002010001"),
            deadline: d(deadline))
    }

    @Test(arguments: TestDatabase.available)
    func aPetitionIsAssignedRepliedEscalatedAndClosedWithThePetitionersDataKeptPrivate(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = PetitionService(r.environment)
            let county = try await r.user("county")
            let p = try await service.receive(petition(), by: county)
            #expect(p.key == PetitionKey(county: "430481", number: 1) && p.state == .received && p.petitionerName == "王建国")
            try await service.take(.assign(unit: "黄市镇人民政府", deadline: d("2022-05-20")), on: d("2022-05-02"), petition: p.key, by: county)
            // The reply is the unit's: a township officer answers; the county may not rate before a reply.
            await #expect(throws: PetitionError.self) {
                try await service.take(.rate(.satisfied, note: ""), on: d("2022-05-03"), petition: p.key, by: county)
            }
            try await service.take(.reply("补贴已于 5 月 10 日补发"), on: d("2022-05-10"), petition: p.key, by: r.user("township"))
            try await service.take(.rate(.dissatisfied, note: "少发一个月"), on: d("2022-05-12"), petition: p.key, by: county)
            let escalated = try await service.take(
                .escalate(unit: "耒阳市人社局", deadline: d("2022-06-10"), reason: "信访人不满意"), on: d("2022-05-13"), petition: p.key, by: county)
            #expect(escalated.state == .assigned && escalated.escalations == 1)
            try await service.take(.reply("已补发 5 月补贴"), on: d("2022-05-20"), petition: p.key, by: county)
            let closed = try await service.take(.rate(.satisfied, note: ""), on: d("2022-05-22"), petition: p.key, by: county)
            #expect(closed.state == .closed && closed.closedOn == d("2022-05-22"))
            let (_, steps) = try await service.file(p.key, by: county)
            #expect(steps.map(\.kind) == [.received, .assigned, .replied, .rated, .escalated, .replied, .rated])
            // Private by default: the city office (no private access) sees the surname masked and no phone.
            let seen = try await service.petition(p.key, by: r.user("city"))
            #expect(seen.petitionerName == "王**" && seen.petitionerPhone == "" && seen.content == "反映公益岗位补贴未按时发放")
            // … and the audit log never holds them.
            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            let entries = audit.filter { $0.action.hasPrefix("petition") }
            #expect(entries.count == 7)
            #expect(!String(describing: entries).contains("王建国") && !String(describing: entries).contains("13800000000"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func overdueScopeAndTheR12Report(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = PetitionService(r.environment)
            let county = try await r.user("county")
            for name in ["cadre", "township", "inspector"] {
                await #expect(throws: AccessDenied.self, "\(name)") { _ = try await service.receive(petition(), by: r.user(name)) }
            }
            let late = try await service.receive(petition(deadline: "2022-05-25"), by: county)  // overdue on 06-01
            _ = try await service.receive(petition(channel: .publicOpinion), by: county)
            #expect(try await service.petitions(in: nil, overdue: true, by: county).map(\.key) == [late.key])
            // The default reply deadline is a policy parameter (60 days, seeded), changed by an administrator.
            #expect(try await service.defaultDeadline(receivedOn: d("2022-05-01")) == d("2022-06-30"))
            try await PolicyService(r.environment).save(
                .init(name: .petitionReplyDays, value: 15, confirmed: true, source: "县信访局规定"), by: r.user("admin"))
            #expect(try await service.defaultDeadline(receivedOn: d("2022-05-01")) == d("2022-05-16"))
            // The city office receives a petition without seeing the name it typed back.
            let byCity = try await service.receive(petition(deadline: "2022-07-31"), by: r.user("city"))
            #expect(byCity.petitionerName == "王**" && byCity.petitionerPhone == "")
            await #expect(throws: PetitionError.notFound(late.key.description)) { _ = try await service.petition(late.key, by: r.user("othercadre")) }
            let report = try await service.report(in: try AdminCode("430481"), by: county)
            #expect(report.total.total == 3 && report.total.overdue == 1 && report.total.open == 3)
            #expect(report.byChannel.map(\.key) == [.letter, .publicOpinion])
            #expect(report.byArea.map(\.name) == ["黄市镇"] && report.byArea.map(\.code) == ["430481100"] && report.byArea[0].tally.total == 3)
        }
    }
}
