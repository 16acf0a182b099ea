import Foundation
import Testing
import TuopinCore
import TuopinDemo
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("Statistics and demo services")
struct StatisticsServiceTests {
    let day = CivilDate(year: 2020, month: 10, day: 15)!

    @Test func anUnknownAreaIsNamedInTheError() async throws {
        try await TestDatabase.sqlite.withStore { store in
            _ = await #expect(throws: StatisticsService.StatisticsError.unknownArea("430481")) {
                try await StatisticsService(try TestEnvironment.make(store: store)).summary(
                    of: try AdminCode("430481"), asOf: day, by: TestEnvironment.system)
            }
        }
    }

    /// 16,130 household rows: the 14,466 on the roll and those removed or closed since 2014.
    @Test func theDemoLoadsOnlyIntoAnEmptyRegistry() async throws {
        let store = try await DemoFixture.shared.store()
        await #expect(throws: DemoLoader.LoadError.registryNotEmpty(households: 16_130)) {
            try await DemoLoader(try TestEnvironment.make(store: store)).load(counties: ["430481"], by: TestEnvironment.system)
        }
    }

    @Test func theSystemOperatorOpensOnTheCityAndAUserOnTheirScope() async throws {
        let store = try await DemoFixture.shared.store()
        let service = StatisticsService(try TestEnvironment.make(store: store))
        #expect(try await service.home(of: TestEnvironment.system)?.rawValue == "430400")
        let cadre = User(username: try Username("someone"), displayName: "", role: .villageCadre, scope: .area(try AdminCode("430481100201")))
        #expect(try await service.home(of: cadre)?.rawValue == "430481100201")
    }

    @Test func theCitySummaryIsTheSumOfItsCounties() async throws {
        let store = try await DemoFixture.shared.store()
        let service = StatisticsService(try TestEnvironment.make(store: store))
        let city = try await service.summary(of: try AdminCode("430400"), asOf: day, by: TestEnvironment.system)
        let counties = try await service.breakdown(of: try AdminCode("430400"), asOf: day, by: TestEnvironment.system)
        #expect(counties.map(\.area.code.rawValue) == ["430481"], "only Leiyang is loaded in the fixture")
        #expect(city.counts == counties[0].counts)
        #expect(city.incidence.percent == counties[0].incidence.percent)
    }

    @Test func progressIsReportedToTheEnd() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let seen = ProgressLog()
            try await DemoLoader(try TestEnvironment.make(store: store)).load(counties: ["430412"], users: false, by: TestEnvironment.system) {
                seen.append($0)
            }
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
    func append(_ p: JobProgress) {
        lock.lock()
        items.append(p)
        lock.unlock()
    }
    var all: [JobProgress] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
