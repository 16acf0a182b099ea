import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("User administration on the web")
struct UsersRoutesTests {
    @Test func anAdministratorAddsDisablesAndReRolesUsers() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let admin = try await TestApp.signIn(client, username: "admin", password: SmallRegistry.password)
                let list = String(buffer: try await client.execute(uri: "/admin/users", method: .get, headers: admin.headers).body)
                #expect(list.contains("<td>othercadre</td>") && list.contains("村干部"))

                let (h, b) = admin.form([
                    "username": "Hengdong.Cadre", "displayName": "衡东 村干部", "role": "villageCadre",
                    "scope": "430424100201", "password": "river-bend-2021",
                ])
                let added = try await client.execute(uri: "/admin/users", method: .post, headers: h, body: b)
                #expect(added.status == .seeOther && added.headers[.location] == "/admin/users?done=added&user=Hengdong.Cadre")
                let stored = try #require(try await UserQuery.find(try Username("hengdong.cadre"), registry.store.sql))
                #expect(stored.user.role == .villageCadre && stored.passwordHash.hasPrefix("$2"))

                let (dh, db) = admin.form([:])
                let disabled = try await client.execute(uri: "/admin/users/hengdong.cadre/disable", method: .post, headers: dh, body: db)
                #expect(disabled.status == .seeOther)
                #expect(try await UserQuery.find(try Username("hengdong.cadre"), registry.store.sql)?.user.isDisabled == true)

                let (rh, rb) = admin.form(["role": "countyOffice", "scope": "430424"])
                _ = try await client.execute(uri: "/admin/users/hengdong.cadre/role", method: .post, headers: rh, body: rb)
                #expect(try await UserQuery.find(try Username("hengdong.cadre"), registry.store.sql)?.user.scope == .area(try AdminCode("430424")))
            }
        }
    }

    @Test func aRefusedValueIsShownOnTheFormWithItsReasons() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let admin = try await TestApp.signIn(client, username: "admin", password: SmallRegistry.password)
                let cases: [([String: String], String)] = [
                    (["username": "weak", "role": "inspector", "scope": "all", "password": "woaini1314"], "这是常见密码"),
                    (["username": "short", "role": "inspector", "scope": "all", "password": "abc"], "至少 10 位，现为 3 位"),
                    (
                        ["username": "misfit", "role": "villageCadre", "scope": "430481", "password": "river-bend-2021"],
                        "村干部的管理范围应为村(社区)级区划，不能是 430481"
                    ),
                    (["username": "cadre", "role": "inspector", "scope": "all", "password": "river-bend-2021"], "用户名 cadre 已被使用"),
                    (["username": "李 伟", "role": "inspector", "scope": "all", "password": "river-bend-2021"], "用户名只能含小写字母"),
                ]
                for (fields, words) in cases {
                    let (h, b) = admin.form(fields)
                    let r = try await client.execute(uri: "/admin/users", method: .post, headers: h, body: b)
                    #expect([.badRequest, .conflict].contains(r.status), "\(fields)")
                    #expect(String(buffer: r.body).contains(words), "\(words)")
                }
            }
        }
    }

    @Test func onlyAdministratorsReachTheUserPages() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                for name in ["cadre", "township", "county", "city", "inspector"] {
                    let session = try await TestApp.signIn(client, username: name, password: SmallRegistry.password)
                    let r = try await client.execute(uri: "/admin/users", method: .get, headers: session.headers)
                    #expect(r.status == .forbidden, "\(name)")
                    let home = String(buffer: try await client.execute(uri: "/", method: .get, headers: session.headers).body)
                    #expect(!home.contains("/admin/users"), "no link to a page \(name) may not open")
                }
            }
        }
    }
}
