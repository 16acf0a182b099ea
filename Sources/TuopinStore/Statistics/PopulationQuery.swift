import SQLKit
import TuopinCore

/// Rural registered population (户籍人口) from village profiles: the incidence denominator, for
/// the latest profile year not after the year asked.
public enum PopulationQuery {
    public struct Population: Sendable, Equatable {
        public var year: Int
        public var people: Int
    }

    public static func population(_ sql: any SQLDatabase, area: AdminCode, year: Int,
                                  groupBy: AreaLevel? = nil) async throws -> [String: Population] {
        let filter = AreaFilter(area)
        guard let profileYear = try await sql.raw("""
            SELECT MAX(year) AS y FROM village_profile WHERE county_code LIKE \(bind: filter.countyPattern) AND year <= \(bind: year)
            """).first()?.decode(column: "y", as: Int?.self) else { return [:] }
        let keyLength = (groupBy ?? area.level).codeLength
        let rows = try await sql.raw("""
            SELECT SUBSTR(village_code, 1, \(unsafeRaw: String(keyLength))) AS area_key,
                   CAST(SUM(rural_registered_population) AS BIGINT) AS people
            FROM village_profile
            WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
              AND year = \(bind: profileYear)
            GROUP BY SUBSTR(village_code, 1, \(unsafeRaw: String(keyLength)))
            """).all()
        var result: [String: Population] = [:]
        for row in rows {
            result[StatusCountQuery.normalise(try row.decode(column: "area_key", as: String.self))] =
                Population(year: profileYear, people: try row.decode(column: "people", as: Int.self))
        }
        return result
    }
}
