import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("Statistics and demo services")
struct StatisticsServiceTests {
    @Test func anUnknownAreaIsNamedInTheError() async throws {
        try await TestDatabase.sqlite.withStore { store in
            await #expect(throws: StatisticsService.StatisticsError.unknownArea("430481")) {
                try await StatisticsService(store: store).summary(of: try AdminCode("430481"), asOf: CivilDate(year: 2020, month: 1, day: 1)!)
            }
        }
    }

    @Test func theDemoLoadsOnlyIntoAnEmptyRegistry() async throws {
        let store = try await DemoFixture.shared.store()
        await #expect(throws: DemoLoader.LoadError.self) { try await DemoLoader(store: store).load(counties: ["430481"]) }
    }

    @Test func theCityIsTheTopArea() async throws {
        let store = try await DemoFixture.shared.store()
        #expect(try await StatisticsService(store: store).topArea()?.rawValue == "430400")
    }

    @Test func theCitySummaryIsTheSumOfItsCounties() async throws {
        let store = try await DemoFixture.shared.store()
        let service = StatisticsService(store: store)
        let day = CivilDate(year: 2020, month: 10, day: 15)!
        let city = try await service.summary(of: try AdminCode("430400"), asOf: day)
        let counties = try await service.breakdown(of: try AdminCode("430400"), asOf: day)
        #expect(counties.map(\.area.code.rawValue) == ["430481"], "only Leiyang is loaded in the fixture")
        #expect(city.counts == counties[0].counts)
        #expect(city.incidence.percent == counties[0].incidence.percent)
    }

    @Test func progressIsReportedToTheEnd() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let seen = ProgressLog()
            try await DemoLoader(store: store).load(counties: ["430412"]) { seen.append($0) }
            let last = seen.all.last
            #expect(last?.done == last?.total)
            #expect(last?.total == 828, "南岳区's roll: 810 exited + 18 remaining households")
        }
    }
}

/// Collects progress reports from a job.
final class ProgressLog: @unchecked Sendable {
    private var items: [JobProgress] = []
    private let lock = NSLock()
    func append(_ p: JobProgress) { lock.lock(); items.append(p); lock.unlock() }
    var all: [JobProgress] { lock.lock(); defer { lock.unlock() }; return items }
}
