import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/campaigns`: a county starts a campaign, its cadre records visits from the field form (as
/// the script sends them, and as a plain form), a resend is taken once, a photo is kept and
/// served, the township decides a difference, and the coverage figures follow the visits.
@Suite("Visit campaigns in the browser")
struct CampaignsRoutesTests {
    static let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 32)

    static func visit(_ id: String, household: String = "4304811002010001", at: String = "2022-05-20T10:00") -> [String: String] {
        var fields = ["id": id, "household": household, "visitedAt": at, "metWith": "户主本人", "income": "3000", "note": "浏览器登记"]
        for g in BasicGuarantee.allCases where g != .safeHousing { fields["secured." + g.token] = "1" }
        return fields
    }

    @Test func aCampaignIsStartedVisitedOnceFromTheFieldFormAndCovered() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let county = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (h0, b0) = county.form([
                    "kind": "fullCoverageVisit", "area": "430481", "title": "", "opens": "2022-05-01", "closes": "2022-04-01", "target": "enrolled",
                ])
                let refused = try await client.execute(uri: "/campaigns", method: .post, headers: h0, body: b0)
                #expect(refused.status == .unprocessableContent)
                #expect(String(buffer: refused.body).contains("活动名称不能为空") && String(buffer: refused.body).contains("活动期 2022-05-01 至 2022-04-01 不对"))
                let (h1, b1) = county.form([
                    "kind": "fullCoverageVisit", "area": "430481", "title": "入户调查全覆盖", "opens": "2022-05-01", "closes": "2022-06-30",
                    "target": "enrolled",
                ])
                let created = try await client.execute(uri: "/campaigns", method: .post, headers: h1, body: b1)
                #expect(created.status == .seeOther && created.headers[.location] == "/campaigns/430481-1?done=created")
                var page = try await TestApp.page(client, "/campaigns/430481-1", cookie: county.cookie)
                #expect(page.contains("走访覆盖率 0.00%（已走访 0 户 / 对象 2 户）") && page.contains("未走访户（2 户）"))

                // The cadre's field form lists both households, each with the registry facts' fingerprint.
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let field = try await TestApp.page(client, "/campaigns/430481-1/field", cookie: cadre.cookie)
                #expect(field.contains("4304811002010001 刘伟（白溪村）") && field.contains("<script src=\"/static/field.js\" defer></script>"))
                #expect(field.contains("data-basis=\"") && field.contains("name=\"secured.safeHousing\""))

                // As the script sends it: multipart with a photo, JSON back; the resend is a duplicate.
                var h = cadre.multipart(
                    Self.visit("0f8c2a8e-6a7b-4a43-9d0e-2f0a7c1d9b11"), files: [("photo.png", Data(Self.png))], fileField: "photo")
                h.0[.accept] = "application/json"
                let first = try await client.execute(uri: "/campaigns/430481-1/visits", method: .post, headers: h.0, body: h.1)
                #expect(first.status == .created)
                #expect(String(buffer: first.body).contains("\"duplicate\":false") && String(buffer: first.body).contains("\"differences\":1"))
                #expect(String(buffer: first.body).contains("\"leadFailed\":false"))
                let again = try await client.execute(uri: "/campaigns/430481-1/visits", method: .post, headers: h.0, body: h.1)
                #expect(again.status == .ok && String(buffer: again.body).contains("\"duplicate\":true"))
                let photo = try await client.execute(
                    uri: "/campaigns/430481-1/visits/0f8c2a8e-6a7b-4a43-9d0e-2f0a7c1d9b11/photo", method: .get, headers: county.headers)
                #expect(photo.status == .ok && photo.headers[.contentType] == "image/png" && Array(buffer: photo.body) == Self.png)
                // The city office sees the campaign but not a household's photo (no private access).
                let city = try await TestApp.signIn(client, username: "city", password: SmallRegistry.password)
                let hiddenPhoto = try await client.execute(
                    uri: "/campaigns/430481-1/visits/0f8c2a8e-6a7b-4a43-9d0e-2f0a7c1d9b11/photo", method: .get, headers: city.headers)
                #expect(hiddenPhoto.status == .forbidden)
                #expect(
                    !(try await TestApp.page(client, "/households/4304811002010001", cookie: city.cookie)).contains("/photo\""), "nor a link to it")
                // A time that is 16 bytes but not 16 characters is refused, not a crash.
                let odd = cadre.multipart(Self.visit("visit-odd-00001", at: "2020-10-12T09:é"), files: [])
                #expect(try await client.execute(uri: "/campaigns/430481-1/visits", method: .post, headers: odd.0, body: odd.1).status == .badRequest)
                // The household's page lists the visit, what was not secured, and its photo.
                let household = try await TestApp.page(client, "/households/4304811002010001", cookie: county.cookie)
                #expect(household.contains("走访排查记录") && household.contains("<td>2022-05-20 10:00</td><td>cadre</td><td>户主本人</td><td>住房安全有保障</td>"))
                #expect(household.contains("href=\"/campaigns/430481-1/visits/0f8c2a8e-6a7b-4a43-9d0e-2f0a7c1d9b11/photo\""))

                // A refusal comes back worded, as JSON to the script and on the page to a plain form.
                var late = cadre.multipart(Self.visit("visit-late-0001", household: "4304811002010002", at: "2022-07-01T09:00"), files: [])
                late.0[.accept] = "application/json"
                let lateAnswer = try await client.execute(uri: "/campaigns/430481-1/visits", method: .post, headers: late.0, body: late.1)
                #expect(lateAnswer.status == .unprocessableContent && String(buffer: lateAnswer.body).contains("走访日期 2022-07-01 应在活动期"))
                let notImage = cadre.multipart(
                    Self.visit("visit-svg-00001", household: "4304811002010002"), files: [("x.svg", Data("<svg/>".utf8))], fileField: "photo")
                #expect(
                    try await client.execute(uri: "/campaigns/430481-1/visits", method: .post, headers: notImage.0, body: notImage.1).status
                        == .badRequest)
                let plain = cadre.multipart(Self.visit("visit-plain-0001", household: "4304811002010002"), files: [])
                let posted = try await client.execute(uri: "/campaigns/430481-1/visits", method: .post, headers: plain.0, body: plain.1)
                #expect(posted.status == .seeOther && posted.headers[.location] == "/campaigns/430481-1/field?done=recorded")
                // Another village's cadre may not record a visit here.
                let other = try await TestApp.signIn(client, username: "othercadre", password: SmallRegistry.password)
                let foreign = other.multipart(Self.visit("visit-other-0001"), files: [])
                #expect(
                    try await client.execute(uri: "/campaigns/430481-1/visits", method: .post, headers: foreign.0, body: foreign.1).status
                        == .forbidden)

                page = try await TestApp.page(client, "/campaigns/430481-1", cookie: county.cookie)
                #expect(page.contains("走访覆盖率 100.00%（已走访 2 户 / 对象 2 户）") && page.contains("未走访户（0 户）"))
                #expect(page.contains("走访与登记信息不一致（待核实 2 项）") && page.contains("人均纯收入"))

                // The township decides one: once, with a reason.
                let township = try await TestApp.signIn(client, username: "township", password: SmallRegistry.password)
                let before = try await TestApp.page(client, "/campaigns/430481-1", cookie: township.cookie)
                #expect(before.contains("action=\"/campaigns/430481-1/differences/430481-1\""))
                // The township's worklist lists them, linking to the campaign's page.
                let worklist = try await TestApp.page(client, "/worklist", cookie: township.cookie)
                #expect(worklist.contains("待乡镇核实 2 项") && worklist.contains("<a href=\"/campaigns/430481-1#differences\">430481-1</a>"))
                let dashboard = try await TestApp.page(client, "/", cookie: township.cookie)
                #expect(dashboard.contains("2 项走访差异待乡镇核实") && dashboard.contains("#visit-differences"))
                let (h2, b2) = township.form(["decision": "registryStands", "reason": ""])
                let noReason = try await client.execute(uri: "/campaigns/430481-1/differences/430481-1", method: .post, headers: h2, body: b2)
                #expect(noReason.status == .unprocessableContent && String(buffer: noReason.body).contains("须填写核实意见"))
                let (hOpen, bOpen) = township.form(["decision": "open", "reason": "复核"])
                let notADecision = try await client.execute(
                    uri: "/campaigns/430481-1/differences/430481-1", method: .post, headers: hOpen, body: bOpen)
                #expect(notADecision.status == .unprocessableContent && String(buffer: notADecision.body).contains("核实结论应为"))
                let badKey = try await client.execute(uri: "/campaigns/430481-1/differences/x-1", method: .post, headers: hOpen, body: bOpen)
                #expect(badKey.status == .notFound && String(buffer: badKey.body).contains("找不到走访差异"))
                let (h3, b3) = township.form(["decision": "visitConfirmed", "reason": "复核属实"])
                #expect(
                    try await client.execute(uri: "/campaigns/430481-1/differences/430481-1", method: .post, headers: h3, body: b3).status
                        == .seeOther)
                let after = try await TestApp.page(client, "/campaigns/430481-1", cookie: township.cookie)
                #expect(after.contains("走访属实，须更正登记") && after.contains("township：复核属实") && !after.contains("differences/430481-1\""))
                #expect(try await TestApp.page(client, "/worklist", cookie: township.cookie).contains("待乡镇核实 1 项"))
                // The roster, as offices download it: each household with its cadre, visits and open differences.
                let csv = try await client.execute(uri: "/campaigns/430481-1?format=csv", method: .get, headers: county.headers)
                let lines = String(buffer: csv.body).split(separator: "\n").map(String.init)
                #expect(csv.status == .ok && csv.headers[.contentDisposition] == "attachment; filename=\"campaign-430481-1.csv\"")
                #expect(
                    lines == [
                        "\u{FEFF}户编号,村代码,走访责任人,是否已走访,走访次数,最近走访时间,未核实差异",
                        "4304811002010001,430481100201,cadre,是,1,2022-05-20 10:00,0", "4304811002010002,430481100201,cadre,是,1,2022-05-20 10:00,1",
                    ])
                let xlsx = try await client.execute(uri: "/campaigns/430481-1?format=xlsx", method: .get, headers: county.headers)
                #expect(xlsx.status == .ok && Array(buffer: xlsx.body).starts(with: Array("PK".utf8)))
                #expect(try await client.execute(uri: "/campaigns/430481-1?format=pdf", method: .get, headers: county.headers).status == .badRequest)
                // The county's campaigns are listed to the cadre of a village inside it.
                #expect(try await TestApp.page(client, "/campaigns", cookie: cadre.cookie).contains("<a href=\"/campaigns/430481-1\">430481-1</a>"))
            }
        }
    }

    @Test func theFieldScriptAndItsServiceWorkerAreServed() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let script = try await client.execute(uri: "/static/field.js", method: .get)
                #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: script.body).contains("localStorage") && String(buffer: script.body).contains("'X-CSRF-Token'"))
                let worker = try await client.execute(uri: "/field-sw.js", method: .get)
                #expect(worker.status == .ok && String(buffer: worker.body).contains("caches.open") && worker.headers[.cacheControl] == "no-cache")
            }
        }
    }
}
