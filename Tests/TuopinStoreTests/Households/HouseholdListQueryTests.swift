import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// The households list on both databases: each kind of search, the filters, paging and the
/// current head, on the small registry (household 1: 刘伟 head, 李芳, 刘浩, exited 2017;
/// household 2: 王强, not yet out).
@Suite("Households list and search (SQLite and PostgreSQL)")
struct HouseholdListQueryTests {
    static let county = try! AdminCode("430481")

    static func numbers(
        _ registry: SmallRegistry, _ filter: HouseholdListQuery.Filter, offset: Int = 0, limit: Int = 50
    ) async throws
        -> ([String], Int)
    {
        let (rows, total) = try await HouseholdListQuery.page(registry.store.sql, filter, offset: offset, limit: limit)
        return (rows.map(\.household.rawValue), total)
    }

    @Test(arguments: TestDatabase.available)
    func eachSearchAndFilterSelectsItsHouseholds(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { (registry: SmallRegistry) async throws in
            let one = "4304811002010001", two = "4304811002010002"
            let cases: [(HouseholdListQuery.Filter, [String])] = [
                (.init(area: Self.county), [one, two]),
                (.init(area: Self.county, text: "李"), [one]),
                (.init(area: Self.county, text: " 王强 "), [two]),
                (.init(area: Self.county, text: "430424195512310033"), [two]),
                (.init(area: Self.county, text: "43048120100615001x"), [one]),
                (.init(area: Self.county, text: "430481100201000"), [one, two]),
                (.init(area: Self.county, text: "4304811002010002"), [two]),
                (.init(area: Self.county, text: "%"), []),
                (.init(area: Self.county, text: "刘_"), []),
                (.init(area: Self.county, text: "\\"), []),
                (.init(area: Self.county, status: .exitedWithPolicies), [one]),
                (.init(area: Self.county, status: .notExited), [two]),
                (.init(area: Self.county, attribute: .dibao), [two]),
                (.init(area: Self.county, cause: .disability), [two]),
                (.init(area: Self.county, monitored: true), []),
                (.init(area: try AdminCode("430481100202")), []),
                (.init(area: try AdminCode("430400"), text: "刘"), [one]),
            ]
            for (filter, expected) in cases {
                let (found, total) = try await Self.numbers(registry, filter)
                #expect(found == expected && total == expected.count, "\(filter)")
            }
            let (rows, _) = try await HouseholdListQuery.page(registry.store.sql, .init(area: Self.county), offset: 0, limit: 50)
            #expect(rows.map(\.headName) == ["刘伟", "王强"] && rows.map(\.headIdNumber) == ["430481198001010013", "430424195512310033"])
            #expect(rows.map(\.people) == [3, 1] && rows.map(\.villageName) == ["白溪村", "白溪村"])
            // Paging: one a page, the total stays.
            #expect(try await Self.numbers(registry, .init(area: Self.county), offset: 1, limit: 1) == ([two], 2))
            #expect(try await Self.numbers(registry, .init(area: Self.county), offset: 2, limit: 1) == ([], 2))
        }
    }
}
