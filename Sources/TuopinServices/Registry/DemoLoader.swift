import TuopinCore
import TuopinDemo
import TuopinStore

/// Builds the Hengyang demo into an empty registry: generates each county (pure) and loads it
/// in one transaction per county, then the village profiles.
public struct DemoLoader: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    public enum LoadError: Error, Equatable, Sendable {
        /// The registry already holds households; the demo only loads into an empty one.
        case registryNotEmpty(households: Int)
        /// A county asked for is not in the plan.
        case unknownCounty(String)
    }

    public struct Summary: Sendable, Equatable {
        public var counties = 0
        public var households = 0
        public var members = 0
        public var incomes = 0
        public var villageProfiles = 0
    }

    /// Whether the registry holds no household yet.
    public static func isRegistryEmpty(_ store: Store) async throws -> Bool { try await householdCount(store) == 0 }

    static func householdCount(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM household").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Loads `counties` (all of the plan by default).
    @discardableResult
    public func load(plan: HengyangPlan = .hengyang, counties: Set<String>? = nil, progress: ProgressSink? = nil) async throws -> Summary {
        let existing = try await Self.householdCount(store)
        guard existing == 0 else { throw LoadError.registryNotEmpty(households: existing) }
        if let unknown = counties?.subtracting(plan.counties.map(\.code)).sorted().first { throw LoadError.unknownCounty(unknown) }
        let lines = try await PolicyQuery.povertyLines(store.sql)
        let selected = counties.map { plan.only($0) } ?? plan.counties
        let total = selected.reduce(0) { $0 + $1.rollHouseholds }
        var summary = Summary()
        var generated: [DemoCounty] = []
        var upper = ImportBatch()
        upper.areas = HengyangDemo.upperAreas(plan)
        try await RegistryWriter.write(upper, to: store)
        var done = 0
        progress?(JobProgress(phase: "progress.demo.households", done: 0, total: total))
        for countyPlan in selected {
            var county = HengyangDemo.generateCounty(countyPlan, plan: plan, lines: lines)
            try await RegistryWriter.write(county.batch, to: store)
            summary.counties += 1
            summary.households += county.households.count
            summary.members += county.members.count
            summary.incomes += county.incomes.count
            done += countyPlan.rollHouseholds
            progress?(JobProgress(phase: "progress.demo.households", done: done, total: total))
            // Keep only what the population step needs.
            county.households = []; county.members = []; county.memberships = []; county.incomes = []; county.events = []
            generated.append(county)
        }
        let population = HengyangDemo.population(for: generated, plan: plan)
        var profiles = ImportBatch()
        profiles.profiles = population.profiles
        try await RegistryWriter.write(profiles, to: store)
        summary.villageProfiles = population.profiles.count
        return summary
    }
}

extension DemoCounty {
    /// The county as rows to write.
    var batch: ImportBatch {
        var batch = ImportBatch()
        batch.areas = areas
        batch.areaEvents = areaEvents
        batch.households = households
        batch.events = events
        batch.members = members.map { (plan.code, $0) }
        batch.memberships = memberships
        batch.incomes = incomes
        return batch
    }
}
