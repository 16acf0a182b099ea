import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

/// Scope is enforced in the services: for every service method, a user of village A is refused
/// for village B — the village's cadre, and an administrator scoped to the same village, whose
/// role allows everything, so the scope alone refuses. Every refusal is audited.
@Suite("Every service method refuses a user of village A for village B")
struct ScopeRefusalTests {
    static let b = try! AdminCode(SmallRegistry.otherVillage)

    /// A user of village A: the cadre, or an administrator scoped to it.
    static func usersOfA() throws -> [User] {
        let a = AreaScope.area(try AdminCode(SmallRegistry.village))
        return [
            User(username: try Username("cadre"), displayName: "", role: .villageCadre, scope: a),
            User(username: try Username("village.admin"), displayName: "", role: .administrator, scope: a),
        ]
    }

    /// Each service method, called on village B (or on what lies there).
    static let methods: [(String, @Sendable (ServiceEnvironment, User) async throws -> Void)] = [
        ("StatisticsService.summary", { env, u in _ = try await StatisticsService(env).summary(of: b, asOf: env.today, by: u) }),
        ("StatisticsService.overview", { env, u in _ = try await StatisticsService(env).overview(of: b, asOf: env.today, by: u) }),
        ("StatisticsService.breakdown", { env, u in _ = try await StatisticsService(env).breakdown(of: b, asOf: env.today, by: u) }),
        ("StatisticsService.path", { env, u in _ = try await StatisticsService(env).path(to: b, by: u) }),
        (
            "RegistryService.export",
            { env, u in
                _ = try await RegistryService(env).export(
                    to: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString),
                    area: b, masked: true, by: u)
            }
        ),
        (
            "RegistryService.load",
            { env, u in
                var batch = ImportBatch()
                batch.profiles = [VillageProfile(village: b, year: 2021, ruralRegisteredPopulation: 900)]
                try await RegistryService(env).load(batch, action: .importRegistry, entity: "test", by: u)
            }
        ),
        (
            "PolicyService.save(line)",
            { env, u in
                try await PolicyService(env).save(
                    PovertyLine(
                        year: 2021, region: .province("43"), standard: .national, amount: .yuan(4_200),
                        source: "test"), by: u)
            }
        ),
        (
            "PolicyService.save(threshold)",
            { env, u in
                try await PolicyService(env).save(
                    MonitoringThreshold(year: 2022, region: .province("43"), amountPerCapita: .yuan(6_500), source: "t"), by: u)
            }
        ),
        (
            "UserService.add",
            { env, u in
                try await UserService(env).add(
                    User(username: try Username("newcadre"), displayName: "", role: .villageCadre, scope: .area(b)),
                    password: "river-bend-2021", by: u)
            }
        ),
        ("UserService.find", { env, u in _ = try await UserService(env).find(try Username("othercadre"), by: u) }),
        ("UserService.disable", { env, u in try await UserService(env).disable(try Username("othercadre"), by: u) }),
        ("UserService.enable", { env, u in try await UserService(env).enable(try Username("othercadre"), by: u) }),
        (
            "UserService.setRole",
            { env, u in
                try await UserService(env).setRole(try Username("othercadre"), role: .villageCadre, scope: .area(b), by: u)
            }
        ),
        ("UserService.setPassword", { env, u in try await UserService(env).setPassword(try Username("othercadre"), to: "river-bend-2021", by: u) }),
        ("AuditService.list", { env, u in _ = try await AuditService(env).list(.init(area: b, scope: .everywhere), by: u) }),
        ("AuditService.verify", { env, u in _ = try await AuditService(env).verify(by: u) }),
    ]

    @Test(arguments: methods.map(\.0))
    func refused(_ name: String) async throws {
        let method = try #require(Self.methods.first { $0.0 == name }?.1)
        try await SmallRegistry.with { registry in
            for user in try Self.usersOfA() {
                let before = try await AuditQuery.list(.init(action: "accessDenied", scope: .everywhere, limit: 1000), registry.store.sql).count
                do {
                    try await method(registry.environment, user)
                    Issue.record("\(name) let \(user.username) (\(user.role)) act on \(Self.b)")
                } catch let denied as AccessDenied {
                    #expect(denied.user.username == user.username)
                } catch UserError.unknownUser {
                    // The user of B is not even found for A: refused without saying they exist.
                }
                let after = try await AuditQuery.list(.init(action: "accessDenied", scope: .everywhere, limit: 1000), registry.store.sql).count
                if after == before { #expect(name.hasPrefix("UserService."), "\(name): only a not-found user goes unaudited") }
            }
            #expect(try await UserQuery.find(try Username("othercadre"), registry.store.sql)?.user.isDisabled == false, "nothing changed")
        }
    }

    /// Import checks every row: a user of A importing B's households gets each row refused.
    @Test func importingVillageBsRowsIsRefusedRowByRow() async throws {
        try await SmallRegistry.with { registry in
            var files = CSVFixture.good
            files.files[.households] = files.files[.households]!.map { row in
                [row[0].replacingOccurrences(of: "430481100201", with: "430481100202"), "430481100202"] + row.dropFirst(2)
            }
            files.files = [.households: files.files[.households]!]
            let admin = try Self.usersOfA()[1]
            let result = try await RegistryService(registry.environment).importFolder(try files.write(), commitPartial: true, by: admin)
            #expect(!result.committed)
            #expect(result.rejections.map(\.reason) == [.outsideScope("430481100202"), .outsideScope("430481100202")])
            let cadre = try Self.usersOfA()[0]
            await #expect(throws: AccessDenied.self) {
                try await RegistryService(registry.environment).importFolder(try files.write(), commitPartial: true, by: cadre)
            }
        }
    }

    @Test func theRefusalSaysWhoWhatAndWhere() async throws {
        let cadre = try Self.usersOfA()[0]
        let denied = AccessDenied(user: cadre, action: .view, area: Self.b, decision: AccessPolicy.decide(cadre, .view, area: Self.b))
        let tables = try StringTables.load()
        #expect(tables.zh.describe(denied) == "村干部（430481100201）不能查看 430481100202")
        #expect(tables.en.describe(denied) == "A village cadre (430481100201) may not view 430481100202")
    }
}
