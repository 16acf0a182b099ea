import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// A year's deprivation facts, read from the rows household_years.csv and member_years.csv import.
@Suite("Deprivation facts of a year")
struct DeprivationQueryTests {
    @Test(arguments: TestDatabase.available)
    func theYearsRowsGiveEachHouseholdsFacts(_ database: TestDatabase) async throws {
        let fixture = YearlyFactsImportTests.withFacts { f in
            f.files[.incomes]! += [
                CSVFixture.income("4304811002010001", "2020", "3", migrantWages: "9000.00"),
                CSVFixture.income("4304811002010002", "2020", "1", migrantWages: "5000.00"),
            ]
        }
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write())
            #expect(run.rejections.isEmpty, "\(run.rejections.prefix(3))")
            let facts = try await DeprivationQuery.facts(in: try AdminCode("430481"), year: 2020, store.sql)
            let first = try #require(facts[try HouseholdNumber("4304811002010001")])
            // The fixture's 2020 year: grade A, safe water, no sanitary toilet; its one member-year is insured.
            #expect(first.perCapitaIncome == Money(fen: 300_000) && first.householdSize == 3)
            #expect(first.dangerGrade == .a && first.safeWater == true && first.sanitaryToilet == false && first.everyoneInsured == true)
            // The second household has only its income for 2020.
            let second = try #require(facts[try HouseholdNumber("4304811002010002")])
            #expect(second.perCapitaIncome == Money(fen: 500_000) && second.dangerGrade == nil && second.everyoneInsured == nil)
            #expect(facts.count == 2)
            #expect(try await DeprivationQuery.facts(in: try AdminCode("430481"), year: 2019, store.sql).isEmpty)
        }
    }
}
