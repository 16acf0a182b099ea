import TuopinCore
import TuopinStore

/// Area figures as of a date: one area's summary, or its children's.
public struct StatisticsService: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    public enum StatisticsError: Error, Equatable, Sendable {
        /// No area with this code is in the registry.
        case unknownArea(String)
    }

    /// The area the dashboard opens on: the city office's city (the registry is built for a
    /// prefecture-level city), else the province, else the first county.
    public func topArea() async throws -> AdminCode? {
        for level in [AreaLevel.city, .province, .county] {
            if let row = try await store.sql.raw("SELECT code FROM area WHERE level = \(bind: level.token) ORDER BY code").first() {
                return try AdminCode(try row.decode(column: "code", as: String.self))
            }
        }
        return nil
    }

    /// The areas from the top of the registry down to `code` (for breadcrumbs); unknown levels are skipped.
    public func path(to code: AdminCode) async throws -> [Area] {
        var result: [Area] = []
        for step in code.chain { if let area = try await AreaQuery.area(store.sql, code: step) { result.append(area) } }
        return result
    }

    /// The summary of one area.
    public func summary(of code: AdminCode, asOf: CivilDate) async throws -> AreaSummary {
        guard let area = try await AreaQuery.area(store.sql, code: code) else { throw StatisticsError.unknownArea(code.rawValue) }
        let figures = try await Figures.load(store, scope: code, groupBy: nil, asOf: asOf)
        return figures.summary(of: area, keys: nil)
    }

    /// The summaries of an area's children (the counties of a city, the townships of a county …).
    public func breakdown(of code: AdminCode, asOf: CivilDate) async throws -> [AreaSummary] {
        try await overview(of: code, asOf: asOf).children
    }

    /// An area's summary and its children's, from one set of grouped queries: the parent's
    /// figures are the sum over every child key, so nothing is counted twice or missed.
    public func overview(of code: AdminCode, asOf: CivilDate) async throws -> (summary: AreaSummary, children: [AreaSummary]) {
        guard let area = try await AreaQuery.area(store.sql, code: code) else { throw StatisticsError.unknownArea(code.rawValue) }
        let children = try await AreaQuery.children(store.sql, of: code)
        guard let level = children.first?.level else { return (try await summary(of: code, asOf: asOf), []) }
        let figures = try await Figures.load(store, scope: code, groupBy: level, asOf: asOf)
        return (figures.summary(of: area, keys: nil), children.map { figures.summary(of: $0, keys: [$0.code.rawValue]) })
    }
}

/// The grouped query results for one scope and date, from which summaries are assembled.
struct Figures {
    var asOf: CivilDate
    var counts: [String: StatusCounts] = [:]
    var population: [String: PopulationQuery.Population] = [:]
    var designations: [String: AreaEventQuery.Designations] = [:]
    var baselineDate: CivilDate?
    var baselineCounts: [String: StatusCounts] = [:]
    var baselinePopulation: [String: PopulationQuery.Population] = [:]

    static func load(_ store: Store, scope: AdminCode, groupBy: AreaLevel?, asOf: CivilDate) async throws -> Figures {
        let sql = store.sql
        var f = Figures(asOf: asOf)
        f.counts = try await StatusCountQuery.counts(sql, area: scope, asOf: asOf, groupBy: groupBy)
        f.population = try await PopulationQuery.population(sql, area: scope, year: asOf.year, groupBy: groupBy)
        f.designations = try await AreaEventQuery.designations(sql, area: scope, asOf: asOf, groupBy: groupBy)
        if let first = try await StatusCountQuery.firstEnrolmentYear(sql, area: scope), CivilDate.endOfYear(first) <= asOf {
            let date = CivilDate.endOfYear(first)
            f.baselineDate = date
            f.baselineCounts = try await StatusCountQuery.counts(sql, area: scope, asOf: date, groupBy: groupBy)
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
            return AreaSummary.Baseline(date: date, counts: bc, incidence: .evaluate(
                remainingPoorPeople: bc.remainingPeople, ruralRegisteredPopulation: bp.reduce(0) { $0 + $1.people },
                populationYear: bp.first?.year))
        }
        return AreaSummary(area: area, asOf: asOf, counts: c,
                           incidence: .evaluate(remainingPoorPeople: c.remainingPeople, ruralRegisteredPopulation: people.reduce(0) { $0 + $1.people },
                                                populationYear: people.first?.year),
                           baseline: baseline,
                           poorVillagesDesignated: d.reduce(0) { $0 + $1.poorVillagesDesignated },
                           poorVillagesExited: d.reduce(0) { $0 + $1.poorVillagesExited },
                           poorCountiesDesignated: d.reduce(0) { $0 + $1.poorCountiesDesignated },
                           poorCountiesExited: d.reduce(0) { $0 + $1.poorCountiesExited })
    }
}
