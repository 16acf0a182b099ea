import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/petitions`: a petition received by the county, replied by the township, its petitioner's
/// name masked for the city office, rated and closed; R-12 on the list.
@Suite("Petitions and public opinion in the browser")
struct PetitionsRoutesTests {
    static let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01

    @Test func aPetitionIsReceivedAssignedRepliedAndClosedWithThePetitionerMaskedForOthers() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let county = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (h0, b0) = county.form(["area": SmallRegistry.village, "channel": "phone", "category": "policy", "content": " ", "name": "王建国"])
                let refused = try await client.execute(uri: "/petitions", method: .post, headers: h0, body: b0)
                #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("信访内容不能为空"))
                let (h1, b1) = county.form([
                    "area": SmallRegistry.village, "channel": "phone", "category": "policy", "content": "反映医保报销未到账", "name": "王建国",
                    "phone": "13800000000", "receivedOn": "2022-05-01",
                ])
                let received = try await client.execute(uri: "/petitions", method: .post, headers: h1, body: b1)
                #expect(received.status == .seeOther && received.headers[.location] == "/petitions/430481-1?done=received")
                let page = try await TestApp.page(client, "/petitions/430481-1", cookie: county.cookie)
                #expect(page.contains("王建国 13800000000") && page.contains("2022-06-30"), "the default deadline is 60 days after receipt")
                let assign = county.form(["kind": "assigned", "date": "2022-05-02", "unit": "黄市镇人民政府", "deadline": "2022-05-20"])
                #expect(
                    try await client.execute(uri: "/petitions/430481-1/step", method: .post, headers: assign.0, body: assign.1).status == .seeOther)
                let township = try await TestApp.signIn(client, username: "township", password: SmallRegistry.password)
                let reply = township.form(["kind": "replied", "date": "2022-05-10", "text": "已协调县医保局，报销款已到账"])
                #expect(try await client.execute(uri: "/petitions/430481-1/step", method: .post, headers: reply.0, body: reply.1).status == .seeOther)
                // The city office sees the petition with the petitioner masked.
                let city = try await TestApp.signIn(client, username: "city", password: SmallRegistry.password)
                let masked = try await TestApp.page(client, "/petitions/430481-1", cookie: city.cookie)
                #expect(masked.contains("王**") && !masked.contains("王建国") && !masked.contains("13800000000"))
                let rate = county.form(["kind": "rated", "date": "2022-05-12", "answer": "satisfied", "text": ""])
                let r = try await client.execute(uri: "/petitions/430481-1/step", method: .post, headers: rate.0, body: rate.1)
                #expect(r.headers[.location] == "/petitions/430481-1?done=rated")
                let list = try await TestApp.page(client, "/petitions", cookie: county.cookie)
                #expect(list.contains("信访件：1 件") && list.contains("已办结"))
                #expect(
                    list.contains("<th scope=\"row\">来电（含 12317 热线）</th><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td>"))
                #expect(list.contains("<td class=\"num\">100.0</td>"), "the satisfaction of those asked")
            }
        }
    }
}
