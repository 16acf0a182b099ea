import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/households` and `/households/{number}` on the small registry: household 1 (刘伟, head;
/// 李芳; 刘浩; exited in 2017) and household 2 (王强, not yet out), both in 白溪村.
@Suite("Households: search, list and a household's file")
struct HouseholdsRoutesTests {
    static func page(_ client: some TestClientProtocol, _ uri: String, _ session: TestApp.Session) async throws -> (HTTPResponse.Status, String) {
        let r = try await client.execute(uri: uri, method: .get, headers: session.headers)
        return (r.status, String(buffer: r.body))
    }

    /// A household's page is kept while nothing is committed: each session still gets its own
    /// form token, each user their own page, and a change committed anywhere shows at once.
    @Test func aKeptHouseholdPageCarriesEachSessionsTokenAndShowsEveryCommit() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let uri = "/households/4304811002010002"
                let first = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let second = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                #expect(first.csrf != second.csrf)
                let (_, a) = try await Self.page(client, uri, first)
                let (_, b) = try await Self.page(client, uri, second)
                let (_, again) = try await Self.page(client, uri, first)
                #expect(a == again, "the kept page, served again")
                let (_, unknownDone) = try await Self.page(client, uri + "?done=anything", first)
                #expect(unknownDone == a, "an unknown confirmation is no confirmation (and no page of its own)")
                #expect(a.contains("value=\"\(first.csrf)\"") && !a.contains(second.csrf))
                #expect(b.contains("value=\"\(second.csrf)\"") && !b.contains(first.csrf))
                #expect(a.replacingOccurrences(of: first.csrf, with: second.csrf) == b, "the same page around each session's token")
                let (_, c) = try await Self.page(client, uri, cadre)
                #expect(a.contains("id=\"exit-override\"") && !c.contains("id=\"exit-override\""), "each user their own page")
                #expect(!a.contains("13907340000"))
                try await HouseholdService(registry.environment).editContact(
                    try HouseholdNumber("4304811002010002"), .init(phone: "13907340000", bankAccount: nil, plannedExitYear: nil),
                    by: try await registry.user("county"))
                let (_, changed) = try await Self.page(client, uri, first)
                #expect(changed.contains("13907340000"), "a commit outside the web shows on the next request")
            }
        }
    }

    @Test func searchFindsByNameIdNumberAndHouseholdNumberAndMasksIdNumbers() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (status, all) = try await Self.page(client, "/households", session)
                #expect(status == .ok && all.contains("共 2 户，第 1 / 1 页"))
                #expect(all.contains("href=\"/households/4304811002010001\"") && all.contains("href=\"/households/4304811002010002\""))
                #expect(all.contains("刘伟") && all.contains("王强"), "the county office may see names")
                #expect(all.contains("430481************") && !all.contains("430481198001010013"), "ID numbers are masked in the list")
                #expect(all.contains("<a href=\"/households\">农户</a>"), "the navigation links the list")
                let cases: [(String, [String])] = [
                    ("q=%E6%9D%8E", ["4304811002010001"]),  // 李 (李芳, a member, not the head)
                    ("q=430424195512310033", ["4304811002010002"]),  // 王强's ID number
                    ("q=43048110020100", ["4304811002010001", "4304811002010002"]),  // a household-number prefix
                    ("status=exitedWithPolicies", ["4304811002010001"]),
                    ("attribute=dibao", ["4304811002010002"]),
                    ("cause=illness", ["4304811002010001"]),
                    ("monitored=1", []),
                    ("q=%25", []),  // "%" is a character, not a wildcard
                    ("q=_", []),
                    ("area=430481100202", []),
                ]
                for (query, expected) in cases {
                    let (status, html) = try await Self.page(client, "/households?" + query, session)
                    #expect(status == .ok, "\(query)")
                    #expect(html.contains("共 \(expected.count) 户"), "\(query)")
                    for number in ["4304811002010001", "4304811002010002"] {
                        #expect(html.contains("href=\"/households/\(number)\"") == expected.contains(number), "\(query) \(number)")
                    }
                }
                let (bad, worded) = try await Self.page(client, "/households?status=rich", session)
                #expect(bad == .badRequest && worded.contains("rich"))
            }
        }
    }

    @Test func aHouseholdsFileShowsItsMembersIncomesAndHistory() async throws {
        try await SmallRegistry.with { registry in
            // Two conditions, stored as the registry writes them (`;`-separated).
            try await registry.store.transaction { tx in
                try await tx.sql.raw("UPDATE member SET health = 'chronicIllness;disabled' WHERE id_number = '430481198203040026'").run()
            }
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (status, html) = try await Self.page(client, "/households/4304811002010001", session)
                #expect(status == .ok)
                #expect(html.contains("户 4304811002010001（白溪村）"))
                #expect(html.contains("<td>刘伟</td><td>户主</td>") && html.contains("43048120100615001X") && html.contains("1980-01-01"))
                #expect(html.contains("<td>2017</td><td class=\"num\">4,000.00</td>"), "12,000 yuan for three people")
                #expect(html.contains("<td>长期慢性病、残疾</td>"), "a member's two health conditions")
                #expect(html.contains("<td>2017-11-20</td>") && html.contains("已脱贫(享受政策)"))
                #expect(!html.contains("按您的权限"), "nothing masked for the county office")
                let (notFound, worded) = try await Self.page(client, "/households/4304811002019999", session)
                #expect(notFound == .notFound && worded.contains("4304811002019999"))
                let (bad, badWords) = try await Self.page(client, "/households/12%3Cscript%3E", session)
                #expect(bad == .badRequest && badWords.contains("不是") == false && badWords.contains("户编号") && !badWords.contains("<script>"))
            }
        }
    }

    @Test func theInspectorSeesMaskedDataAndAnotherVillagesCadreNothing() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let inspector = try await TestApp.signIn(client, username: "inspector", password: SmallRegistry.password)
                let (_, list) = try await Self.page(client, "/households?area=430481", inspector)
                #expect(list.contains("刘*") && !list.contains("刘伟"))
                let (status, file) = try await Self.page(client, "/households/4304811002010001", inspector)
                #expect(status == .ok && file.contains("按您的权限"))
                #expect(!file.contains("刘伟") && !file.contains("430481198001010013") && !file.contains("1980-01-01") && file.contains("1980-**-**"))
                #expect(!file.contains("13800000000"), "the phone is masked")
                let other = try await TestApp.signIn(client, username: "othercadre", password: SmallRegistry.password)
                let (_, empty) = try await Self.page(client, "/households", other)
                #expect(empty.contains("共 0 户"))
                let (hidden, _) = try await Self.page(client, "/households/4304811002010001", other)
                #expect(hidden == .notFound, "a household outside the scope is not found")
                let (denied, _) = try await Self.page(client, "/households?area=430481100201", other)
                #expect(denied == .forbidden)
            }
        }
    }

    /// A monitoring identification taken step by step through the household's page, across
    /// the village cadre, the township officer and the county office: each sees the current
    /// step, a refused step is worded at its form, and the county's approval puts the household
    /// under monitoring.
    @Test func aCaseIsTakenFromLeadToApprovalThroughTheHouseholdsPage() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01
        try await SmallRegistry.with(clock: clock) { registry in
            let lead = try await MonitoringService(registry.environment).lead(
                .init(
                    household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: try CivilDate("2022-03-01"),
                    risks: [.illness], note: "走访发现"), by: registry.user("cadre"))
            let page = "/households/4304811002010001", action = "/households/4304811002010001/cases/\(lead.reference)/step"
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                func post(_ session: TestApp.Session, _ fields: [String: String]) async throws -> (HTTPResponse.Status, String, String?) {
                    let (headers, body) = session.form(fields)
                    let r = try await client.execute(uri: action, method: .post, headers: headers, body: body)
                    return (r.status, String(buffer: r.body), r.headers[.location])
                }
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let (_, before) = try await Self.page(client, page, cadre)
                #expect(before.contains("当前步骤：入户核实（村级）") && before.contains("name=\"consent\""))
                // Without the signed authorisation the home check is refused, in words, at the form.
                let (refused, html, _) = try await post(cadre, ["date": "2022-03-02"])
                #expect(refused == .unprocessableContent && html.contains("class=\"alert\"") && html.contains("授权"))
                for fields in [
                    ["date": "2022-03-02", "consent": "1"], ["date": "2022-03-03"], ["date": "2022-03-04"],
                    ["date": "2022-03-10", "noticeFrom": "2022-03-05", "noticeTo": "2022-03-09", "objectionsResolved": "1"],
                ] {
                    if fields["noticeFrom"] != nil {
                        let (_, atNotice) = try await Self.page(client, page, cadre)
                        #expect(atNotice.contains("<a href=\"/notices?village=430481100201&amp;purpose=identification\">打印本村公示</a>"))
                    }
                    let (status, _, location) = try await post(cadre, fields)
                    #expect(status == .seeOther && location == page + "?done=step", "\(fields)")
                }
                let (_, atTownship) = try await Self.page(client, page + "?done=step", cadre)
                #expect(atTownship.contains("步骤已记录") && atTownship.contains("当前步骤：乡镇审核（乡镇）"))
                let (notYours, words, _) = try await post(cadre, ["date": "2022-03-11"])
                #expect(notYours == .forbidden && words.contains("class=\"alert\""))
                let township = try await TestApp.signIn(client, username: "township", password: SmallRegistry.password)
                #expect(try await post(township, ["date": "2022-03-11"]).0 == .seeOther)
                let county = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (_, atCounty) = try await Self.page(client, page, county)
                #expect(atCounty.contains("当前步骤：县级审定（县级）") && atCounty.contains("name=\"category\""))
                let (approved, _, _) = try await post(
                    county, ["date": "2022-03-12", "category": "unstableExited", "risk.illness": "1", "risk.schooling": "1"])
                #expect(approved == .seeOther)
                let (_, after) = try await Self.page(client, page, county)
                #expect(after.contains("监测 \(lead.reference)（") && !after.contains("当前步骤"), "under monitoring: no identification step left")
                #expect(after.contains("<td>脱贫不稳定户</td><td>因病、因学</td>"))
                let (badDate, dateWords, _) = try await post(county, ["date": "2022-13-01"])
                #expect(badDate == .unprocessableContent && dateWords.contains("date"))
            }
        }
    }

    /// A household without an open case offers the lead form: a lead without a risk is refused
    /// in words at the form, one with a risk opens a case at its home check, and a role that may
    /// not edit the registry is refused.
    @Test func aRiskLeadIsRaisedFromTheHouseholdsPage() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01
        try await SmallRegistry.with(clock: clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let page = "/households/4304811002010002", action = page + "/leads"
                func post(_ session: TestApp.Session, _ fields: [String: String]) async throws -> (HTTPResponse.Status, String, String?) {
                    let (headers, body) = session.form(fields)
                    let r = try await client.execute(uri: action, method: .post, headers: headers, body: body)
                    return (r.status, String(buffer: r.body), r.headers[.location])
                }
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let (_, before) = try await Self.page(client, page, cadre)
                #expect(before.contains("登记风险线索") && before.contains("action=\"\(action)\""))
                let (refused, words, _) = try await post(cadre, ["channel": "cadreVisit", "date": "2022-05-20"])
                #expect(refused == .unprocessableContent && words.contains("id=\"lead-error\""))
                let inspector = try await TestApp.signIn(client, username: "inspector", password: SmallRegistry.password)
                let (denied, _, _) = try await post(inspector, ["channel": "cadreVisit", "date": "2022-05-20", "risk.illness": "1"])
                #expect(denied == .forbidden)
                let (raised, _, location) = try await post(
                    cadre, ["channel": "selfApplication", "date": "2022-05-20", "risk.illness": "1", "risk.disability": "1", "note": "本人申报"])
                #expect(raised == .seeOther && location == page + "?done=lead")
                let (_, after) = try await Self.page(client, page + "?done=lead", cadre)
                #expect(after.contains("风险线索已登记") && after.contains("当前步骤：入户核实（村级）") && !after.contains("id=\"lead-channel\""))
                #expect(after.contains("<td>因病、因残</td><td>农户自主申报</td><td>2022-05-20</td>"))
            }
        }
    }

    /// The contact form: each value the import's rules refuse is reported next to its field and
    /// the form keeps what was typed; corrected, it is saved and audited without the values.
    @Test func anEditRefusedAtItsFieldsIsCorrectedAndSaved() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let page = "/households/4304811002010001", action = page + "/edit"
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                func post(_ fields: [String: String]) async throws -> (HTTPResponse.Status, String, String?) {
                    let (headers, body) = cadre.form(fields)
                    let r = try await client.execute(uri: action, method: .post, headers: headers, body: body)
                    return (r.status, String(buffer: r.body), r.headers[.location])
                }
                let (_, before) = try await Self.page(client, page, cadre)
                #expect(before.contains("id=\"edit-phone\"") && before.contains("value=\"13800000000\""))
                let (refused, html, _) = try await post(["phone": "call me", "bank_account": "", "planned_exit_year": "2013"])
                #expect(refused == .unprocessableContent)
                #expect(html.contains("id=\"edit-phone\" name=\"phone\" value=\"call me\""), "what was typed stays")
                #expect(html.contains("id=\"edit-phone-error\"") && html.contains("id=\"edit-planned_exit_year-error\""))
                #expect(!html.contains("id=\"edit-bank_account-error\""))
                let (notYear, words, _) = try await post(["phone": "13800000001", "planned_exit_year": "明年"])
                #expect(notYear == .unprocessableContent && words.contains("“明年”不是年份"))
                let (saved, _, location) = try await post(["phone": "13800000001", "bank_account": "", "planned_exit_year": "2019"])
                #expect(saved == .seeOther && location == page + "?done=edit")
                let (_, after) = try await Self.page(client, page + "?done=edit", cadre)
                #expect(after.contains("已保存") && after.contains("<dd>13800000001</dd>") && after.contains("<dd>2019</dd>"))
                let audit = try await AuditService(registry.environment).list(
                    .init(action: "householdEdited", scope: .everywhere), by: TestEnvironment.system)
                #expect(audit.count == 1 && audit[0].after?.contains("13800000001") == false, "the log keeps that the phone changed, not the number")
                let inspector = try await TestApp.signIn(client, username: "inspector", password: SmallRegistry.password)
                let (_, masked) = try await Self.page(client, page, inspector)
                #expect(!masked.contains("id=\"edit-phone\""), "no form for a role that may not edit")
            }
        }
    }

    /// The township rejects at its review, with a reason: the identification ends, and the
    /// household is offered a new lead; a reason is required, and a cadre cannot reject.
    @Test func theTownshipRejectsAtItsReviewWithAReason() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01
        try await SmallRegistry.with(clock: clock) { registry in
            let service = MonitoringService(registry.environment)
            let cadreUser = try await registry.user("cadre")
            let lead = try await service.lead(
                .init(
                    household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: try CivilDate("2022-03-01"),
                    risks: [.illness], note: ""), by: cadreUser)
            for record in [
                StepRecord(date: try CivilDate("2022-03-02"), consentSigned: true), StepRecord(date: try CivilDate("2022-03-03")),
                StepRecord(date: try CivilDate("2022-03-04")),
                StepRecord(
                    date: try CivilDate("2022-03-10"), notice: NoticePeriod(from: try CivilDate("2022-03-05"), to: try CivilDate("2022-03-09")),
                    objectionsResolved: true),
            ] {
                _ = try await service.complete(lead.reference, record, by: cadreUser)
            }
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let page = "/households/4304811002010001", action = page + "/cases/\(lead.reference)/reject"
                func post(_ session: TestApp.Session, _ fields: [String: String]) async throws -> HTTPResponse.Status {
                    let (headers, body) = session.form(fields)
                    return try await client.execute(uri: action, method: .post, headers: headers, body: body).status
                }
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let (_, atTownship) = try await Self.page(client, page, cadre)
                #expect(atTownship.contains("action=\"\(action)\""), "the review's reject form")
                #expect(try await post(cadre, ["date": "2022-03-11", "note": "不符合条件"]) == .unprocessableContent, "not the cadre's stage")
                let township = try await TestApp.signIn(client, username: "township", password: SmallRegistry.password)
                #expect(try await post(township, ["date": "2022-03-11"]) == .unprocessableContent, "a reason is required")
                #expect(try await post(township, ["date": "2022-03-11", "note": "家庭收入稳定，不符合纳入条件"]) == .seeOther)
                let (_, after) = try await Self.page(client, page, township)
                #expect(!after.contains("当前步骤") && after.contains("id=\"lead-channel\""), "the case is over: a new lead may be raised")
            }
        }
    }

    @Test func theListFiltersByMonitoringCategoryAndSpecialGroup() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01
        try await SmallRegistry.with(clock: clock) { registry in
            let d = { (text: String) in try! CivilDate(text) }
            let monitoring = MonitoringService(registry.environment)
            let cadre = try await registry.user("cadre")
            let c = try await monitoring.lead(
                .init(household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: d("2022-03-01"), risks: [.illness]), by: cadre)
            for record in [
                StepRecord(date: d("2022-03-02"), consentSigned: true), StepRecord(date: d("2022-03-03")), StepRecord(date: d("2022-03-04")),
                StepRecord(date: d("2022-03-10"), notice: NoticePeriod(from: d("2022-03-05"), to: d("2022-03-09")), objectionsResolved: true),
            ] {
                _ = try await monitoring.complete(c.reference, record, by: cadre)
            }
            _ = try await monitoring.complete(c.reference, StepRecord(date: d("2022-03-11")), by: try await registry.user("township"))
            _ = try await monitoring.complete(
                c.reference, StepRecord(date: d("2022-03-12"), category: .unstableExited, risks: [.illness]), by: try await registry.user("county"))
            try await SpecialGroupService(registry.environment).tag(
                SpecialGroupTag(household: try HouseholdNumber("4304811002010002"), group: "elderlyAlone", from: d("2022-01-01")), by: cadre)
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                func list(_ query: String) async throws -> String { try await TestApp.page(client, "/households?" + query, cookie: session.cookie) }
                let unstable = try await list("category=unstableExited")
                #expect(unstable.contains("共 1 户") && unstable.contains(">4304811002010001<"))
                #expect(try await list("category=edgeAtRisk").contains("共 0 户"))
                let alone = try await list("group=elderlyAlone")
                #expect(alone.contains("共 1 户") && alone.contains(">4304811002010002<"))
                #expect(alone.contains("<option value=\"elderlyAlone\" selected>"), "the chosen group stays chosen")
                #expect(!alone.contains("rel=\"prev\""), "no link to a page before the first")
                let unknown = try await client.execute(uri: "/households?group=nosuchgroup", method: .get, headers: session.headers)
                #expect(unknown.status == .badRequest)
            }
        }
    }
}
