import SQLKit
import TuopinCore

/// Reads and writes members' yearly attributes one household at a time (imports write them in
/// bulk through `RegistryRows.memberYear`).
public enum MemberYearQuery {
    static let columns = RegistryRows.memberYear.columns.joined(separator: ", ")

    /// `LEFT JOIN member_year y` on the latest row of the member `m` (a `member` or `membership`
    /// alias) up to `year`: what a member's attributes were as of that year, for every query that
    /// reads them (the exit test, `tuopin check`), so they read them alike.
    static func latestJoin(member m: String, upTo year: Int) -> SQLQueryString {
        // `m` is an alias from the calling query's own text, never input.
        """
         LEFT JOIN member_year y ON y.county_code = \(unsafeRaw: m).county_code AND y.id_type = \(unsafeRaw: m).id_type
          AND y.id_number = \(unsafeRaw: m).id_number
          AND y.year = (SELECT MAX(y2.year) FROM member_year y2 WHERE y2.county_code = \(unsafeRaw: m).county_code
                          AND y2.id_type = \(unsafeRaw: m).id_type AND y2.id_number = \(unsafeRaw: m).id_number AND y2.year <= \(bind: year))
        """
    }

    /// Inserts or replaces the member's row for the year, as a member of `household`.
    public static func save(_ y: MemberYear, county: String, household: HouseholdNumber, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM member_year WHERE county_code = \(bind: county) AND id_type = \(bind: y.idType.token)
              AND id_number = \(bind: y.idNumber) AND year = \(bind: y.year)
            """
        ).run()
        try await BulkLoad.insert([RegistryRows.row(y, county: county, household: household)], into: RegistryRows.memberYear, in: tx)
    }

    /// The rows a household holds for `year` (or every year when nil), by year and ID number.
    public static func years(county: String, household: HouseholdNumber, year: Int?, _ sql: any SQLDatabase) async throws -> [MemberYear] {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM member_year
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue)
            """
        if let year { query += " AND year = \(bind: year)" }
        query += " ORDER BY year, id_type, id_number"
        return try await sql.raw(query).all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> MemberYear {
        let t = "member_year", key = Masking.identityNumber(row.rawText("id_number")) + "/" + row.rawText("year")
        func int(_ c: String) throws -> Int? { try row.decodeNil(column: c) ? nil : Int(try row.storedInt(c, table: t, key: key)) }
        func bool(_ c: String) throws -> Bool { try row.storedBool(c, table: t, key: key) }
        func code<T: CodeListValue>(_ c: String, _: T.Type) throws -> T {
            let text = try row.storedText(c, table: t, key: key)
            guard let v = T(token: text) else { throw StoredValueError(table: t, column: c, key: key, value: text) }
            return v
        }
        func optionalCode<T: CodeListValue>(_ c: String, _: T.Type) throws -> T? {
            try row.decodeNil(column: c) ? nil : try code(c, T.self)
        }
        func student() throws -> StudentStatus {
            let text = try row.storedText("student_status", table: t, key: key)
            guard let s = StudentStatus(token: text) else { throw StoredValueError(table: t, column: "student_status", key: key, value: text) }
            return s
        }
        return MemberYear(
            idType: try code("id_type", IdentityType.self), idNumber: try row.storedText("id_number", table: t, key: key),
            year: try row.storedYear("year", table: t, key: key), education: try code("education", Education.self),
            studentStatus: try student(), health: try row.storedHealth("health", table: t, key: key),
            disabilityCategory: try optionalCode("disability_category", DisabilityCategory.self), disabilityGrade: try int("disability_grade"),
            labourCapacity: try code("labour_capacity", LabourCapacity.self), migrantWork: try optionalCode("migrant_work", MigrantWork.self),
            monthsWorked: try int("months_worked"), isActiveSoldier: try bool("is_active_soldier"), medicalInsured: try bool("medical_insured"),
            seriousIllnessInsured: try bool("serious_illness_insured"), residentPension: try bool("resident_pension"),
            employeePension: try bool("employee_pension"), receivesDibao: try bool("receives_dibao"), receivesTekun: try bool("receives_tekun"),
            publicWelfareJob: try bool("public_welfare_job"), monthsEmployed: try int("months_employed"))
    }
}

extension MemberYearQuery {
    /// Whether the person was a member of the household at some time in `year`.
    public static func isMember(
        county: String, household: HouseholdNumber, _ type: IdentityType, _ number: String, during year: Int, _ sql: any SQLDatabase
    ) async throws -> Bool {
        let first = "\(year)-01-01", last = "\(year)-12-31"
        return try await sql.raw(
            """
            SELECT 1 AS found FROM membership WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue)
              AND id_type = \(bind: type.token) AND id_number = \(bind: number)
              AND from_date <= \(bind: last) AND (to_date IS NULL OR to_date > \(bind: first))
            """
        ).first() != nil
    }
}

extension MemberYearQuery {
    /// The person's row for `year`, with the household it is filed under.
    public static func find(
        county: String, _ type: IdentityType, _ number: String, year: Int, _ sql: any SQLDatabase
    ) async throws -> (MemberYear, HouseholdNumber)? {
        guard
            let row = try await sql.raw(
                """
                SELECT \(unsafeRaw: columns) FROM member_year
                WHERE county_code = \(bind: county) AND id_type = \(bind: type.token) AND id_number = \(bind: number) AND year = \(bind: year)
                """
            ).first()
        else { return nil }
        let text = try row.storedText("household_number", table: "member_year", key: Masking.identityNumber(number))
        guard let household = try? HouseholdNumber(text) else {
            throw StoredValueError(table: "member_year", column: "household_number", key: Masking.identityNumber(number), value: text)
        }
        return (try decode(row), household)
    }
}
