import Hummingbird
import HummingbirdTesting
import Testing
import TuopinStore
import TuopinTesting

@Suite("Dashboard and health routes")
struct DashboardRoutesTests {
    @Test func healthzSaysTheDatabaseAnswers() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await TestApp.make(store: store).test(.router) { client in
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains(#""database":"ok""#))
                }
            }
        }
    }

    @Test func anEmptyRegistrySaysHowToFillIt() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await TestApp.make(store: store).test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("tuopin demo"))
                }
            }
        }
    }

    @Test func theDashboardShowsThePressFiguresInChinese() async throws {
        let store = try await DemoFixture.shared.store()
        try await TestApp.make(store: store).test(.router) { client in
            try await client.execute(uri: "/?area=430481&as-of=2020-10-15", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains("耒阳市 脱贫攻坚数据（截至 2020-10-15）"))
                #expect(html.contains("14,466 户") && html.contains("43,172 人"))
                #expect(html.contains("1,012 户") && html.contains("2,198 人"))
                #expect(html.contains("0.18%"))
                #expect(html.contains("34 / 34 个"))
                #expect(html.contains("蔡子池街道"), "a row per township")
                #expect(html.contains("<svg"), "the incidence chart is drawn on the server")
                #expect(html.contains("衡阳市</a> › <span aria-current=\"page\">耒阳市</span>"), "a breadcrumb back to the city")
            }
        }
    }

    @Test func englishIsOneClickAwayAndRemembered() async throws {
        let store = try await DemoFixture.shared.store()
        try await TestApp.make(store: store).test(.router) { client in
            try await client.execute(uri: "/?area=430481&as-of=2020-10-15&lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("poverty alleviation figures (as of 2020-10-15)"))
                #expect(response.headers[.setCookie]?.contains("lang=en") == true)
                #expect(response.headers[.setCookie]?.contains("HttpOnly") == true)
            }
        }
    }

    @Test func badInputGetsAWordedPageNotATrace() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await TestApp.make(store: store).test(.router) { client in
                try await client.execute(uri: "/?as-of=2020-02-30", method: .get) { response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).contains("请求参数有误"))
                }
                try await client.execute(uri: "/?area=439999", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(String(buffer: response.body).contains("找不到该页面或区划"))
                }
                try await client.execute(uri: "/?area=12ab", method: .get) { response in
                    #expect(response.status == .badRequest)
                }
                try await client.execute(uri: "/no/such/page", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }

    @Test func theStylesheetIsServedLocally() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await TestApp.make(store: store).test(.router) { client in
                try await client.execute(uri: "/static/style.css", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                }
            }
        }
    }
}
