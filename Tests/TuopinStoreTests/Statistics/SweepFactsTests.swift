import Testing
import TuopinCore
import TuopinTesting

@testable import TuopinStore

/// The sweep's facts (and the poverty measures', which read the same query) come through
/// SQLite's own rows on a SQLite store, and through SQLKit's elsewhere: both give the same
/// facts for every household of 耒阳's demo.
@Suite("Sweep facts: SQLite's rows and SQLKit's agree", .serialized)
struct SweepFactsTests {
    @Test func bothReadingsAgree() async throws {
        let store = try await DemoFixture.shared.store(on: .sqlite)
        let county = try AdminCode("430481")
        for year in [2016, 2020] {
            let (fast, kit) = try await store.read { reader in
                (
                    try await SweepQuery.facts(in: county, year: year, reader),
                    try await SweepQuery.facts(in: county, year: year, reader.sql, sqlite: nil)
                )
            }
            #expect(fast.count > 10_000, "\(year)")
            #expect(fast == kit, "\(year)")
            #expect(fast.contains { $0.previousPerCapitaNetIncome != nil }, "\(year): the year before is read too")
            #expect(Set(fast.compactMap(\.status)).count >= 2, "\(year): more than one status at the year's end")
        }
    }
}
