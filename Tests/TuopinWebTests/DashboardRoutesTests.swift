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

@Suite("Dashboard: figures, scope and worded errors")
struct DashboardRoutesTests {
    @Test func healthzAndTheStylesheetNeedNoSignIn() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await TestApp.make(store: store).test(.router) { client in
                let health = try await client.execute(uri: "/healthz", method: .get)
                #expect(health.status == .ok && String(buffer: health.body).contains(#""database":"ok""#))
                let css = try await client.execute(uri: "/static/style.css", method: .get)
                #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func theCountyOfficeSeesThePressFiguresOnTodaysDate() async throws {
        let store = try await DemoFixture.shared.store()
        // The clock says 2020-10-15 10:00 in Asia/Shanghai: the dashboard opens on that day.
        try await TestApp.make(store: store).test(.router) { client in
            let session = try await TestApp.signIn(client, username: "county.office", password: DemoUsers.password)
            let r = try await client.execute(uri: "/", method: .get, headers: session.headers)
            let html = String(buffer: r.body)
            #expect(r.status == .ok && r.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.contains("<html lang=\"zh-CN\">"))
            #expect(html.contains("耒阳市 脱贫攻坚数据（截至 2020-10-15）"))
            #expect(html.contains("14,466 户") && html.contains("43,172 人"))
            #expect(html.contains("1,012 户") && html.contains("2,198 人"))
            #expect(html.contains("0.18%") && html.contains("34 / 34 个"))
            // The press conference's figures beside the recomputed ones, card by card.
            #expect(html.contains("<div class=\"published agrees\">公布 14,466 户 · 43,172 人 · 一致</div>"))
            #expect(html.contains("<div class=\"published agrees\">公布 1,012 户 · 2,198 人 · 一致</div>"))
            #expect(html.contains("<div class=\"published agrees\">公布 0.18% · 一致</div>"))
            #expect(!html.contains("published differs"))
            #expect(html.contains("<p class=\"countdown\">距离脱贫攻坚目标任务完成（2020-12-31）还有 77 天</p>"))
            #expect(html.contains("蔡子池街道"), "a row per township")
            #expect(html.contains("<svg"), "the incidence chart is drawn on the server")
            #expect(html.contains("<span>衡阳市</span> › <span aria-current=\"page\">耒阳市</span>"), "the city above is shown but not linked")
            #expect(!html.contains("<script"), "no script at all")
        }
    }

    /// On its own store (南岳区): a sign-in at another time ends sessions that time has expired.
    @Test func aClockOnAnotherDayOpensOnThatDay() async throws {
        let store = try await DemoFixture.shared.store(counties: ["430412"])
        let clock = TestClock(Date(timeIntervalSince1970: 1_609_430_400))  // 2021-01-01 00:00 +08:00
        try await TestApp.make(store: store, clock: clock).test(.router) { client in
            let session = try await TestApp.signIn(client, username: "county.office", password: DemoUsers.password)
            let html = String(buffer: try await client.execute(uri: "/", method: .get, headers: session.headers).body)
            #expect(html.contains("南岳区 脱贫攻坚数据（截至 2021-01-01）"))
            #expect(html.contains("未脱贫</div><div class=\"value\">0 户"), "every household exited by the end of 2020")
        }
    }

    @Test func theVillageCadreSeesOnlyTheirVillage() async throws {
        let store = try await DemoFixture.shared.store()
        let cadre = try #require(try await UserQuery.find(try Username("village.cadre"), store.sql)?.user)
        let village = try #require(cadre.scope.code)
        let neighbour = try AdminCode(String(village.rawValue.prefix(9)) + String(format: "%03d", Int(village.rawValue.suffix(3))! + 1))
        try await TestApp.make(store: store).test(.router) { client in
            let session = try await TestApp.signIn(client, username: "village.cadre", password: DemoUsers.password)
            let home = String(buffer: try await client.execute(uri: "/", method: .get, headers: session.headers).body)
            let villageName = try #require(try await AreaQuery.area(store.sql, code: village)?.name)
            #expect(home.contains("\(villageName) 脱贫攻坚数据"))
            for other in [neighbour.rawValue, "430481100", "430481", "430400"] {
                let r = try await client.execute(uri: "/?area=\(other)", method: .get, headers: session.headers)
                #expect(r.status == .forbidden, "\(other)")
                #expect(String(buffer: r.body).contains("村干部（\(village.rawValue)）不能查看 \(other)"))
            }
        }
    }

    @Test func leiyangsCountyOfficeSeesLeiyangAndItsTownshipsButNoOtherCounty() async throws {
        let store = try await DemoFixture.shared.store()
        try await TestApp.make(store: store).test(.router) { client in
            let session = try await TestApp.signIn(client, username: "county.office", password: DemoUsers.password)
            let township = try await client.execute(uri: "/?area=430481100&as-of=2020-10-15", method: .get, headers: session.headers)
            #expect(township.status == .ok)
            #expect(String(buffer: township.body).contains("黄市镇 脱贫攻坚数据"))
            for other in ["430424", "430400", "430424100"] {
                let r = try await client.execute(uri: "/?area=\(other)", method: .get, headers: session.headers)
                #expect(r.status == .forbidden)
                #expect(String(buffer: r.body).contains("县级扶贫部门（430481）不能查看 \(other)"))
            }
            let audit = try await AuditService(try TestEnvironment.make(store: store)).list(
                .init(actor: "county.office", action: "accessDenied", scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.count >= 3, "each refusal is audited")
        }
    }

    @Test func englishIsOneClickAwayAndRemembered() async throws {
        let store = try await DemoFixture.shared.store()
        try await TestApp.make(store: store).test(.router) { client in
            let session = try await TestApp.signIn(client, username: "city.office", password: DemoUsers.password)
            let r = try await client.execute(uri: "/?area=430481&as-of=2020-10-15&lang=en", method: .get, headers: session.headers)
            let html = String(buffer: r.body)
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("poverty alleviation figures (as of 2020-10-15)"))
            let cookie = r.headers[values: .setCookie].first { $0.hasPrefix("lang=") } ?? ""
            #expect(cookie.contains("lang=en") && cookie.contains("HttpOnly"))
            #expect(html.contains("href=\"?area=430481&amp;as-of=2020-10-15&amp;lang=zh\""), "the switch keeps the area and date")
        }
    }

    /// A published figure the registry does not reproduce is shown beside it with the
    /// difference (the small registry holds two of 耒阳's 14,466 households, so the press
    /// conference's figures differ too); another date shows no published figure.
    @Test func aPublishedFigureThatDiffersSaysByHowMuch() async throws {
        try await SmallRegistry.with { registry in
            let figure = ReportedFigure(
                area: try AdminCode("430481"), asOf: try CivilDate("2020-10-15"), indicator: .remainingPeople, value: try FixedDecimal("3"),
                source: "村务公开栏")
            try await ReportService(registry.environment).report(figure, by: registry.user("admin"))
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let html = String(buffer: try await client.execute(uri: "/?as-of=2020-10-15", method: .get, headers: session.headers).body)
                #expect(
                    html.contains("<div class=\"published differs\">公布 1,012 户 · 3 人 · 重算差 -1,011 户 · -2 人</div>"),
                    "1 household with 1 person not yet out; 3 people published")
                #expect(html.contains("<div class=\"published differs\">公布 34 个 · 重算差 -33 个</div>"))
                let en = String(buffer: try await client.execute(uri: "/?as-of=2020-10-15&lang=en", method: .get, headers: session.headers).body)
                #expect(en.contains("published 1,012 households · 3 people · recomputed differs by -1,011 households · -2 people"))
                let other = String(buffer: try await client.execute(uri: "/?as-of=2020-10-16", method: .get, headers: session.headers).body)
                #expect(!other.contains("class=\"published"))
            }
        }
    }

    /// After 2020 the dashboard shows the monitoring era: a lead raised in March 2022 is being
    /// identified on 2022-06-01; on 2020-10-15 no case existed and the section is not there.
    @Test func theDashboardShowsTheMonitoringEraOnTodaysDate() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01 +00:00
        try await SmallRegistry.with(clock: clock) { registry in
            _ = try await MonitoringService(registry.environment).lead(
                .init(
                    household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: try CivilDate("2022-03-01"),
                    risks: [.illness], note: "走访发现"), by: registry.user("cadre"))
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let html = String(buffer: try await client.execute(uri: "/", method: .get, headers: session.headers).body)
                #expect(html.contains("<h2>防返贫监测</h2>"))
                #expect(html.contains("识别中</div><div class=\"value\">1 户"))
                #expect(html.contains("2022 年风险线索</div><div class=\"value\">1<"))
                #expect(html.contains("监测对象</div><div class=\"value\">0 户"))
                #expect(!html.contains("class=\"countdown\""), "2020 is over")
                #expect(html.contains("<a href=\"/worklist?area=430481#overdue\">1 户风险线索已超过识别期限"))
                let past = String(buffer: try await client.execute(uri: "/?as-of=2020-10-15", method: .get, headers: session.headers).body)
                #expect(!past.contains("<h2>防返贫监测</h2>") && past.contains("截至 2020-10-15"))
            }
        }
    }

    @Test func badInputGetsAWordedPageNotATrace() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "admin", password: SmallRegistry.password)
                let cases: [(String, HTTPResponse.Status, String)] = [
                    ("/?as-of=2020-02-30", .badRequest, "参数 as-of 有误：日期无效：2020-02-30"),
                    ("/?area=439999", .notFound, "数据库中没有区划代码 439999"),
                    ("/?area=12ab", .badRequest, "参数 area 有误：区划代码无效"),
                    ("/no/such/page", .notFound, "找不到该页面或区划"),
                ]
                for (uri, status, words) in cases {
                    let r = try await client.execute(uri: uri, method: .get, headers: session.headers)
                    #expect(r.status == status, "\(uri)")
                    #expect(String(buffer: r.body).contains(words), "\(uri)")
                }
            }
        }
    }

    @Test func aYearOfZeroInTheDatabaseIsAWordedErrorNotACrash() async throws {
        try await SmallRegistry.with { registry in
            try await registry.store.sql.raw("UPDATE household SET first_identified_year = 0 WHERE household_number = '4304811002010002'").run()
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let r = try await client.execute(uri: "/", method: .get, headers: session.headers)
                #expect(r.status == .internalServerError)
                #expect(String(buffer: r.body).contains("数据库 household 表中 4304811002010002 的 first_identified_year 值“0”无效"))
                // The server goes on answering.
                #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            }
        }
    }
}

/// The kept dashboard pages (`DashboardController`): each session gets its own form token in a
/// page kept for its user, and a commit shows on the next request.
@Suite("Dashboard: kept pages")
struct KeptPageTests {
    @Test func eachSessionGetsItsOwnTokenAndACommitShowsAtOnce() async throws {
        try await SmallRegistry.with { (registry: SmallRegistry) async throws in
            try await TestApp.make(store: registry.store).test(.router) { client in
                let a = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let b = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                #expect(a.csrf != b.csrf)
                let uri = "/?area=430481100201&as-of=2020-10-15"
                let pageA = String(buffer: try await client.execute(uri: uri, method: .get, headers: a.headers).body)
                let pageB = String(buffer: try await client.execute(uri: uri, method: .get, headers: b.headers).body)
                #expect(try TestApp.csrf(from: pageA) == a.csrf)
                #expect(try TestApp.csrf(from: pageB) == b.csrf)
                #expect(!pageB.contains(a.csrf), "one session's token never reaches another")
                #expect(pageA.contains("未脱贫</div><div class=\"value\">1 户"))
                try await registry.store.transaction { tx in
                    try await tx.sql.raw(
                        """
                        INSERT INTO status_event (county_code, household_number, sequence, kind, status, effective_date, note)
                        VALUES ('430481', '4304811002010002', 2, 'exited', 'exitedWithPolicies', '2020-10-01', '')
                        """
                    ).run()
                }
                let after = String(buffer: try await client.execute(uri: uri, method: .get, headers: a.headers).body)
                #expect(after.contains("未脱贫</div><div class=\"value\">0 户"), "the kept page is not served after a commit")
            }
        }
    }
}
