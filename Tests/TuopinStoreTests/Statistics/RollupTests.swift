import Testing
import TuopinCore
import TuopinDemo
import TuopinServices
import TuopinStore
import TuopinTesting

/// The roll-up reports (R-03, R-04, R-05, R-13, R-15; R-06 is checked along a case's life in
/// `MonitoringServiceTests`): exact cells on the two-household
/// fixture, age bands across birthdays, and on the demo county the invariants that tie them to
/// R-01 (every enrolled household has one main cause, every member one age band) and a
/// township asked alone equal to its block in the county's answer.
@Suite("Roll-up reports R-03 … R-15", .serialized)
struct RollupTests {
    static let county = try! AdminCode("430481")

    static func cells(
        _ store: Store, _ report: RollupReport, _ area: AdminCode, _ date: String, _ dimension: RollupDimension
    ) async throws -> [String: [Int]] {
        let rollup = try await RollupQuery.rollup(store.sql, report, area: area, asOf: try CivilDate(date))
        return Dictionary(
            uniqueKeysWithValues: rollup.total().filter { $0.dimension == dimension }.map { ($0.category, [$0.households, $0.people]) })
    }

    /// 刘伟 1980-01-01, 李芳 1982-03-04 and 刘浩 2010-06-15 in household 1; 王强 1955-12-31 in
    /// household 2. Each row: the date, then households and people in 0-16, 17-59 and 60+.
    static let ageBands: [(String, [Int])] = [
        ("2014-12-30", [1, 1, 2, 3, 0, 0]),
        ("2015-12-30", [1, 1, 2, 3, 0, 0]),
        ("2015-12-31", [1, 1, 1, 2, 1, 1]),
        ("2020-10-15", [1, 1, 1, 2, 1, 1]),
        ("2026-06-15", [1, 1, 1, 2, 1, 1]),
        ("2027-06-14", [1, 1, 1, 2, 1, 1]),
        ("2027-06-15", [0, 0, 1, 3, 1, 1]),
        ("2039-12-31", [0, 0, 1, 3, 1, 1]),
        ("2040-01-01", [0, 0, 1, 2, 2, 2]),
        ("2042-03-03", [0, 0, 1, 2, 2, 2]),
        ("2042-03-04", [0, 0, 1, 1, 2, 3]),
    ]

    @Test func ageBandsTurnOnBirthdays() async throws {
        try await SmallRegistry.with { (registry: SmallRegistry) async throws in
            for (date, n) in Self.ageBands {
                var expected: [String: [Int]] = [:]
                for (i, band) in AgeBand.allCases.enumerated() where n[2 * i] > 0 { expected[band.rawValue] = [n[2 * i], n[2 * i + 1]] }
                #expect(try await Self.cells(registry.store, .structure, Self.county, date, .ageBand) == expected, "\(date)")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func fixtureCellsAreExact(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { (registry: SmallRegistry) async throws in
            let store = registry.store
            #expect(try await Self.cells(store, .structure, Self.county, "2020-10-15", .mainCause) == ["illness": [1, 3], "disability": [1, 1]])
            #expect(try await Self.cells(store, .structure, Self.county, "2014-04-30", .mainCause) == [:], "before the first event")
            #expect(try await Self.cells(store, .structure, Self.county, "2020-10-15", .health) == ["healthy": [2, 4]])
            #expect(try await Self.cells(store, .structure, Self.county, "2020-10-15", .education) == ["juniorMiddle": [2, 4]])
            #expect(try await Self.cells(store, .changes, Self.county, "2017-12-31", .changeKind) == ["exited": [1, 3]])
            #expect(try await Self.cells(store, .changes, Self.county, "2017-11-19", .changeKind) == [:])
            #expect(try await Self.cells(store, .changes, Self.county, "2014-05-01", .changeKind) == ["identified": [2, 4]])
            #expect(
                try await Self.cells(store, .conditions, Self.county, "2020-10-15", .dangerGrade) == ["-": [2, 4]], "no yearly row: not recorded")
            #expect(try await Self.cells(store, .helpers, Self.county, "2020-10-15", .helper) == ["false": [2, 4]])
            #expect(try await Self.cells(store, .measures, Self.county, "2020-10-15", .measureKind) == [:])
        }
    }

    /// four measures of two households; amounts by funding source, by project and by the
    /// year each began, a household once per category, nothing begun after the date.
    @Test(arguments: TestDatabase.available)
    func fundsAddUpBySourceAndYear(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { (registry: SmallRegistry) async throws in
            let cadre = try await registry.user("cadre")
            let service = AssistanceService(registry.environment)
            for (household, amount, funding, start, project) in [
                ("4304811002010002", 3_000, FundingSource.county, "2019-04-01", "养牛"), ("4304811002010002", 2_000, .central, "2020-03-01", "养牛"),
                ("4304811002010001", 1_000, .county, "2020-05-01", "光伏"), ("4304811002010001", 500, .county, "2020-10-10", "养牛"),
            ] {
                _ = try await service.record(
                    AssistanceMeasure(
                        household: try HouseholdNumber(household), kind: .category(.industry), project: project, amount: .yuan(Int64(amount)),
                        funding: funding, deadline: nil, start: try CivilDate(start)), by: cadre)
            }
            func funds(_ date: String, _ dimension: RollupDimension) async throws -> [String: [Int64]] {
                let rollup = try await RollupQuery.rollup(registry.store.sql, .funds, area: Self.county, asOf: try CivilDate(date))
                return Dictionary(
                    uniqueKeysWithValues: rollup.total().filter { $0.dimension == dimension }.map {
                        ($0.category, [Int64($0.households), Int64($0.people), $0.amountFen])
                    })
            }
            #expect(try await funds("2020-10-01", .fundingSource) == ["county": [2, 4, 400_000], "central": [1, 1, 200_000]])
            #expect(try await funds("2020-10-01", .fundingYear) == ["2019": [1, 1, 300_000], "2020": [2, 4, 300_000]])
            #expect(try await funds("2020-10-01", .fundingProject) == ["养牛": [1, 1, 500_000], "光伏": [1, 3, 100_000]])
            #expect(try await funds("2019-12-31", .fundingSource) == ["county": [1, 1, 300_000]])
            #expect(try await funds("2020-10-15", .fundingProject) == ["养牛": [2, 4, 550_000], "光伏": [1, 3, 100_000]])

            // By level: each budget under its own level until an administrator regroups one; the
            // change counts for every date, and is audited.
            #expect(try await funds("2020-10-01", .fundingLevel) == ["county": [2, 4, 400_000], "central": [1, 1, 200_000]])
            let policy = PolicyService(registry.environment)
            await #expect(throws: AccessDenied.self) {
                try await policy.save(FundingLevels.Row(funding: .county, level: .municipal, confirmed: true, source: "x"), by: cadre)
            }
            try await policy.save(
                FundingLevels.Row(funding: .central, level: .county, confirmed: true, source: "市财政局口径：中央转移支付计入县级"),
                by: registry.user("admin"))
            #expect(try await funds("2020-10-01", .fundingLevel) == ["county": [2, 4, 600_000]])
            #expect(try await funds("2020-10-01", .fundingSource) == ["county": [2, 4, 400_000], "central": [1, 1, 200_000]], "sources unchanged")
            let rows = try await policy.fundingLevels(by: cadre)
            #expect(rows.count == FundingSource.allCases.count && rows.first { $0.funding == .central }?.level == .county)
            #expect(rows.first { $0.funding == .enterprise }?.level == .social && rows.first { $0.funding == .enterprise }?.confirmed == false)
            let audit = try await AuditService(registry.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.filter { $0.action == "fundingLevelSet" }.count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func demoCountyAddsUpToR01(_ database: TestDatabase) async throws {
        let store = try await DemoFixture.shared.store(on: database)
        let environment = try TestEnvironment.make(store: store)
        for date in ["2014-12-31", "2017-06-30", "2020-10-15"] {
            let day = try CivilDate(date)
            let summary = try await StatisticsService(environment).summary(of: Self.county, asOf: day, by: TestEnvironment.system)
            let answer = try await RollupService(environment).rollup(.structure, of: Self.county, asOf: day, by: TestEnvironment.system)
            for dimension in [RollupDimension.mainCause, .labourCapacity, .education, .studentStatus, .ageBand] {
                let cells = answer.cells.filter { $0.dimension == dimension }
                #expect(cells.reduce(0) { $0 + $1.people } == summary.counts.enrolledPeople, "\(date) \(dimension)")
                if dimension == .mainCause {
                    #expect(cells.reduce(0) { $0 + $1.households } == summary.counts.enrolledHouseholds, "\(date) \(dimension)")
                }
            }
            // A township asked alone equals its block in the county's answer.
            let township = answer.children[day.year % answer.children.count]
            let alone = try await RollupService(environment).rollup(.structure, of: township.area.code, asOf: day, by: TestEnvironment.system)
            #expect(alone.cells == township.cells, "\(date) \(township.area.code)")
            #expect(!township.cells.isEmpty)
        }
    }
}
