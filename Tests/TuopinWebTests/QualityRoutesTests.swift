import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/reports/quality`: R-10 by child area from the recorded sample checks and the approval
/// surveys, with its downloads; worded refusals for a bad year and an area outside the scope.
@Suite("Quality KPIs (R-10) in the browser")
struct QualityRoutesTests {
    static let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01

    @Test func theKpisShowByVillageWithTheirSamplesAndDownload() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            let city = try await registry.user("city")
            let service = QualityAssessmentService(registry.environment)
            _ = try await service.record(
                area: AdminCode(SmallRegistry.village), year: 2022, body: .provincial,
                sample: QualitySample(sampledExited: 150, wronglyExited: 2, sampledEnrolled: 80, wronglyIncluded: 1), by: city)
            _ = try await service.record(
                area: AdminCode(SmallRegistry.otherVillage), year: 2022, body: .national,
                sample: QualitySample(sampledNonEnrolled: 40, verifiedMissed: 1),
                by: city)
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let html = try await TestApp.page(client, "/reports/quality?area=430481100&year=2022", cookie: session.cookie)
                #expect(html.contains("R-10 三率一度：黄市镇（430481100），2022 年"))
                // The total, then each village linked down with its rates and samples.
                #expect(
                    html.contains(
                        "<tr class=\"total\"><th scope=\"row\">黄市镇</th><td class=\"num\">0.20%<br><small>4 / 2,000</small></td><td class=\"num\">1.33%<br><small>2 / 150</small></td>"
                    ))
                #expect(html.contains("<a href=\"/reports/quality?area=430481100201&amp;year=2022\">白溪村</a>"))
                #expect(html.contains("<td class=\"num\">2.50%<br><small>1 / 40</small></td>"), "石湾村's missed rate is over 2%")
                #expect(
                    html.contains("<td class=\"verdict unmet\">未达标</td><td class=\"num\">1.25%<br><small>1 / 80</small></td>"),
                    "the wrong-inclusion rate beside the verdict")
                #expect(html.contains("综合贫困发生率 0.20%，低于 2%（未脱贫 1 + 漏评 1 + 错退 2，农村户籍人口 2,000）") && html.contains("错退率 1.33%（抽查 150 人中 2 人），不超过 2%"))
                #expect(html.contains("<td class=\"num\">—</td>") && html.contains("没有认可度调查：本年度调查中没有已访问的户"))

                let csv = try await client.execute(
                    uri: "/reports/quality?area=430481100&year=2022&format=csv", method: .get, headers: session.headers)
                #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = String(buffer: csv.body).split(separator: "\n")
                #expect(lines.count == 4 && lines[1] == "430481100,黄市镇,0.20,150,2,1.33,40,1,2.50,80,1,1.25,0,0,,未达标")
                let xlsx = try await client.execute(
                    uri: "/reports/quality?area=430481100&year=2022&format=xlsx", method: .get, headers: session.headers)
                #expect(xlsx.status == .ok && Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))

                let badYear = try await client.execute(uri: "/reports/quality?year=0", method: .get, headers: session.headers)
                #expect(badYear.status == .badRequest && String(buffer: badYear.body).contains("年度 0 不在 1949–2100 之间"))
                #expect(
                    try await client.execute(uri: "/reports/quality?area=430424&year=2022", method: .get, headers: session.headers).status
                        == .forbidden)
                // From the roll-up page, a link to R-10 of the same area and year.
                let reports = try await TestApp.page(client, "/reports?area=430481100&as-of=2022-05-31", cookie: session.cookie)
                #expect(reports.contains("<a href=\"/reports/quality?area=430481100&amp;year=2022\">R-10 三率一度</a>"))
            }
        }
    }
}
