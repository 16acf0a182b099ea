import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinDemo
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/reports` on the demo county: a roll-up with the press statement, links down to the
/// townships, and the same figures as CSV and Excel.
@Suite("Reports page")
struct ReportsRoutesTests {
    @Test func theCountyOfficeReadsAndDownloadsARollUp() async throws {
        let store = try await DemoFixture.shared.store()
        try await TestApp.make(store: store).test(.router) { client in
            let session = try await TestApp.signIn(client, username: "county.office", password: DemoUsers.password)
            let r = try await client.execute(uri: "/reports?report=R-03&as-of=2020-10-15", method: .get, headers: session.headers)
            let html = String(buffer: r.body)
            #expect(r.status == .ok && html.contains("R-03") && html.contains("耒阳市"))
            #expect(html.contains("贫困户总户数14466户43172人，已脱贫13454户40974人，未脱贫1012户2198人，贫困发生率下降至0.18%"))
            #expect(html.contains("<h2>主要致贫原因</h2>") && html.contains("<h2>年龄段</h2>"))
            // Incidence by year since enrolment, its last point the date shown.
            #expect(html.contains("aria-label=\"耒阳市 贫困发生率（2014–2020 年末）\"") && html.contains("text-anchor=\"middle\">0.18%</text>"))
            #expect(html.contains("href=\"/reports?report=R-03&amp;area=430481100&amp;as-of=2020-10-15\""), "a link down to each township")
            let csv = try await client.execute(uri: "/reports?report=R-03&as-of=2020-10-15&format=csv", method: .get, headers: session.headers)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"R-03-430481-2020-10-15.csv\"")
            let text = String(buffer: csv.body)
            #expect(text.contains("area_code,area_name,dimension") && text.contains("430481,耒阳市,主要致贫原因") && text.contains("430481100,"))
            let xlsx = try await client.execute(uri: "/reports?report=R-06&as-of=2020-10-15&format=xlsx", method: .get, headers: session.headers)
            #expect(xlsx.status == .ok && Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            #expect(try await client.execute(uri: "/reports?report=R-99", method: .get, headers: session.headers).status == .badRequest)
            #expect(try await client.execute(uri: "/reports?area=430424", method: .get, headers: session.headers).status == .forbidden)
        }
    }
}
