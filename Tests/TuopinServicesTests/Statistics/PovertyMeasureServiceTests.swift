import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// Poverty measures over the registry: the households on the roll at the year's end with
/// the year's income, at their per-capita net income, against the year's line or a what-if one.
@Suite("Poverty measures over the registry", .serialized)
struct PovertyMeasureServiceTests {
    /// 2022-06-01, when 2019 incomes are long known.
    static var clock: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }

    /// 2019: household 1 has 3 people at 3,000 yuan each, household 2 one person at 4,000.
    static func incomes(_ f: inout CSVFixture) {
        f.files[.incomes]! += [
            CSVFixture.income("4304811002010001", "2019", "3", migrantWages: "9000.00"),
            CSVFixture.income("4304811002010002", "2019", "1", migrantWages: "4000.00"),
        ]
    }

    @Test(arguments: TestDatabase.available)
    func theYearsLineMeasuresPeopleOrHouseholds(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.clock, fixture: Self.incomes) { r in
            let service = PovertyMeasureService(r.environment)
            let cadre = try await r.user("county")
            let people = try await service.measures(area: try AdminCode("430481"), year: 2019, line: nil, by: cadre)
            // The 2019 line is 3,218 yuan: the three people of household 1 are below it.
            #expect(people.line == (try Money(yuan: "3218")) && !people.lineGiven)
            #expect(people.households == 2 && people.measures.population == 4 && people.measures.poor == 3)
            #expect(people.measures.p0 == 0.75)
            let gap: Double = 3.0 * 218 / 3218 / 4
            #expect(abs(try #require(people.measures.p1) - gap) < 1e-12)
            #expect(people.measures.totalGap == 3 * 21_800)
            let households = try await service.measures(area: try AdminCode("430481"), year: 2019, line: nil, unit: .household, by: cadre)
            #expect(households.measures.population == 2 && households.measures.p0 == 0.5)
            // What if the line were 5,000: everyone is below it, and lifting them costs 3 × 2,000 + 1,000 a year.
            let whatIf = try await service.measures(area: try AdminCode("430481"), year: 2019, line: try Money(yuan: "5000"), by: cadre)
            #expect(whatIf.lineGiven && whatIf.measures.poor == 4 && whatIf.measures.totalGap == 700_000)
            #expect(whatIf.householdsBelow == 2 && people.householdsBelow == 1)
            // By child area: the township holds both households, and the children add up to the county.
            let (_, rows) = try await service.byChild(area: try AdminCode("430481"), year: 2019, line: try Money(yuan: "5000"), by: cadre)
            #expect(rows.map(\.area.code.rawValue) == ["430481100"])
            #expect(rows.map(\.households).reduce(0, +) == 2 && rows.map(\.people).reduce(0, +) == 4)
            #expect(rows.first?.gap == Money(fen: whatIf.measures.totalGap))
            // 2017 holds both households' incomes; 2018 none.
            let none = try await service.measures(area: try AdminCode("430481"), year: 2018, line: nil, by: cadre)
            #expect(none.households == 0 && none.withoutIncome == 2 && none.measures.p0 == nil)
        }
    }

    @Test func aYearAfterTodayOrOutsideScopeIsRefused() async throws {
        try await SmallRegistry.with(clock: Self.clock, fixture: Self.incomes) { r in
            let service = PovertyMeasureService(r.environment)
            await #expect(throws: PovertyMeasureError.year(2023)) {
                try await service.measures(area: nil, year: 2023, line: nil, by: r.user("county"))
            }
            await #expect(throws: PovertyMeasureError.line(Money(fen: 0))) {
                try await service.measures(area: nil, year: 2019, line: Money(fen: 0), by: r.user("county"))
            }
            await #expect(throws: AccessDenied.self) {
                try await service.measures(area: try AdminCode("430424"), year: 2019, line: nil, by: r.user("cadre"))
            }
        }
    }
}
