import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// Builds the Hengyang demo into an empty registry: generates each county (pure) and loads it
/// through the registry service (one transaction and one audit entry per county), then the
/// village profiles, then one demo user per role.
public struct DemoLoader: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

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
        /// The demo users created, with their passwords (printed once by `tuopin demo`).
        public var users: [DemoUsers.Account] = []
    }

    /// Loads `counties` (all of the plan by default) as `user`, then the demo users, then (unless
    /// `monitoring` is false) the years after 2020 up to today (`DemoYears`) and the monitoring era.
    @discardableResult
    public func load(
        plan: HengyangPlan = .hengyang, counties: Set<String>? = nil, users: Bool = true, monitoring: Bool = true, by user: User,
        progress: ProgressSink? = nil
    ) async throws -> Summary {
        let registry = RegistryService(environment)
        let existing = try await registry.householdCount(by: user)
        guard existing == 0 else { throw LoadError.registryNotEmpty(households: existing) }
        if let unknown = counties?.subtracting(plan.counties.map(\.code)).sorted().first { throw LoadError.unknownCounty(unknown) }
        let lines = try await PolicyService(environment).povertyLines(by: user)
        let selected = counties.map { plan.only($0) } ?? plan.counties
        let total = selected.reduce(0) { $0 + $1.rollHouseholds }
        var summary = Summary()
        var generated: [DemoCounty] = []
        var upper = ImportBatch()
        upper.areas = HengyangDemo.upperAreas(plan)
        try await registry.load(upper, action: .demoLoad, entity: "demo:areas", by: user)
        var done = 0
        var monitoringPicks: [(DemoCounty, [DemoMonitoring.Pick])] = []
        progress?(JobProgress(phase: "progress.demo.households", done: 0, total: total))
        let thresholds = try await PolicyService(environment).monitoringThresholds(by: user)
        for countyPlan in selected {
            var county = HengyangDemo.generateCounty(countyPlan, plan: plan, lines: lines)
            var batch = county.batch
            let picks = DemoMonitoring.picks(county, cadreVillage: "430481100200")
            if monitoring {
                // The years after 2020, up to today (nothing while today is in 2020). The households
                // the monitoring era eliminates keep their incomes above the threshold.
                let years = DemoYears.rows(
                    for: county, today: environment.today, thresholds: thresholds, seed: plan.seed, steady: Set(picks.map(\.household.number)))
                batch.householdYears = years.householdYears
                batch.memberYears = years.memberYears
                batch.incomes += years.incomes
                batch.groupTags = years.tags
                summary.incomes += years.incomes.count
            }
            try await registry.load(batch, action: .demoLoad, entity: "demo:county:" + countyPlan.code, by: user)
            summary.counties += 1
            summary.households += county.households.count
            summary.members += county.members.count
            summary.incomes += county.incomes.count
            done += countyPlan.rollHouseholds
            progress?(JobProgress(phase: "progress.demo.households", done: done, total: total))
            // The monitoring era needs only the areas' events and each county's picks.
            var light = DemoCounty(plan: county.plan)
            light.areaEvents = county.areaEvents
            monitoringPicks.append((light, picks))
            // Keep only what the population step needs.
            county.households = []
            county.members = []
            county.memberships = []
            county.incomes = []
            county.events = []
            generated.append(county)
        }
        let population = HengyangDemo.population(for: generated, plan: plan)
        var profiles = ImportBatch()
        profiles.profiles = population.profiles
        try await registry.load(profiles, action: .demoLoad, entity: "demo:villageProfiles", by: user)
        summary.villageProfiles = population.profiles.count
        if users {
            summary.users = try await DemoUsers.create(in: environment, plan: plan, generated: generated, by: user)
            let names = Dictionary(generated.flatMap(\.areas).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            try await DemoFindings.run(in: environment, accounts: summary.users, names: names)
            try await DemoSurvey.run(in: environment, accounts: summary.users)
            try await DemoPetitions.run(in: environment, accounts: summary.users, names: names)
            try await DemoCampaigns.run(in: environment, accounts: summary.users)
        }
        if monitoring { try await DemoMonitoring.run(in: environment, counties: monitoringPicks, by: user) }
        // Planner statistics only speed later reads: the rows are committed whether or not they are gathered.
        try? await environment.store.optimize()
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

extension DemoLoader.LoadError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .registryNotEmpty(let n): s.text("error.demo.notEmpty", ["households": s.count(n)])
        case .unknownCounty(let code): s.text("error.demo.unknownCounty", ["code": code])
        }
    }
}
