import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/surveys`: a county draws an approval survey from a seed, records answers, and the page shows
/// approval by village and in all with the sample size.
@Suite("Public approval surveys in the browser")
struct SurveysRoutesTests {
    static let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01

    @Test func aCountyDrawsASurveyRecordsAnswersAndSeesApprovalByVillage() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let county = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (h0, b0) = county.form(["area": "430481", "year": "2022", "title": "", "stratum": "village", "perStratum": "0", "seed": "7"])
                let refused = try await client.execute(uri: "/surveys", method: .post, headers: h0, body: b0)
                #expect(refused.status == .unprocessableContent)
                #expect(String(buffer: refused.body).contains("调查名称不能为空") && String(buffer: refused.body).contains("每个抽样单位抽取 0 户"))
                let (h1, b1) = county.form([
                    "area": "430481", "year": "2022", "title": "耒阳市群众认可度调查", "stratum": "village", "perStratum": "5", "seed": "7",
                    "drawnOn": "2022-05-30",
                ])
                let drawn = try await client.execute(uri: "/surveys", method: .post, headers: h1, body: b1)
                #expect(drawn.status == .seeOther && drawn.headers[.location] == "/surveys/430481-1?done=drawn")
                let page = try await TestApp.page(client, "/surveys/430481-1?done=drawn", cookie: county.cookie)
                #expect(page.contains("样本已抽取") && page.contains("随机种子 7") && page.contains("样本户（2 户）") && page.contains("尚未登记调查结果"))
                for (household, answer) in [("4304811002010001", "satisfied"), ("4304811002010002", "dissatisfied")] {
                    let (h, b) = county.form(["household": household, "answer": answer, "date": "2022-05-31", "note": ""])
                    #expect(try await client.execute(uri: "/surveys/430481-1/answer", method: .post, headers: h, body: b).status == .seeOther)
                }
                let (h2, b2) = county.form(["household": "4304811002019999", "answer": "satisfied", "date": "2022-05-31"])
                let notSampled = try await client.execute(uri: "/surveys/430481-1/answer", method: .post, headers: h2, body: b2)
                #expect(
                    notSampled.status == .unprocessableContent && String(buffer: notSampled.body).contains("户 4304811002019999 不在调查 430481-1 的样本中"))
                let answered = try await TestApp.page(client, "/surveys/430481-1", cookie: county.cookie)
                #expect(answered.contains("群众认可度 50.00%（调查 2 户，认可 1 户）"))
                #expect(
                    answered.contains(
                        "<th scope=\"row\">白溪村 <span class=\"code\">430481100201</span></th><td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">1</td>"
                    ))
                let list = try await TestApp.page(client, "/surveys", cookie: county.cookie)
                #expect(list.contains("<a href=\"/surveys/430481-1\">430481-1</a>") && list.contains("耒阳市群众认可度调查"))
                // A village cadre sees its village's households in the list but no survey of the county, and cannot draw.
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let hidden = try await client.execute(uri: "/surveys/430481-1", method: .get, headers: cadre.headers)
                #expect(hidden.status == .notFound)
                #expect(!(try await TestApp.page(client, "/surveys", cookie: cadre.cookie)).contains("id=\"draw-area\""))
            }
        }
    }
}
