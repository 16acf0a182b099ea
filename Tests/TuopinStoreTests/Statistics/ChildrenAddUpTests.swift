import Testing
import TuopinCore
import TuopinDemo
import TuopinServices
import TuopinStore
import TuopinTesting

/// A property of every roll-up: at any area and any date, the children add up to the parent
/// (households and people by status, the remaining poor, poor villages), and the parent's own
/// summary says the same. Areas and dates are drawn from a seeded generator, so a failure repeats.
@Suite("Children add up to their area at any date", .serialized)
struct ChildrenAddUpTests {
    @Test(arguments: TestDatabase.available)
    func randomAreasAndDatesAddUp(_ database: TestDatabase) async throws {
        let store = try await DemoFixture.shared.store(on: database)
        let service = StatisticsService(try TestEnvironment.make(store: store))
        let county = try AdminCode("430481")
        let townships = try await service.breakdown(of: county, asOf: CivilDate(year: 2020, month: 10, day: 15)!, by: TestEnvironment.system)
        var random = SeededRandom(seed: 20_201_015)
        for _ in 0..<12 {
            let area = random.int(0...3) == 0 ? county : townships[random.int(0...(townships.count - 1))].area.code
            let date = CivilDate(
                dayNumber: random.int(CivilDate(year: 2014, month: 1, day: 1)!.dayNumber...CivilDate(year: 2022, month: 12, day: 31)!.dayNumber))
            let (parent, children) = try await service.overview(of: area, asOf: date, by: TestEnvironment.system)
            #expect(!children.isEmpty, "\(area)")
            let sum = children.map(\.counts).reduce(StatusCounts(), +)
            for status in PovertyStatus.allCases {
                #expect(sum.households[status, default: 0] == parent.counts.households[status, default: 0], "\(area) \(date) \(status)")
                #expect(sum.people[status, default: 0] == parent.counts.people[status, default: 0], "\(area) \(date) \(status)")
            }
            #expect(children.reduce(0) { $0 + $1.incidence.remainingPoorPeople } == parent.incidence.remainingPoorPeople)
            #expect(children.reduce(0) { $0 + $1.poorVillagesDesignated } == parent.poorVillagesDesignated)
            #expect(children.reduce(0) { $0 + $1.poorVillagesExited } == parent.poorVillagesExited)
            let alone = try await service.summary(of: area, asOf: date, by: TestEnvironment.system)
            #expect(alone.counts == parent.counts && alone.incidence == parent.incidence, "\(area) \(date)")
        }
    }
}
