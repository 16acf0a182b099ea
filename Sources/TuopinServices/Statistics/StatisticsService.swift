import TuopinCore
import TuopinStore
import TuopinStrings

/// Area figures as of a date: one area's summary, or its children's (R-01, R-02), only inside
/// the asking user's scope. Each answer comes from one read snapshot.
public struct StatisticsService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public enum StatisticsError: Error, Equatable, Sendable {
        /// No area with this code is in the registry.
        case unknownArea(String)
    }

    /// The area a user's dashboard opens on: their scope, or for the whole registry its top
    /// area (the city a prefecture registry is built for, else the province, else a county).
    public func home(of user: User) async throws -> AdminCode? {
        if let code = user.scope.code { return code }
        return try await environment.keptWhileUnchanged("area|top") { try await AreaQuery.top(environment.store.sql)?.code }
    }

    /// The areas from the top of the registry down to `code` (for breadcrumbs), each marked
    /// with whether `user` may open it; unknown levels are skipped.
    public func path(to code: AdminCode, by user: User) async throws -> [(area: Area, viewable: Bool)] {
        try await environment.authorize(user, .view, area: code)
        return try await environment.reporting.read { db in
            var result: [(Area, Bool)] = []
            for step in code.chain {
                if let area = try await AreaQuery.area(db.sql, code: step) { result.append((area, user.scope.contains(step))) }
            }
            return result
        }
    }

    /// The summary of one area.
    public func summary(of code: AdminCode, asOf: CivilDate, by user: User) async throws -> AreaSummary {
        try await environment.authorize(user, .view, area: code)
        return try await environment.reporting.read { db in
            guard let area = try await AreaQuery.area(db.sql, code: code) else { throw StatisticsError.unknownArea(code.rawValue) }
            return try await Figures.cached(db, in: environment.reporting, scope: code, groupBy: nil, asOf: asOf).summary(of: area, keys: nil)
        }
    }

    /// Incidence at the end of each year from `from` to `to` (the last one on `asOf` when that is
    /// earlier): the points of the incidence-by-year chart, with the area's name.
    public func incidenceByYear(
        of code: AdminCode, from: Int, through asOf: CivilDate, by user: User
    ) async throws -> (
        name: String, points: [(year: Int, value: FixedDecimal?)]
    ) {
        var name = code.rawValue
        var points: [(year: Int, value: FixedDecimal?)] = []
        for year in from...max(from, asOf.year) {
            let s = try await summary(of: code, asOf: min(CivilDate(year: year, month: 12, day: 31)!, asOf), by: user)
            name = s.area.name
            points.append((year, s.incidence.percent))
        }
        return (name, points)
    }

    /// The summaries of an area's children (the counties of a city, the townships of a county …).
    public func breakdown(of code: AdminCode, asOf: CivilDate, by user: User) async throws -> [AreaSummary] {
        try await overview(of: code, asOf: asOf, by: user).children
    }

    /// The area's monitoring figures (防返贫监测) as of a date.
    public func monitoring(of code: AdminCode, asOf: CivilDate, by user: User) async throws -> MonitoringFigures {
        try await environment.authorize(user, .view, area: code)
        return try await environment.reporting.read { db in
            let version = try await RegistryProjection.state(db.sql, area: code).version
            return try await environment.reporting.cache.value("monitoring|\(code)|\(asOf)", version: version) {
                try await MonitoringFiguresQuery.figures(db.sql, area: code, asOf: asOf)
            }
        }
    }

    /// An area's summary and its children's, from one set of grouped queries on one snapshot:
    /// the parent's figures are the sum over every child key, so nothing is counted twice or missed.
    /// `cached: false` reads them afresh (benchmarks; the cached answer is always the same).
    public func overview(
        of code: AdminCode, asOf: CivilDate, by user: User, cached: Bool = true
    ) async throws -> (summary: AreaSummary, children: [AreaSummary]) {
        try await environment.authorize(user, .view, area: code)
        return try await environment.reporting.read { db in
            guard let area = try await AreaQuery.area(db.sql, code: code) else { throw StatisticsError.unknownArea(code.rawValue) }
            let children = try await AreaQuery.children(db.sql, of: code)
            let figures =
                cached
                ? try await Figures.cached(db, in: environment.reporting, scope: code, groupBy: children.first?.level, asOf: asOf)
                : try await Figures.load(db, scope: code, groupBy: children.first?.level, asOf: asOf)
            return (figures.summary(of: area, keys: nil), children.map { figures.summary(of: $0, keys: [$0.code.rawValue]) })
        }
    }
}

/// The grouped query results for one scope and date, from which summaries are assembled.
struct Figures: Sendable {
    var asOf: CivilDate
    var counts: [String: StatusCounts] = [:]
    var population: [String: PopulationQuery.Population] = [:]
    var designations: [String: AreaEventQuery.Designations] = [:]
    var baselineDate: CivilDate?
    var baselineCounts: [String: StatusCounts] = [:]
    var baselinePopulation: [String: PopulationQuery.Population] = [:]

    /// The figures, from the store's cache when they were read at the registry's current version
    /// (read in the same snapshot), else loaded and kept.
    static func cached(_ db: StoreReader, in store: Store, scope: AdminCode, groupBy: AreaLevel?, asOf: CivilDate) async throws -> Figures {
        let version = try await RegistryProjection.state(db.sql, area: scope).version
        return try await store.cache.value("figures|\(scope)|\(groupBy.map { "\($0)" } ?? "-")|\(asOf)", version: version) {
            try await load(db, scope: scope, groupBy: groupBy, asOf: asOf)
        }
    }

    static func load(_ db: StoreReader, scope: AdminCode, groupBy: AreaLevel?, asOf: CivilDate) async throws -> Figures {
        let sql = db.sql
        var f = Figures(asOf: asOf)
        f.counts = try await StatusCountQuery.counts(db, area: scope, asOf: asOf, groupBy: groupBy)
        f.population = try await PopulationQuery.population(sql, area: scope, year: asOf.year, groupBy: groupBy)
        f.designations = try await AreaEventQuery.designations(sql, area: scope, asOf: asOf, groupBy: groupBy)
        // firstEnrolmentYear refuses a stored year outside RegistryYear, so the date exists.
        if let first = try await StatusCountQuery.firstEnrolmentYear(sql, area: scope), let date = CivilDate.endOfYear(first), date <= asOf {
            f.baselineDate = date
            f.baselineCounts = try await StatusCountQuery.counts(db, area: scope, asOf: date, groupBy: groupBy)
            f.baselinePopulation = try await PopulationQuery.population(sql, area: scope, year: first, groupBy: groupBy)
        }
        return f
    }

    /// The summary over `keys`, or over every key when nil (the whole scope).
    func summary(of area: Area, keys: Set<String>?) -> AreaSummary {
        func pick<V>(_ d: [String: V]) -> [V] { d.filter { keys?.contains($0.key) ?? true }.map(\.value) }
        let c = pick(counts).reduce(StatusCounts(), +)
        let people = pick(population)
        let d = pick(designations)
        let baseline = baselineDate.map { date in
            let bc = pick(baselineCounts).reduce(StatusCounts(), +)
            let bp = pick(baselinePopulation)
            return AreaSummary.Baseline(
                date: date, counts: bc,
                incidence: .evaluate(
                    remainingPoorPeople: bc.remainingPeople, ruralRegisteredPopulation: bp.reduce(0) { $0 + $1.people },
                    populationYear: bp.first?.year))
        }
        return AreaSummary(
            area: area, asOf: asOf, counts: c,
            incidence: .evaluate(
                remainingPoorPeople: c.remainingPeople, ruralRegisteredPopulation: people.reduce(0) { $0 + $1.people },
                populationYear: people.first?.year),
            baseline: baseline,
            poorVillagesDesignated: d.reduce(0) { $0 + $1.poorVillagesDesignated },
            poorVillagesExited: d.reduce(0) { $0 + $1.poorVillagesExited },
            poorCountiesDesignated: d.reduce(0) { $0 + $1.poorCountiesDesignated },
            poorCountiesExited: d.reduce(0) { $0 + $1.poorCountiesExited })
    }
}

extension StatisticsService.StatisticsError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .unknownArea(let code): s.text("error.area.unknown", ["code": code])
        }
    }
}
