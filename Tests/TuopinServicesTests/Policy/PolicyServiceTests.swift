import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("Policy tables are editable data (DESIGN principle 2)")
struct PolicyServiceTests {
    @Test func aProvinceLineSetByTheAdministratorDecidesExits() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let env = try TestEnvironment.make(store: store)
            let policy = PolicyService(env)
            try await policy.save(
                PovertyLine(
                    year: 2020, region: .province("43"), standard: .national, amount: .yuan(4_300),
                    confirmed: false, source: "test"), by: TestEnvironment.system)
            let lines = try await policy.povertyLines(by: TestEnvironment.system)
            let facts = HouseholdExitFacts(
                exitYear: 2020, perCapitaNetIncome: [2020: .yuan(4_200)],
                securedGuarantees: Set(BasicGuarantee.allCases), dangerGrade: .a)
            #expect(HouseholdExit.evaluate(facts, lines: lines, region: .national).passed)
            #expect(!HouseholdExit.evaluate(facts, lines: lines, region: .province("43")).passed)
        }
    }

    @Test func aThresholdCanBeReplaced() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let policy = PolicyService(try TestEnvironment.make(store: store))
            try await policy.save(
                MonitoringThreshold(year: 2021, region: .national, amountPerCapita: .yuan(6_100), source: "test"),
                by: TestEnvironment.system)
            let t = try await policy.monitoringThresholds(by: TestEnvironment.system)
            #expect(t.rows.filter { $0.year == 2021 }.count == 1)
            #expect(t.threshold(year: 2021, region: .province("43"))?.amountPerCapita == .yuan(6_100))
            #expect(t.threshold(year: 2021, region: .national)?.isWithin(.yuan(6_100)) == true, "以下 includes the bound by default")
        }
    }

    @Test func aChangedLineIsAuditedWithItsOldAndNewValues() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let env = try TestEnvironment.make(store: store)
            try await PolicyService(env).save(
                PovertyLine(
                    year: 2020, region: .national, standard: .national, amount: .yuan(4_100),
                    confirmed: false, source: "review"), by: TestEnvironment.system)
            let entries = try await AuditService(env).list(.init(action: "policyLineSet", scope: .everywhere), by: TestEnvironment.system)
            #expect(entries.count == 1)
            #expect(entries.first?.before?.contains(#""amount":"4000.00""#) == true)
            #expect(entries.first?.after?.contains(#""amount":"4100.00""#) == true)
            #expect(entries.first?.actor == "system" && entries.first?.osUser == "tests")
        }
    }

    @Test func aCorruptPolicyRowIsAnErrorNamingItNotADefault() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await store.sql.raw("UPDATE poverty_line SET exit_comparison = 'sometimes' WHERE year = 2020").run()
            await #expect(
                throws: StoredValueError(table: "poverty_line", column: "exit_comparison", key: "2020/national/national", value: "sometimes")
            ) {
                try await PolicyService(try TestEnvironment.make(store: store)).povertyLines(by: TestEnvironment.system)
            }
        }
    }
}
