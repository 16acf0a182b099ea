import SQLKit
import TuopinCore

/// Reads and writes yearly household facts and a household's status events one at a time
/// (the lifecycle's writes; imports write in bulk elsewhere).
public enum HouseholdYearQuery {
    static let columns = RegistryRows.householdYear.columns.joined(separator: ", ")

    /// Inserts or replaces the household's row for the year.
    public static func save(_ y: HouseholdYear, county: String, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM household_year WHERE county_code = \(bind: county) AND household_number = \(bind: y.household.rawValue) AND year = \(bind: y.year)
            """
        ).run()
        try await BulkLoad.insert([RegistryRows.row(y, county: county)], into: RegistryRows.householdYear, in: tx)
    }

    /// Records (or replaces) a household's income of a year.
    public static func saveIncome(_ r: IncomeRecord, county: String, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM income_record WHERE county_code = \(bind: county) AND household_number = \(bind: r.household.rawValue) AND year = \(bind: r.year)
            """
        ).run()
        try await BulkLoad.insert([RegistryRows.row(r, county: county)], into: RegistryRows.income, in: tx)
    }

    /// A household's stored income of a year, component by component.
    public static func incomeRecord(county: String, household: HouseholdNumber, year: Int, _ sql: any SQLDatabase) async throws -> IncomeRecord? {
        let columns = (["household_size"] + IncomeColumns.names).joined(separator: ", ")
        guard
            let row = try await sql.raw(
                """
                SELECT \(unsafeRaw: columns) FROM income_record
                WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) AND year = \(bind: year)
                """
            ).first()
        else { return nil }
        let key = "\(household.rawValue)/\(year)"
        var record = IncomeRecord(
            household: household, year: year, householdSize: Int(try row.storedInt("household_size", table: "income_record", key: key)))
        for item in IncomeItem.allCases {
            record[item] = Money(fen: try row.storedInt(IncomeColumns.name(item), table: "income_record", key: key))
        }
        return record
    }

    public static func year(county: String, household: HouseholdNumber, year: Int, _ sql: any SQLDatabase) async throws -> HouseholdYear? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM household_year
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) AND year = \(bind: year)
            """
        ).first().map { try decode($0, household: household) }
    }

    static func decode(_ row: any SQLRow, household: HouseholdNumber) throws -> HouseholdYear {
        let t = "household_year", key = household.rawValue + "/" + row.rawText("year")
        func int(_ c: String) throws -> Int? { try row.decodeNil(column: c) ? nil : Int(try row.storedInt(c, table: t, key: key)) }
        func bool(_ c: String) throws -> Bool? { try row.decodeNil(column: c) ? nil : try row.storedBool(c, table: t, key: key) }
        func decimal(_ c: String) throws -> FixedDecimal? {
            guard let text = try row.storedOptionalText(c, table: t, key: key) else { return nil }
            guard let d = try? FixedDecimal(text) else { throw StoredValueError(table: t, column: c, key: key, value: text) }
            return d
        }
        func code<T: CodeListValue>(_ c: String, _: T.Type) throws -> T? {
            guard let text = try row.storedOptionalText(c, table: t, key: key) else { return nil }
            guard let v = T(token: text) else { throw StoredValueError(table: t, column: c, key: key, value: text) }
            return v
        }
        func list<T: CodeListValue>(_ c: String, _: T.Type) throws -> [T] {
            let text = try row.storedText(c, table: t, key: key)
            return try text.split(separator: ";").map { part in
                guard let v = T(token: String(part)) else { throw StoredValueError(table: t, column: c, key: key, value: text) }
                return v
            }
        }
        var water: WaterAccess? = nil
        if let litres = try int("water_litres"), let trip = try int("water_round_trip_minutes"), let lift = try int("water_lift_metres"),
            let shortage = try int("water_shortage_days")
        {
            water = WaterAccess(litresPerPersonPerDay: litres, roundTripMinutes: trip, verticalLiftMetres: lift, shortageDaysPerYear: shortage)
        }
        return HouseholdYear(
            household: household, year: try row.storedYear("year", table: t, key: key),
            securedGuarantees: Set(try list("guarantees", BasicGuarantee.self)),
            water: water, medicalAssistanceAvailable: try row.storedBool("medical_assistance", table: t, key: key),
            living: LivingConditions(
                dangerGrade: try code("danger_grade", DangerGrade.self), structure: try code("structure", HouseStructure.self),
                floorArea: try decimal("floor_area"), builtYear: try int("built_year"), renovationYear: try int("renovation_year"),
                safeDrinkingWater: try bool("safe_drinking_water"), waterSource: try code("water_source", WaterSource.self),
                distanceToMainRoadKm: try decimal("road_km"), accessRoad: try code("access_road", AccessRoad.self),
                sanitaryToilet: try bool("sanitary_toilet"), fuels: try list("fuels", Fuel.self), arableLand: try decimal("arable_land"),
                forestLand: try decimal("forest_land"), relocationSite: try row.storedOptionalText("relocation_site", table: t, key: key)))
    }

    // MARK: status events

    public static func events(county: String, household: HouseholdNumber, _ sql: any SQLDatabase) async throws -> [StatusEvent] {
        try await sql.raw(
            """
            SELECT sequence, kind, status, effective_date, note FROM status_event
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) ORDER BY sequence
            """
        ).all().map { row in
            let t = "status_event", key = household.rawValue + "#" + row.rawText("sequence")
            return StatusEvent(
                household: household, sequence: Int(try row.storedInt("sequence", table: t, key: key)),
                kind: try row.storedCode("kind", as: StatusEventKind.self, table: t, key: key),
                status: try row.storedCode("status", as: PovertyStatus.self, table: t, key: key),
                effectiveDate: try row.storedDate("effective_date", table: t, key: key), note: try row.storedText("note", table: t, key: key))
        }
    }

    public static func append(_ e: StatusEvent, county: String, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO status_event (county_code, household_number, sequence, kind, status, effective_date, note)
            VALUES (\(bind: county), \(bind: e.household.rawValue), \(bind: e.sequence), \(bind: e.kind.token), \(bind: e.status.token),
                    \(bind: e.effectiveDate.description), \(bind: e.note))
            """
        ).run()
    }

    /// Per-capita net income by year, and the current members' insurance and schooling, for the exit test.
    public static func incomes(county: String, household: HouseholdNumber, _ sql: any SQLDatabase) async throws -> [Int: Money] {
        let net = SweepQuery.net("i")
        let rows = try await sql.raw(
            """
            SELECT i.year, i.household_size, \(unsafeRaw: net) AS net_fen FROM income_record i
            WHERE i.county_code = \(bind: county) AND i.household_number = \(bind: household.rawValue)
            """
        ).all()
        var result: [Int: Money] = [:]
        for row in rows {
            let key = household.rawValue
            let size = Int(try row.storedInt("household_size", table: "income_record", key: key))
            guard size > 0 else { continue }
            result[try row.storedYear("year", table: "income_record", key: key)] =
                Money(fen: try row.storedInt("net_fen", table: "income_record", key: key)) / size
        }
        return result
    }
}

extension HouseholdYearQuery {
    /// What the exit test reads for `year` (nil without the year's facts): per-capita incomes by
    /// year, the year's guarantees, water and house, and the members current on `date`: those
    /// without medical insurance, and children of 6–16 not in school (from the member's latest
    /// yearly row up to `year`, as `tuopin check` reads it, else the member's current attributes).
    public static func exitFacts(
        county: String, household: HouseholdNumber, year: Int, on date: CivilDate, _ sql: any SQLDatabase
    ) async throws
        -> HouseholdExitFacts?
    {
        guard let facts = try await self.year(county: county, household: household, year: year, sql) else { return nil }
        let incomes = try await self.incomes(county: county, household: household, sql)
        var query: SQLQueryString = """
            SELECT m.birth_date, COALESCE(y.student_status, m.student_status) AS student_status,
                   COALESCE(y.medical_insured, m.medical_insured) AS medical_insured FROM membership ms
            JOIN member m ON m.county_code = ms.county_code AND m.id_type = ms.id_type AND m.id_number = ms.id_number
            """
        query += MemberYearQuery.latestJoin(member: "ms", upTo: year)
        query += """
             WHERE ms.county_code = \(bind: county) AND ms.household_number = \(bind: household.rawValue)
              AND ms.from_date <= \(bind: date.description) AND (ms.to_date IS NULL OR ms.to_date > \(bind: date.description))
            """
        let rows = try await sql.raw(query).all()
        var uninsured = 0, outOfSchool = 0
        for row in rows {
            let key = household.rawValue
            if !(try row.storedBool("medical_insured", table: "member", key: key)) { uninsured += 1 }
            let age = try row.storedDate("birth_date", table: "member", key: key).age(on: date)
            if (6...16).contains(age), try row.storedText("student_status", table: "member", key: key) == StudentStatus.notInSchool.token {
                outOfSchool += 1
            }
        }
        return HouseholdExitFacts(
            exitYear: year, perCapitaNetIncome: incomes, securedGuarantees: facts.securedGuarantees, water: facts.water,
            childrenOutOfSchool: outOfSchool, uninsuredMembers: uninsured, medicalAssistanceAvailable: facts.medicalAssistanceAvailable,
            dangerGrade: facts.living.dangerGrade)
    }
}
