import Foundation
import Testing
import TuopinCore
import TuopinDemo
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("The demo's monitoring era on any date after mid-2021")
struct DemoMonitoringTests {
    /// On 2023-06-01 only the paths whose dates have passed are written; nothing is dated later.
    @Test func aDemoBuiltIn2023WritesNoLaterDate() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let env = try TestEnvironment.make(store: store, clock: TestClock(Date(timeIntervalSince1970: 1_685_577_600)))
            try await DemoLoader(env).load(counties: ["430481"], users: false, by: TestEnvironment.system)
            let cases = try await MonitoringService(env).cases(in: try AdminCode("430481"), by: TestEnvironment.system)
            #expect(!cases.isEmpty)
            #expect(cases.allSatisfy { $0.lastStepDate <= (try! CivilDate("2023-06-01")) })
        }
    }
}
