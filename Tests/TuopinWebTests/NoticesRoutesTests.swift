import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/notices`: the village notice of the households at the notice step, printable, with names,
/// sizes and categories and nothing private.
@Suite("Public notice page")
struct NoticesRoutesTests {
    @Test func theVillageNoticeListsTheHouseholdAtItsNoticeStepAndNothingPrivate() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01
        try await SmallRegistry.with(clock: clock) { registry in
            let service = MonitoringService(registry.environment)
            let cadre = try await registry.user("cadre")
            let lead = try await service.lead(
                .init(
                    household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: try CivilDate("2022-03-01"),
                    risks: [.illness], note: "走访发现"), by: cadre)
            for record in [StepRecord(date: try CivilDate("2022-03-02"), consentSigned: true), StepRecord(date: try CivilDate("2022-03-03"))] {
                _ = try await service.complete(lead.reference, record, by: cadre)
            }
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                func page(_ uri: String) async throws -> (HTTPResponse.Status, String) {
                    let r = try await client.execute(uri: uri, method: .get, headers: session.headers)
                    return (r.status, String(buffer: r.body))
                }
                let (before, early) = try await page("/notices?from=2022-03-05&to=2022-03-09")
                #expect(before == .ok && early.contains("目前没有处于公示环节的农户"), "still at the appraisal: nobody on the notice yet")
                _ = try await service.complete(lead.reference, StepRecord(date: try CivilDate("2022-03-04")), by: cadre)
                let (status, html) = try await page("/notices?from=2022-03-05&to=2022-03-09")
                #expect(status == .ok)
                #expect(html.contains("<h1>白溪村防止返贫监测对象识别公示</h1>") && html.contains("公示期 5 天：2022-03-05 至 2022-03-09"))
                #expect(html.contains("<td>1</td><td>刘伟</td><td>3</td><td>待审定</td>"))
                #expect(!html.contains("430481198001010013") && !html.contains("因病") && !html.contains("13800000000"))
                #expect(try await page("/notices?village=430481100202").0 == .forbidden, "another village's notice")
                #expect(try await page("/notices?purpose=enrolment").0 == .badRequest)
                #expect(try await page("/notices?from=2022-03-09&to=2022-03-05").0 == .badRequest)
            }
        }
    }
}
