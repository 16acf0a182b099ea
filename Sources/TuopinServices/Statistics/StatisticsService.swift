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

    /// The summary of one area.
    public func summary(of code: AdminCode, asOf: CivilDate) async throws -> AreaSummary {
        guard let area = try await AreaQuery.area(store.sql, code: code) else { throw StatisticsError.unknownArea(code.rawValue) }
        return try await summaries(of: [area], in: code, groupBy: nil, asOf: asOf)[0]
    }

    /// The summaries of an area's children (the counties of a city, the townships of a county …).
    public func breakdown(of code: AdminCode, asOf: CivilDate) async throws -> [AreaSummary] {
        guard try await AreaQuery.area(store.sql, code: code) != nil else { throw StatisticsError.unknownArea(code.rawValue) }
        let children = try await AreaQuery.children(store.sql, of: code)
        guard let level = children.first?.level else { return [] }
        return try await summaries(of: children, in: code, groupBy: level, asOf: asOf)
    }

    func summaries(of areas: [Area], in scope: AdminCode, groupBy: AreaLevel?, asOf: CivilDate) async throws -> [AreaSummary] {
        let sql = store.sql
        let counts = try await StatusCountQuery.counts(sql, area: scope, asOf: asOf, groupBy: groupBy)
        let population = try await PopulationQuery.population(sql, area: scope, year: asOf.year, groupBy: groupBy)
        let designations = try await AreaEventQuery.designations(sql, area: scope, asOf: asOf, groupBy: groupBy)
        var baselineCounts: [String: StatusCounts] = [:]
        var baselinePopulation: [String: PopulationQuery.Population] = [:]
        var baselineDate: CivilDate?
        if let first = try await StatusCountQuery.firstEnrolmentYear(sql, area: scope), CivilDate.endOfYear(first) <= asOf {
            let date = CivilDate.endOfYear(first)
            baselineDate = date
            baselineCounts = try await StatusCountQuery.counts(sql, area: scope, asOf: date, groupBy: groupBy)
            baselinePopulation = try await PopulationQuery.population(sql, area: scope, year: first, groupBy: groupBy)
        }
        return areas.map { area in
            let key = area.code.rawValue
            let c = counts[key] ?? StatusCounts()
            let p = population[key]
            let d = designations[key] ?? .init()
            let baseline = baselineDate.map { date in
                let bc = baselineCounts[key] ?? StatusCounts()
                let bp = baselinePopulation[key]
                return AreaSummary.Baseline(date: date, counts: bc, incidence: .evaluate(
                    remainingPoorPeople: bc.remainingPeople, ruralRegisteredPopulation: bp?.people ?? 0, populationYear: bp?.year))
            }
            return AreaSummary(area: area, asOf: asOf, counts: c,
                               incidence: .evaluate(remainingPoorPeople: c.remainingPeople, ruralRegisteredPopulation: p?.people ?? 0,
                                                    populationYear: p?.year),
                               baseline: baseline, poorVillagesDesignated: d.poorVillagesDesignated,
                               poorVillagesExited: d.poorVillagesExited, poorCountiesDesignated: d.poorCountiesDesignated,
                               poorCountiesExited: d.poorCountiesExited)
        }
    }
}
