import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// With a read replica configured, statistics and exports read it; everything that must see
/// the user's own latest write reads the primary.
@Suite("A read replica serves statistics and exports")
struct ReplicaReadsTests {
    @Test func statisticsAndExportsReadTheReplicaTheHouseholdFileThePrimary() async throws {
        try await SmallRegistry.with { registry in
            let admin = try await registry.user("admin")
            let county = try AdminCode("430481")
            let day = registry.environment.today
            let onPrimary = try await StatisticsService(registry.environment).summary(of: county, asOf: day, by: admin)
            #expect(onPrimary.counts.enrolledHouseholds == 2)
            try await TestDatabase.sqlite.withStore { replica in
                let environment = try ServiceEnvironment(store: registry.store, replica: replica, now: registry.clock.function)
                #expect(environment.reporting === replica)
                // The replica has not caught up yet: it holds no area, so statistics know none.
                await #expect(throws: StatisticsService.StatisticsError.unknownArea("430481")) {
                    try await StatisticsService(environment).summary(of: county, asOf: day, by: admin)
                }
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replica-export-\(UUID())")
                defer { try? FileManager.default.removeItem(at: folder) }
                let empty = try await RegistryService(environment).export(to: folder, area: county, masked: true, by: admin)
                #expect(empty.rows[.households] == 0, "the export read the replica")
                let file = try await HouseholdFileService(environment).file(try HouseholdNumber("4304811002010001"), by: admin)
                #expect(file.household.number.rawValue == "4304811002010001", "the household file reads the primary")
                // Caught up, the replica answers what the primary does.
                _ = try await InstallationCopy.copy(from: registry.store, to: replica)
                #expect(try await StatisticsService(environment).summary(of: county, asOf: day, by: admin) == onPrimary)
            }
        }
    }
}
