import SQLKit
import TuopinCore

/// A year's deprivation facts of an area's households on the roll at the year's end with an
/// income record for the year, in three set-based queries: the incomes (`SweepQuery`), the
/// household-year rows, and whether every member of the year was insured.
public enum DeprivationQuery {
    public static func facts(in area: AdminCode, year: Int, _ sql: any SQLDatabase) async throws -> [HouseholdNumber: DeprivationFacts] {
        let filter = AreaFilter(area)
        var facts: [HouseholdNumber: DeprivationFacts] = [:]
        for f in try await SweepQuery.facts(in: area, year: year, sql) where f.status?.isEnrolled == true && f.householdSize > 0 {
            facts[f.household] = DeprivationFacts(
                householdSize: f.householdSize, perCapitaIncome: f.netIncome / f.householdSize, dangerGrade: nil, safeWater: nil,
                sanitaryToilet: nil, everyoneInsured: nil)
        }
        let years = try await sql.raw(
            """
            SELECT y.household_number, y.danger_grade, y.safe_drinking_water, y.sanitary_toilet FROM household_year y
            JOIN household h ON h.county_code = y.county_code AND h.household_number = y.household_number
            WHERE y.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern) AND y.year = \(bind: year)
            """
        ).all()
        for row in years {
            let t = "household_year", key = row.rawText("household_number")
            guard let number = try? HouseholdNumber(try row.storedText("household_number", table: t, key: key)), facts[number] != nil else {
                continue
            }
            let grade = try row.storedOptionalText("danger_grade", table: t, key: key)
            facts[number]!.dangerGrade = try grade.map { text in
                guard let g = DangerGrade(token: text) else { throw StoredValueError(table: t, column: "danger_grade", key: key, value: text) }
                return g
            }
            facts[number]!.safeWater =
                try row.decodeNil(column: "safe_drinking_water") ? nil : try row.storedBool("safe_drinking_water", table: t, key: key)
            facts[number]!.sanitaryToilet =
                try row.decodeNil(column: "sanitary_toilet") ? nil : try row.storedBool("sanitary_toilet", table: t, key: key)
        }
        let members = try await sql.raw(
            """
            SELECT m.household_number, SUM(CASE WHEN m.medical_insured THEN 0 ELSE 1 END) AS uninsured FROM member_year m
            JOIN household h ON h.county_code = m.county_code AND h.household_number = m.household_number
            WHERE m.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern) AND m.year = \(bind: year)
            GROUP BY m.county_code, m.household_number
            """
        ).all()
        for row in members {
            let t = "member_year", key = row.rawText("household_number")
            guard let number = try? HouseholdNumber(try row.storedText("household_number", table: t, key: key)), facts[number] != nil else {
                continue
            }
            facts[number]!.everyoneInsured = try row.storedInt("uninsured", table: t, key: key) == 0
        }
        return facts
    }
}
