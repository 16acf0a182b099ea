import SQLKit
import TuopinCore

/// Rural registered population (户籍人口) from village profiles: the incidence denominator, for
/// the latest profile year not after the year asked.
public enum PopulationQuery {
    public struct Population: Sendable, Equatable {
        public var year: Int
        public var people: Int
    }

    public static func population(
        _ sql: any SQLDatabase, area: AdminCode, year: Int,
        groupBy: AreaLevel? = nil
    ) async throws -> [String: Population] {
        let filter = AreaFilter(area)
        guard
            let found = try await sql.raw(
                """
                SELECT MAX(year) AS y FROM village_profile WHERE county_code LIKE \(bind: filter.countyPattern) AND year <= \(bind: year)
                """
            ).first(), (try? found.decodeNil(column: "y")) == false
        else { return [:] }
        let profileYear = try found.storedYear("y", table: "village_profile", key: area.rawValue)
        let keyLength = (groupBy ?? area.level).codeLength
        let rows = try await sql.raw(
            """
            SELECT SUBSTR(village_code, 1, \(unsafeRaw: String(keyLength))) AS area_key,
                   CAST(SUM(rural_registered_population) AS BIGINT) AS people
            FROM village_profile
            WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
              AND year = \(bind: profileYear)
            GROUP BY SUBSTR(village_code, 1, \(unsafeRaw: String(keyLength)))
            """
        ).all()
        var result: [String: Population] = [:]
        for row in rows {
            let key = try row.storedText("area_key", table: "village_profile", key: area.rawValue)
            let people = try row.storedInt("people", table: "village_profile", key: key)
            guard people >= 0 else {
                throw StoredValueError(table: "village_profile", column: "rural_registered_population", key: key, value: String(people))
            }
            result[StatusCountQuery.normalise(key)] = Population(year: profileYear, people: Int(people))
        }
        return result
    }
}
