import SQLKit
import TuopinCore

/// The special-group code table and the households' dated tags.
public enum SpecialGroupQuery {
    public static func groups(_ sql: any SQLDatabase) async throws -> [SpecialGroup] {
        try await sql.raw("SELECT token, name_zh, name_en, built_in FROM special_group ORDER BY built_in DESC, token").all().map { row in
            let key = row.rawText("token")
            do {
                return try SpecialGroup(
                    token: try row.storedText("token", table: "special_group", key: key),
                    label: Label(
                        try row.storedText("name_zh", table: "special_group", key: key),
                        try row.storedText("name_en", table: "special_group", key: key)),
                    builtIn: try row.storedBool("built_in", table: "special_group", key: key))
            } catch let error as SpecialGroupError {
                throw StoredValueError(table: "special_group", column: "token", key: key, value: "\(error)")
            }
        }
    }

    public static func save(_ g: SpecialGroup, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM special_group WHERE token = \(bind: g.token)").run()
        try await tx.sql.raw(
            "INSERT INTO special_group (token, name_zh, name_en, built_in) VALUES (\(bind: g.token), \(bind: g.label.zh), \(bind: g.label.en), \(bind: g.builtIn))"
        ).run()
    }

    public static func tag(_ t: SpecialGroupTag, county: String, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM special_group_tag WHERE county_code = \(bind: county) AND household_number = \(bind: t.household.rawValue)
              AND group_token = \(bind: t.group) AND from_date = \(bind: t.from.description)
            """
        ).run()
        try await tx.sql.raw(
            """
            INSERT INTO special_group_tag (county_code, household_number, group_token, from_date, to_date, note)
            VALUES (\(bind: county), \(bind: t.household.rawValue), \(bind: t.group), \(bind: t.from.description), \(bind: t.to?.description), \(bind: t.note))
            """
        ).run()
    }

    public static func tags(in area: AdminCode, household: HouseholdNumber?, _ sql: any SQLDatabase) async throws -> [SpecialGroupTag] {
        let filter = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT t.household_number, t.group_token, t.from_date, t.to_date, t.note FROM special_group_tag t
            JOIN household h ON h.county_code = t.county_code AND h.household_number = t.household_number
            WHERE t.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern)
            """
        if let household { query += " AND t.household_number = \(bind: household.rawValue)" }
        query += " ORDER BY t.county_code, t.household_number, t.group_token, t.from_date"
        return try await sql.raw(query).all().map { row in
            let t = "special_group_tag", key = row.rawText("household_number")
            guard let number = try? HouseholdNumber(try row.storedText("household_number", table: t, key: key)) else {
                throw StoredValueError(table: t, column: "household_number", key: key, value: key)
            }
            return SpecialGroupTag(
                household: number, group: try row.storedText("group_token", table: t, key: key),
                from: try row.storedDate("from_date", table: t, key: key),
                to: try row.decodeNil(column: "to_date") ? nil : try row.storedDate("to_date", table: t, key: key),
                note: try row.storedText("note", table: t, key: key))
        }
    }
}
