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
    }

    public struct Summary: Sendable, Equatable {
        public var counties = 0
        public var households = 0
        public var members = 0
        public var incomes = 0
        public var villageProfiles = 0
    }

    /// Whether the registry holds no household yet.
    public static func isRegistryEmpty(_ store: Store) async throws -> Bool {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM household").first()?.decode(column: "n", as: Int.self) == 0
    }

    /// Loads `counties` (all of the plan by default).
    @discardableResult
    public func load(plan: HengyangPlan = .hengyang, counties: Set<String>? = nil, progress: ProgressSink? = nil) async throws -> Summary {
        let existing = try await store.sql.raw("SELECT COUNT(*) AS n FROM household").first()?.decode(column: "n", as: Int.self) ?? 0
        guard existing == 0 else { throw LoadError.registryNotEmpty(households: existing) }
        let lines = try await PolicyQuery.povertyLines(store.sql)
        let selected = counties.map { plan.only($0) } ?? plan.counties
        let total = selected.reduce(0) { $0 + $1.rollHouseholds }
        var summary = Summary()
        var generated: [DemoCounty] = []
        try await store.transaction { tx in
            try await BulkLoad.insert(HengyangDemo.upperAreas(plan).map(RegistryRows.row), into: RegistryRows.area, in: tx)
        }
        var done = 0
        progress?(JobProgress(phase: "progress.demo.households", done: 0, total: total))
        for countyPlan in selected {
            var county = HengyangDemo.generateCounty(countyPlan, plan: plan, lines: lines)
            try await RegistryWriter.write(county, in: store)
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
        try await store.transaction { tx in
            try await BulkLoad.insert(population.profiles.map(RegistryRows.row), into: RegistryRows.villageProfile, in: tx)
        }
        summary.villageProfiles = population.profiles.count
        return summary
    }
}

/// Writes one generated county in one transaction.
enum RegistryWriter {
    static func write(_ county: DemoCounty, in store: Store) async throws {
        let code = county.plan.code
        let areas = county.areas.map(RegistryRows.row)
        let events = county.areaEvents.map(RegistryRows.row)
        let households = county.households.map(RegistryRows.row)
        let statusEvents = county.events.map { RegistryRows.row($0, county: code) }
        let members = county.members.map { RegistryRows.row($0, county: code) }
        let memberships = county.memberships.map { RegistryRows.row($0, county: code) }
        let incomes = county.incomes.map { RegistryRows.row($0, county: code) }
        try await store.transaction { tx in
            try await BulkLoad.insert(areas, into: RegistryRows.area, in: tx)
            try await BulkLoad.insert(events, into: RegistryRows.areaEvent, in: tx)
            try await BulkLoad.insert(households, into: RegistryRows.household, in: tx)
            try await BulkLoad.insert(statusEvents, into: RegistryRows.statusEvent, in: tx)
            try await BulkLoad.insert(members, into: RegistryRows.member, in: tx)
            try await BulkLoad.insert(memberships, into: RegistryRows.membership, in: tx)
            try await BulkLoad.insert(incomes, into: RegistryRows.income, in: tx)
        }
    }
}
