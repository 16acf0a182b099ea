import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

@Suite("Migrations and policy tables")
struct MigratorTests {
    @Test(arguments: TestDatabase.available)
    func migrationsRunOnceAndAreRecorded(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            #expect(try await Migrator.migrate(store).isEmpty, "a second run applies nothing")
            let versions = try await store.sql.raw("SELECT version FROM schema_migration ORDER BY version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
            #expect(versions == Migrator.all.map(\.version))
        }
    }

    @Test(arguments: TestDatabase.available)
    func povertyLinesAreSeededFromTheReference(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let lines = try await PolicyQuery.povertyLines(store.sql)
            #expect(lines.line(year: 2014)?.amount == .yuan(2_800))
            #expect(lines.line(year: 2016)?.amount == .yuan(2_952))
            #expect(lines.line(year: 2020)?.amount == .yuan(4_000))
            #expect(lines.line(year: 2017)?.confirmed == false, "2017 is marked unconfirmed in REFERENCE §3.1")
            #expect(lines.line(year: 2020, region: .province("43"))?.region == .national, "no Hunan row: the national line applies")
            let thresholds = try await PolicyQuery.monitoringThresholds(store.sql)
            #expect(thresholds.threshold(year: 2021, region: .province("43"))?.amountPerCapita == .yuan(6_000))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAdministratorsEditReplacesTheRow(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            try await store.transaction { tx in
                try await PolicyQuery.save(
                    PovertyLine(
                        year: 2020, region: .province("43"), standard: .national, amount: .yuan(4_100),
                        exitComparison: .atLeast, confirmed: false, source: "test"), in: tx)
            }
            let lines = try await PolicyQuery.povertyLines(store.sql)
            #expect(lines.line(year: 2020, region: .province("43"))?.amount == .yuan(4_100))
            #expect(lines.line(year: 2020, region: .province("43"))?.exitComparison == .atLeast)
            #expect(lines.line(year: 2020)?.amount == .yuan(4_000))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFailedTransactionLeavesNothing(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await store.transaction { tx in
                    try await BulkLoad.insert(
                        [[.text("430000"), .text("湖南省"), .text("province"), .text("province"), .null, .null]],
                        into: RegistryRows.area, in: tx)
                    throw Boom()
                }
            }
            let n = try await store.sql.raw("SELECT COUNT(*) AS n FROM area").first()!.decode(column: "n", as: Int.self)
            #expect(n == 0)
        }
    }
}
