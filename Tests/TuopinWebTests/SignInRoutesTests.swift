import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@testable import TuopinWeb

@Suite("Sign-in, sessions, CSRF and lockout on the web")
struct SignInRoutesTests {
    @Test func pagesNeedSignInAndComeBackAfterIt() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let r = try await client.execute(uri: "/?area=430481&as-of=2020-10-15", method: .get)
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/login?next=%2F%3Farea%3D430481%26as-of%3D2020-10-15")
                let form = try await client.execute(uri: "/login", method: .get)
                #expect(form.status == .ok)
                let html = String(buffer: form.body)
                #expect(html.contains("<label for=\"username\">用户名</label>") && html.contains("name=\"_csrf\""))
            }
        }
    }

    @Test func signingInRotatesTheSessionAndSetsSafeCookies() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let anonymous = try await TestApp.openForm(client)
                let (headers, body) = anonymous.form(["username": "county", "password": SmallRegistry.password, "next": "/?area=430481100"])
                let r = try await client.execute(uri: "/login", method: .post, headers: headers, body: body)
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/?area=430481100")
                let cookie = r.headers[values: .setCookie].first { $0.hasPrefix("tuopin_session=") } ?? ""
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
                let signedIn = try #require(TestApp.sessionCookie(r.headers))
                #expect(signedIn != anonymous.cookie, "the session id is rotated at sign-in")
                // The anonymous session is gone: its cookie signs nobody in.
                let old = try await client.execute(uri: "/", method: .get, headers: anonymous.headers)
                #expect(old.status == .seeOther)
                // The database holds only the hash of the id.
                let hashes = try await registry.store.sql.raw("SELECT id_hash FROM user_session").all().map {
                    try $0.decode(column: "id_hash", as: String.self)
                }
                #expect(!hashes.contains(signedIn) && hashes.contains(SessionToken.storedHash(signedIn)))
            }
        }
    }

    @Test func aSecureServerMarksItsCookiesSecureAndAsksForHTTPS() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock, configure: { $0.secureCookies = true }).test(.router) { client in
                let r = try await client.execute(uri: "/login", method: .get)
                #expect(r.headers[values: .setCookie].contains { $0.hasPrefix("tuopin_session=") && $0.contains("Secure") })
                #expect(r.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
            }
        }
    }

    @Test func aPostWithoutTheFormTokenIsRefused() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "admin", password: SmallRegistry.password)
                let (headers, _) = session.form([:])
                for body in ["username=newone&role=inspector&scope=all&password=long-enough-pass", "_csrf=wrong&username=newone"] {
                    let r = try await client.execute(uri: "/admin/users", method: .post, headers: headers, body: ByteBuffer(string: body))
                    #expect(r.status == .forbidden)
                    #expect(String(buffer: r.body).contains("表单已失效"))
                }
                // Without any session at all, too.
                let bare = try await client.execute(uri: "/logout", method: .post)
                #expect(bare.status == .forbidden)
                #expect(try await UserQuery.find(try Username("newone"), registry.store.sql) == nil, "nothing was done")
                // With the token the same post works.
                let (h, b) = session.form(["username": "newone", "role": "inspector", "scope": "all", "password": "long-enough-pass"])
                let ok = try await client.execute(uri: "/admin/users", method: .post, headers: h, body: b)
                #expect(ok.status == .seeOther)
                #expect(try await UserQuery.find(try Username("newone"), registry.store.sql) != nil)
            }
        }
    }

    @Test func sixWrongPasswordsLockTheAccountAndTheAuditShowsIt() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                var statuses: [HTTPResponse.Status] = []
                for _ in 1...6 {
                    let form = try await TestApp.openForm(client)
                    let (h, b) = form.form(["username": "cadre", "password": "wrong-password-1"])
                    let r = try await client.execute(uri: "/login", method: .post, headers: h, body: b)
                    statuses.append(r.status)
                    if r.status == .tooManyRequests { #expect(String(buffer: r.body).contains("账号已锁定至 2020-10-15 10:15")) }
                }
                #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .unauthorized, .tooManyRequests, .tooManyRequests])
                // Locked: even the right password is refused until the lock ends.
                await #expect(throws: TestApp.SignInFailure.refused(.tooManyRequests)) {
                    try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                }
                let audit = try await AuditService(registry.environment).list(.init(actor: "cadre", scope: .everywhere), by: TestEnvironment.system)
                #expect(audit.filter { $0.action == "signInFailed" }.count == 7, "five wrong passwords, then two tries while locked")
                #expect(audit.filter { $0.action == "lockout" }.count == 1)
                registry.clock.advance(seconds: 15 * 60 + 1)
                let session = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                #expect(!session.cookie.isEmpty, "the lock ends after 15 minutes")
            }
        }
    }

    @Test func sessionsEndAfterIdlingAndAfterTheirLifetime() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let idle = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                registry.clock.advance(seconds: 29 * 60)
                #expect(try await client.execute(uri: "/", method: .get, headers: idle.headers).status == .ok)
                registry.clock.advance(seconds: 31 * 60)
                #expect(try await client.execute(uri: "/", method: .get, headers: idle.headers).status == .seeOther, "30 idle minutes end it")

                let busy = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                for _ in 0..<(12 * 3) {
                    #expect(try await client.execute(uri: "/", method: .get, headers: busy.headers).status == .ok)
                    registry.clock.advance(seconds: 20 * 60)
                }
                #expect(try await client.execute(uri: "/", method: .get, headers: busy.headers).status == .seeOther, "12 hours end it however busy")
            }
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (h, b) = session.form([:])
                let r = try await client.execute(uri: "/logout", method: .post, headers: h, body: b)
                #expect(r.status == .seeOther && r.headers[.location] == "/login")
                #expect(try await client.execute(uri: "/", method: .get, headers: session.headers).status == .seeOther)
                let audit = try await AuditService(registry.environment).list(.init(actor: "county", scope: .everywhere), by: TestEnvironment.system)
                #expect(audit.map(\.action).prefix(2) == ["signOut", "signIn"])
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                for uri in ["/login", "/no/such/page", "/healthz", "/"] {
                    let r = try await client.execute(uri: uri, method: .get)
                    let csp = r.headers[.contentSecurityPolicy] ?? ""
                    #expect(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "\(uri)")
                    #expect(r.headers[.xContentTypeOptions] == "nosniff")
                    #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                }
            }
        }
    }

    @Test func anUnsafeNextAddressIsIgnored() {
        #expect(SignInController.safeNext("//evil.example/") == "/")
        #expect(SignInController.safeNext("https://evil.example/") == "/")
        #expect(SignInController.safeNext("/\\evil") == "/")
        #expect(SignInController.safeNext("/?area=430481") == "/?area=430481")
    }
}
