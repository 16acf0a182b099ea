import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("Policy tables are editable data (DESIGN principle 2)")
struct PolicyServiceTests {
    @Test func aProvinceLineSetByTheAdministratorDecidesExits() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let policy = PolicyService(store: store)
            try await policy.save(PovertyLine(year: 2020, region: .province("43"), standard: .national, amount: .yuan(4_300),
                                              confirmed: false, source: "test"))
            let lines = try await policy.povertyLines()
            let facts = HouseholdExitFacts(exitYear: 2020, perCapitaNetIncome: [2020: .yuan(4_200)],
                                           securedGuarantees: Set(BasicGuarantee.allCases), dangerGrade: .a)
            #expect(HouseholdExit.evaluate(facts, lines: lines, region: .national).passed)
            #expect(!HouseholdExit.evaluate(facts, lines: lines, region: .province("43")).passed)
        }
    }

    @Test func aThresholdCanBeReplaced() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let policy = PolicyService(store: store)
            try await policy.save(MonitoringThreshold(year: 2021, region: .national, amountPerCapita: .yuan(6_100), source: "test"))
            let t = try await policy.monitoringThresholds()
            #expect(t.rows.filter { $0.year == 2021 }.count == 1)
            #expect(t.threshold(year: 2021, region: .province("43"))?.amountPerCapita == .yuan(6_100))
            #expect(t.threshold(year: 2021, region: .national)?.isWithin(.yuan(6_100)) == true, "以下 includes the bound by default")
        }
    }
}
