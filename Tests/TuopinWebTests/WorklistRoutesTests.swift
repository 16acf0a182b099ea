import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/worklist` and the dashboard's alerts that open it: procedures past their deadlines, red-line
/// review items decided at the county with the reason, data-quality findings from a check run in
/// the background.
@Suite("Worklist and the dashboard's alerts")
struct WorklistRoutesTests {
    static let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01
    static let withAlerts: @Sendable (inout TuopinConfiguration) -> Void = { $0.dashboardQuality = true }

    /// The page at `uri` once it contains `text` (a background check may take a moment).
    static func page(_ client: some TestClientProtocol, _ uri: String, _ session: TestApp.Session, once text: String) async throws -> String {
        var html = ""
        for _ in 0..<400 {
            html = try await TestApp.page(client, uri, cookie: session.cookie)
            if html.contains(text) { return html }
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        Issue.record("\(uri) never showed \(text): \(html.components(separatedBy: "id=\"quality\"").last ?? "")")
        return html
    }

    @Test func theAlertsLeadToTheListsAndAReviewItemIsDecidedWithItsReason() async throws {
        // 刘伟's household declares 5 people in 2017 but has 3 members: DQ-012, an error.
        let fixture: (inout CSVFixture) -> Void = { $0.files[.incomes]![0][2] = "5" }
        try await SmallRegistry.with(clock: Self.clock, configure: Self.withAlerts, fixture: fixture) { registry in
            let county = try await registry.user("county")
            let lead = try await MonitoringService(registry.environment).lead(
                .init(household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: try CivilDate("2022-03-01"), risks: [.illness]),
                by: try await registry.user("cadre"))
            let feed = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).csv")
            try "id_number,date,amount,detail,exit_measure\n430481198001010013,2013-06-01,50000.00,湘D12345,false\n".write(
                to: feed, atomically: true, encoding: .utf8)
            _ = try await FeedService(registry.environment).importFeed(.vehicles, file: feed, by: county)
            let item = try #require(try await FeedService(registry.environment).items(in: nil, by: county).first?.reference)
            try await TestApp.make(store: registry.store, clock: registry.clock, configure: Self.withAlerts).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let dashboard = try await Self.page(client, "/", session, once: "条数据质量错误")
                #expect(dashboard.contains("<a href=\"/worklist?area=430481#overdue\">1 户风险线索已超过识别期限"))
                #expect(dashboard.contains("<a href=\"/worklist?area=430481#review\">1 项红线疑点待核查"))
                #expect(dashboard.contains("<a href=\"/worklist?area=430481#quality\">3 条数据质量错误"), "DQ-012 among them")

                let list = try await Self.page(client, "/worklist?area=430481", session, once: "数据质量问题（错误 3 条")
                #expect(list.contains("超过识别期限仍未完成") && list.contains(lead.reference) && list.contains("<a href=\"/households/4304811002010001\">"))
                #expect(list.contains(item) && list.contains("RL-03 购买 3 万元以上车辆") && list.contains("湘D12345"))
                #expect(list.contains("<td class=\"code\">DQ-012</td>"), "the rule with its finding")

                let uri = "/worklist/review/\(item)"
                let (noReason, body) = session.form(["decision": "confirmed", "reason": " ", "area": "430481"])
                let refused = try await client.execute(uri: uri, method: .post, headers: noReason, body: body)
                #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("id=\"error-\(item)\""))
                let (headers, decided) = session.form(["decision": "dismissed", "reason": "车辆为亲属所有，核实不属实", "area": "430481"])
                try await client.execute(uri: uri, method: .post, headers: headers, body: decided) { r in
                    #expect(r.status == .seeOther && r.headers[.location] == "/worklist?area=430481&done=review#review")
                }
                let after = try await TestApp.page(client, "/worklist?area=430481&done=review", cookie: session.cookie)
                #expect(after.contains("核查结论已记录") && after.contains("待核查的红线疑点（0 项）"))

                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let read = try await Self.page(client, "/worklist", cadre, once: "超过识别期限仍未完成")
                #expect(!read.contains("name=\"decision\""), "a village cadre reads the lists and decides nothing")
            }
        }
    }

    @Test func withoutTheDashboardCheckOnlyTheWorklistStartsIt() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let before = try await TestApp.page(client, "/", cookie: session.cookie)
                try await Task.sleep(nanoseconds: 300_000_000)
                let still = try await TestApp.page(client, "/", cookie: session.cookie)
                #expect(!still.contains("条数据质量错误"), "the dashboard sets no check running")
                #expect(before.contains("<a href=\"/worklist?area=430481#quality\">今日的数据质量尚未检查"), "it links to where one runs")
                let first = try await TestApp.page(client, "/worklist", cookie: session.cookie)
                #expect(first.contains("正在检查本区域的数据质量") && first.contains("http-equiv=\"refresh\""))
                let ready = try await Self.page(client, "/worklist", session, once: "数据质量问题（错误 1 条")
                #expect(ready.contains("按 2022-06-01 08:00:00 时的登记数据检查") && !ready.contains("http-equiv=\"refresh\""))
                let dashboard = try await TestApp.page(client, "/", cookie: session.cookie)
                #expect(dashboard.contains("<a href=\"/worklist?area=430481#quality\">1 条数据质量错误"), "the alert shows the worklist's check")
            }
        }
    }
}
