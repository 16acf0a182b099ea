import SQLKit
import TuopinCore

/// Poor villages and counties designated and exited as of a date.
public enum AreaEventQuery {
    public struct Designations: Sendable, Equatable {
        public var poorVillagesDesignated = 0
        public var poorVillagesExited = 0
        public var poorCountiesDesignated = 0
        public var poorCountiesExited = 0

        public init() {}
    }

    public static func designations(
        _ sql: any SQLDatabase, area: AdminCode, asOf: CivilDate,
        groupBy: AreaLevel? = nil
    ) async throws -> [String: Designations] {
        let filter = AreaFilter(area)
        let keyLength = (groupBy ?? area.level).codeLength
        let rows = try await sql.raw(
            """
            SELECT SUBSTR(area_code, 1, \(unsafeRaw: String(keyLength))) AS area_key, kind, COUNT(DISTINCT area_code) AS n
            FROM area_event
            WHERE county_code LIKE \(bind: filter.countyPattern) AND area_code LIKE \(bind: filter.codePattern)
              AND effective_date <= \(bind: asOf.description)
            GROUP BY SUBSTR(area_code, 1, \(unsafeRaw: String(keyLength))), kind
            """
        ).all()
        var result: [String: Designations] = [:]
        for row in rows {
            let key = StatusCountQuery.normalise(try row.storedText("area_key", table: "area_event", key: area.rawValue))
            let n = Int(try row.storedInt("n", table: "area_event", key: key))
            switch try row.storedCode("kind", as: AreaEventKind.self, table: "area_event", key: key) {
            case .designatedPoorVillage: result[key, default: .init()].poorVillagesDesignated += n
            case .villageExited: result[key, default: .init()].poorVillagesExited += n
            case .designatedPoorCounty: result[key, default: .init()].poorCountiesDesignated += n
            case .countyExited: result[key, default: .init()].poorCountiesExited += n
            }
        }
        return result
    }
}
