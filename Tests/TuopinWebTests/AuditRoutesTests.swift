import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `/audit`: who may read the log, the filters, and the chains' verification for whoever may
/// read all of it.
@Suite("Audit log page")
struct AuditRoutesTests {
    @Test func theAdministratorSeesEntriesFiltersAndTheVerifiedChains() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let admin = try await TestApp.signIn(client, username: "admin", password: SmallRegistry.password)
                let plain = String(buffer: try await client.execute(uri: "/audit", method: .get, headers: admin.headers).body)
                #expect(plain.contains("href=\"/audit?verify=1\"") && !plain.contains("审计链校验"), "verifying is asked for, not done on every view")
                let r = try await client.execute(uri: "/audit?verify=1", method: .get, headers: admin.headers)
                let html = String(buffer: r.body)
                #expect(r.status == .ok && html.contains("<h2 id=\"chains\">审计链校验</h2>") && html.contains("审计链 430481：") && html.contains("条，完整"))
                #expect(!html.contains("class=\"alert\""), "every chain verifies")
                #expect(html.contains("<td>admin</td><td>登录</td><td>user:admin</td>"))
                #expect(html.contains("<a href=\"/audit\">审计日志</a>"))
                let imports = String(buffer: try await client.execute(uri: "/audit?action=importRegistry", method: .get, headers: admin.headers).body)
                #expect(imports.contains("<td>导入") && !imports.contains("<td>登录</td>"))
                let later = String(buffer: try await client.execute(uri: "/audit?since=2099-01-01", method: .get, headers: admin.headers).body)
                #expect(later.contains("没有符合条件的记录"))
                let bad = try await client.execute(uri: "/audit?action=burn", method: .get, headers: admin.headers)
                #expect(bad.status == .badRequest)
            }
        }
    }

    @Test func anInspectorReadsItsCityWithoutVerifyingAndACadreNothing() async throws {
        try await SmallRegistry.with { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let inspector = try await TestApp.signIn(client, username: "inspector", password: SmallRegistry.password)
                let r = try await client.execute(uri: "/audit", method: .get, headers: inspector.headers)
                let html = String(buffer: r.body)
                #expect(r.status == .ok && !html.contains("审计链校验") && html.contains("<td>inspector</td><td>登录</td>"))
                #expect(!html.contains("verify=1"))
                let asked = String(buffer: try await client.execute(uri: "/audit?verify=1", method: .get, headers: inspector.headers).body)
                #expect(!asked.contains("审计链校验"), "only whoever may read the whole log verifies it")
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                #expect(try await client.execute(uri: "/audit", method: .get, headers: cadre.headers).status == .forbidden)
                let home = String(buffer: try await client.execute(uri: "/", method: .get, headers: cadre.headers).body)
                #expect(!home.contains("href=\"/audit\""), "no link to a page the role may not open")
            }
        }
    }
}
