import SQLKit
import TuopinCore

/// The monitoring figures of an area as of a date, from the dates each case stores: a handful
/// of grouped queries over the area's cases (keyed by `county_code` and the village prefix).
public enum MonitoringFiguresQuery {
    public static func figures(_ sql: any SQLDatabase, area: AdminCode, asOf: CivilDate) async throws -> MonitoringFigures {
        let filter = AreaFilter(area)
        let c = filter.countyPattern, a = filter.codePattern, day = asOf.description
        var figures = MonitoringFigures(asOf: asOf)
        // Under monitoring on the day, by category, with the people of those households on the day.
        for row in try await sql.raw(
            """
            SELECT mc.category, COUNT(DISTINCT mc.county_code || mc.household_number) AS households, COUNT(ms.id_number) AS people
            FROM monitoring_case mc
            LEFT JOIN membership ms ON ms.county_code = mc.county_code AND ms.household_number = mc.household_number
              AND ms.from_date <= \(bind: day) AND (ms.to_date IS NULL OR ms.to_date > \(bind: day))
            WHERE mc.county_code LIKE \(bind: c) AND mc.village_code LIKE \(bind: a)
              AND mc.identified_on <= \(bind: day) AND (mc.closed_on IS NULL OR mc.closed_on > \(bind: day)) AND mc.category IS NOT NULL
            GROUP BY mc.category
            """
        ).all() {
            let token = try row.storedText("category", table: "monitoring_case", key: "category")
            guard let category = MonitoringCategory(token: token) else {
                throw StoredValueError(table: "monitoring_case", column: "category", key: "category", value: token)
            }
            figures.monitored[category] = MonitoringFigures.Count(
                households: Int(try row.storedInt("households", table: "monitoring_case", key: token)),
                people: Int(try row.storedInt("people", table: "monitoring_case", key: token)))
        }
        // Households whose risk was eliminated on or before the day, by method (a case removed later
        // keeps its elimination; one removed mid-elimination has none), and leads not taken in.
        for row in try await sql.raw(
            """
            SELECT elimination_method, COUNT(DISTINCT county_code || household_number) AS n FROM monitoring_case
            WHERE county_code LIKE \(bind: c) AND village_code LIKE \(bind: a) AND closed_on <= \(bind: day) AND elimination_method IS NOT NULL
            GROUP BY elimination_method
            """
        ).all() {
            let token = try row.storedText("elimination_method", table: "monitoring_case", key: "eliminated")
            guard let method = EliminationMethod(token: token) else {
                throw StoredValueError(table: "monitoring_case", column: "elimination_method", key: "eliminated", value: token)
            }
            figures.eliminated[method] = Int(try row.storedInt("n", table: "monitoring_case", key: token))
        }
        if let row = try await sql.raw(
            """
            SELECT COUNT(DISTINCT county_code || household_number) AS n FROM monitoring_case
            WHERE county_code LIKE \(bind: c) AND village_code LIKE \(bind: a) AND closed_on <= \(bind: day) AND state = \(bind: MonitoringState.notIdentified.token)
            """
        ).first() {
            figures.notIdentified = Int(try row.storedInt("n", table: "monitoring_case", key: "notIdentified"))
        }
        // Leads being identified on the day, those past their deadline, and this year's leads.
        let yearStart = "\(asOf.year)-01-01"
        if let row = try await sql.raw(
            """
            SELECT
              COUNT(DISTINCT CASE WHEN (identified_on IS NULL OR identified_on > \(bind: day)) AND (closed_on IS NULL OR closed_on > \(bind: day))
                THEN county_code || household_number END) AS identifying,
              COUNT(DISTINCT CASE WHEN (identified_on IS NULL OR identified_on > \(bind: day)) AND (closed_on IS NULL OR closed_on > \(bind: day))
                AND deadline < \(bind: day) THEN county_code || household_number END) AS overdue,
              SUM(CASE WHEN lead_date >= \(bind: yearStart) THEN 1 ELSE 0 END) AS leads
            FROM monitoring_case
            WHERE county_code LIKE \(bind: c) AND village_code LIKE \(bind: a) AND lead_date <= \(bind: day)
            """
        ).first() {
            func count(_ column: String) throws -> Int {
                try row.decodeNil(column: column) ? 0 : Int(try row.storedInt(column, table: "monitoring_case", key: column))
            }
            figures.identifying = try count("identifying")
            figures.overdue = try count("overdue")
            figures.leadsThisYear = try count("leads")
        }
        return figures
    }
}
