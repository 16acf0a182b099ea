import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/findings`: the rectification ledger in the browser. A finding is recorded by the county,
/// rectified with evidence by the township, refused closure by the same role, closed by the
/// county; the ledger's figures and the overdue marks follow.
@Suite("Findings and their rectification in the browser")
struct FindingsRoutesTests {
    static let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01

    @Test func aFindingGoesFromOpenToClosedWithEvidenceVerifiedByAnotherRole() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let county = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let empty = try await TestApp.page(client, "/findings", cookie: county.cookie)
                #expect(empty.contains("问题清单：0 个，其中逾期 0 个") && empty.contains("登记问题"))

                // Refused at the form, with what was typed kept.
                let (h0, b0) = county.form([
                    "area": SmallRegistry.village, "source": "petition", "category": "assistance", "unit": "某镇人民政府", "foundOn": "2022-05-01",
                    "deadline": "2022-04-01", "description": "产业帮扶资金未到户",
                ])
                let refused = try await client.execute(uri: "/findings", method: .post, headers: h0, body: b0)
                let refusedPage = String(buffer: refused.body)
                #expect(refused.status == .unprocessableContent)
                #expect(refusedPage.contains("整改时限 2022-04-01 早于发现日期 2022-05-01") && refusedPage.contains(">产业帮扶资金未到户</textarea>"))

                let (h1, b1) = county.form([
                    "area": SmallRegistry.village, "source": "petition", "category": "assistance", "unit": "某镇人民政府", "foundOn": "2022-05-01",
                    "deadline": "2022-05-20", "description": "产业帮扶资金未到户", "household": "4304811002010001",
                ])
                let recorded = try await client.execute(uri: "/findings", method: .post, headers: h1, body: b1)
                #expect(recorded.status == .seeOther && recorded.headers[.location] == "/findings/430481-1?done=recorded")
                let page = try await TestApp.page(client, "/findings/430481-1", cookie: county.cookie)
                #expect(page.contains("已超过整改时限 2022-05-20，逾期 12 天") && page.contains("<a href=\"/households/4304811002010001\">"))
                // The county recorded it and may not rectify at a township's place? It may: it is a county office. The township does here.
                let township = try await TestApp.signIn(client, username: "township", password: SmallRegistry.password)
                let noEvidence = township.form(["kind": "rectified", "date": "2022-05-25", "note": "", "evidence": " "])
                let r0 = try await client.execute(uri: "/findings/430481-1/step", method: .post, headers: noEvidence.0, body: noEvidence.1)
                #expect(r0.status == .unprocessableContent && String(buffer: r0.body).contains("整改佐证材料须填写"))
                let rectify = township.form(["kind": "rectified", "date": "2022-05-25", "note": "资金已拨付", "evidence": "拨付凭证 3 张"])
                let r1 = try await client.execute(uri: "/findings/430481-1/step", method: .post, headers: rectify.0, body: rectify.1)
                #expect(r1.status == .seeOther)
                // The township cannot verify its own rectification.
                let selfClose = township.form(["kind": "closed", "date": "2022-05-26", "note": ""])
                let r2 = try await client.execute(uri: "/findings/430481-1/step", method: .post, headers: selfClose.0, body: selfClose.1)
                #expect(r2.status == .unprocessableContent && String(buffer: r2.body).contains("验收销号须由整改人以外的其他角色办理"))
                let close = county.form(["kind": "closed", "date": "2022-05-27", "note": "抽查属实"])
                let r3 = try await client.execute(uri: "/findings/430481-1/step", method: .post, headers: close.0, body: close.1)
                #expect(r3.status == .seeOther && r3.headers[.location] == "/findings/430481-1?done=closed")
                let closed = try await TestApp.page(client, "/findings/430481-1?done=closed", cookie: county.cookie)
                #expect(closed.contains("已验收销号") && closed.contains("拨付凭证 3 张") && closed.contains("township（乡镇干部）"))
                #expect(!closed.contains("id=\"step-kind\""), "a closed finding offers no step")
                let list = try await TestApp.page(client, "/findings?state=closed", cookie: county.cookie)
                #expect(list.contains("问题清单：1 个，其中逾期 0 个") && list.contains("<a href=\"/findings/430481-1\">430481-1</a>"))
                #expect(
                    list.contains(
                        "<th scope=\"row\">信访</th><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"))
            }
        }
    }

    @Test func scopeAndRolesDecideWhatIsShownAndOffered() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            let service = FindingService(registry.environment)
            let f = try await service.record(
                Finding(
                    area: try AdminCode(SmallRegistry.village), source: .audit, category: .funds, description: "资金闲置", responsibleUnit: "县财政局",
                    foundOn: try CivilDate("2022-05-01"), deadline: try CivilDate("2022-05-10"), recordedBy: ""),
                by: try await registry.user("county"))
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let other = try await TestApp.signIn(client, username: "othercadre", password: SmallRegistry.password)
                let hidden = try await client.execute(uri: "/findings/\(f.key)", method: .get, headers: other.headers)
                #expect(hidden.status == .notFound && String(buffer: hidden.body).contains("在您的管辖范围内找不到问题 430481-1"))
                let bad = try await client.execute(uri: "/findings/430481-x", method: .get, headers: other.headers)
                #expect(bad.status == .notFound)
                let inspector = try await TestApp.signIn(client, username: "inspector", password: SmallRegistry.password)
                let seen = try await TestApp.page(client, "/findings/\(f.key)", cookie: inspector.cookie)
                #expect(seen.contains("资金闲置") && !seen.contains("id=\"step-kind\""), "an inspector reads and acts on nothing")
                let list = try await TestApp.page(client, "/findings?overdue=1", cookie: inspector.cookie)
                #expect(list.contains("（逾期 22 天）") && !list.contains("id=\"new-area\""))
                let (h, b) = inspector.form([
                    "area": "430481", "source": "audit", "category": "funds", "unit": "x", "deadline": "2022-07-01", "description": "x",
                ])
                #expect(try await client.execute(uri: "/findings", method: .post, headers: h, body: b).status == .forbidden)
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let offered = try await TestApp.page(client, "/findings/\(f.key)", cookie: cadre.cookie)
                #expect(offered.contains("<option value=\"progress\" selected>整改进展</option><option value=\"rectified\">整改完成</option>"))
            }
        }
    }
}
