import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("The audit trail: one entry per write, chains that catch tampering", .serialized)
struct AuditTrailTests {
    static func count(_ store: Store) async throws -> Int {
        try await AuditQuery.list(.init(scope: .everywhere, limit: 10_000), store.sql).count
    }

    static let writes: [(String, @Sendable (ServiceEnvironment) async throws -> Void)] = [
        (
            "policy line",
            { env in
                try await PolicyService(env).save(
                    PovertyLine(year: 2021, region: .national, standard: .national, amount: .yuan(4_200), source: "t"),
                    by: TestEnvironment.system)
            }
        ),
        (
            "policy threshold",
            { env in
                try await PolicyService(env).save(
                    MonitoringThreshold(year: 2022, region: .province("43"), amountPerCapita: .yuan(6_500), source: "t"),
                    by: TestEnvironment.system)
            }
        ),
        (
            "user added",
            { env in
                try await UserService(env).add(
                    User(username: try Username("another"), displayName: "x", role: .inspector, scope: .everywhere),
                    password: "river-bend-2021", by: TestEnvironment.system)
            }
        ),
        ("user disabled", { env in try await UserService(env).disable(try Username("cadre"), by: TestEnvironment.system) }),
        ("user enabled", { env in try await UserService(env).enable(try Username("cadre"), by: TestEnvironment.system) }),
        (
            "role set",
            { env in
                try await UserService(env).setRole(
                    try Username("cadre"), role: .townshipOfficer, scope: .area(try AdminCode("430481100")),
                    by: TestEnvironment.system)
            }
        ),
        ("password set", { env in try await UserService(env).setPassword(try Username("cadre"), to: "another-river-9", by: TestEnvironment.system) }),
        (
            "export",
            { env in
                _ = try await RegistryService(env).export(
                    to: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString),
                    masked: true, by: TestEnvironment.system)
            }
        ),
        (
            "import",
            { env in
                var files = CSVFixture.good
                files.files = [.villageProfiles: [["430481100201", "2019", "2100", "60000.00", "", "", "", "", "", ""]]]
                _ = try await RegistryService(env).importFolder(try files.write(), commitPartial: false, by: TestEnvironment.system)
            }
        ),
    ]

    @Test(arguments: writes.map(\.0))
    func everyWriteLeavesExactlyOneEntry(_ name: String) async throws {
        let write = try #require(Self.writes.first { $0.0 == name }?.1)
        try await SmallRegistry.with { registry in
            let before = try await Self.count(registry.store)
            try await write(registry.environment)
            #expect(try await Self.count(registry.store) == before + 1, "\(name)")
        }
    }

    @Test func aFailedWriteLeavesNoEntry() async throws {
        try await SmallRegistry.with { registry in
            let before = try await Self.count(registry.store)
            await #expect(throws: UserError.alreadyExists("cadre")) {
                try await UserService(registry.environment).add(
                    User(username: try Username("cadre"), displayName: "x", role: .inspector, scope: .everywhere), password: "river-bend-2021",
                    by: TestEnvironment.system)
            }
            #expect(try await Self.count(registry.store) == before)
        }
    }

    @Test func theImportEntryCarriesCountsAndFileDigests() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let env = try TestEnvironment.make(store: store)
            let folder = try CSVFixture.good.write()
            _ = try await RegistryService(env).importFolder(folder, commitPartial: false, by: TestEnvironment.system)
            let entry = try #require(try await AuditQuery.list(.init(action: "importRegistry", scope: .everywhere), store.sql).first)
            let digest = Digest.sha256Hex(try Data(contentsOf: folder.appendingPathComponent("members.csv")))
            #expect(entry.detail?.contains(#""households":2"#) == true && entry.detail?.contains(digest) == true)
            #expect(entry.countyCode == "430481" && entry.actor == "system" && entry.osUser == "tests")
        }
    }

    enum Tamper: String, CaseIterable {
        case change, delete, reorder, deleteLast
    }

    @Test(arguments: TestDatabase.available.flatMap { db in Tamper.allCases.map { (db, $0) } })
    func verifyNamesTheFirstBrokenEntry(_ database: TestDatabase, _ tamper: Tamper) async throws {
        try await SmallRegistry.with(on: database) { registry in
            let env = registry.environment
            for n in 0..<4 {
                try await PolicyService(env).save(
                    PovertyLine(year: 2021 + n, region: .national, standard: .national, amount: .yuan(4_200), source: "t"),
                    by: TestEnvironment.system)
            }
            let intact = try await AuditService(env).verify(by: TestEnvironment.system)
            #expect(intact.allSatisfy { $0.problem == nil } && intact.contains { $0.chain == "" })
            let chain = ""  // the registry-wide chain holds the users and the national lines
            let last = try #require(intact.first { $0.chain == chain }?.entries)
            let sql = registry.store.sql
            let expected: AuditService.Problem
            switch tamper {
            case .change:
                try await sql.raw("UPDATE audit_event SET actor = 'someone.else' WHERE county_code = \(bind: chain) AND sequence = 3").run()
                expected = .hashMismatch(sequence: 3)
            case .delete:
                try await sql.raw("DELETE FROM audit_event WHERE county_code = \(bind: chain) AND sequence = 4").run()
                expected = .missing(sequence: 4)
            case .reorder:
                try await sql.raw("UPDATE audit_event SET sequence = -5 WHERE county_code = \(bind: chain) AND sequence = 5").run()
                try await sql.raw("UPDATE audit_event SET sequence = 5 WHERE county_code = \(bind: chain) AND sequence = 6").run()
                try await sql.raw("UPDATE audit_event SET sequence = 6 WHERE county_code = \(bind: chain) AND sequence = -5").run()
                expected = .hashMismatch(sequence: 5)
            case .deleteLast:
                try await sql.raw("DELETE FROM audit_event WHERE county_code = \(bind: chain) AND sequence = \(bind: last)").run()
                expected = .headMismatch(expected: last, found: last - 1)
            }
            let report = try await AuditService(env).verify(by: TestEnvironment.system)
            #expect(report.first { $0.chain == chain }?.problem == expected)
            #expect(report.filter { $0.chain != chain }.allSatisfy { $0.problem == nil }, "the county chain is untouched")
        }
    }

    @Test(arguments: TestDatabase.available)
    func concurrentWritersOfOneChainNeverFork(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { registry in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<20 {
                    group.addTask {
                        try await PolicyService(registry.environment).save(
                            MonitoringThreshold(year: 2030 + n, region: .national, amountPerCapita: .yuan(7_000), source: "t"),
                            by: TestEnvironment.system)
                    }
                }
                try await group.waitForAll()
            }
            let report = try await AuditService(registry.environment).verify(by: TestEnvironment.system)
            #expect(report.allSatisfy { $0.problem == nil })
            let thresholds = try await AuditQuery.list(.init(action: "policyThresholdSet", scope: .everywhere), registry.store.sql)
            #expect(Set(thresholds.map(\.sequence)).count == 20, "twenty entries, twenty sequence numbers")
        }
    }
}
