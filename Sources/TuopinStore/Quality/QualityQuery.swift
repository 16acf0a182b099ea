import SQLKit
import TuopinCore

/// What `tuopin check` reads about an area, each in one set-based query.
public enum QualityQuery {
    /// A current member (membership running on the date) with their household's village and status.
    public struct CurrentMember: Sendable {
        public var household: HouseholdNumber
        public var village: AdminCode
        public var status: PovertyStatus?
        public var member: Member
        /// The year the member's attributes belong to: that of their latest `member_year` row up
        /// to the date's year (whose attributes these then are), else the latest year the
        /// household has an income record for (its latest yearly update).
        public var attributesYear: Int?
    }

    static func statusAsOf(_ date: String) -> SQLQueryString {
        """
        (SELECT e.status FROM status_event e WHERE e.county_code = h.county_code AND e.household_number = h.household_number
           AND e.effective_date <= \(bind: date) ORDER BY e.sequence DESC LIMIT 1)
        """
    }

    public static func currentMembers(in area: AdminCode, asOf date: CivilDate, _ sql: any SQLDatabase) async throws -> [CurrentMember] {
        let filter = AreaFilter(area)
        let day = date.description
        var query: SQLQueryString = """
            SELECT ms.household_number, h.village_code, m.id_type, m.id_number, m.name, m.sex, m.birth_date, m.ethnicity,
                   COALESCE(y.education, m.education) AS education, COALESCE(y.student_status, m.student_status) AS student_status,
                   COALESCE(y.health, m.health) AS health, COALESCE(y.labour_capacity, m.labour_capacity) AS labour_capacity,
                   COALESCE(y.medical_insured, m.medical_insured) AS medical_insured,
                   COALESCE(y.serious_illness_insured, m.serious_illness_insured) AS serious_illness_insured,
                   COALESCE(y.resident_pension OR y.employee_pension, m.resident_pension) AS resident_pension,
                   COALESCE(y.receives_dibao, m.receives_dibao) AS receives_dibao, COALESCE(y.receives_tekun, m.receives_tekun) AS receives_tekun,
                   y.year AS member_year,
                   (SELECT MAX(i.year) FROM income_record i WHERE i.county_code = h.county_code AND i.household_number = h.household_number
                      AND i.year <= \(bind: date.year)) AS latest_income_year,
            """
        query += statusAsOf(day)
        query += """
             AS status
            FROM membership ms
            JOIN member m ON m.county_code = ms.county_code AND m.id_type = ms.id_type AND m.id_number = ms.id_number
            JOIN household h ON h.county_code = ms.county_code AND h.household_number = ms.household_number
            """
        query += MemberYearQuery.latestJoin(member: "m", upTo: date.year)
        query += """
             WHERE ms.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern)
              AND ms.from_date <= \(bind: day) AND (ms.to_date IS NULL OR ms.to_date > \(bind: day))
            ORDER BY ms.county_code, ms.household_number, m.id_number
            """
        return try await sql.raw(query).all().map { row in
            let t = "member", key = row.rawText("household_number")
            let member = Member(
                idType: try row.storedCode("id_type", as: IdentityType.self, table: t, key: key),
                idNumber: try row.storedText("id_number", table: t, key: key),
                name: try row.storedText("name", table: t, key: key), sex: try row.storedCode("sex", as: Sex.self, table: t, key: key),
                birthDate: try row.storedDate("birth_date", table: t, key: key), ethnicity: try row.storedText("ethnicity", table: t, key: key),
                education: try row.storedCode("education", as: Education.self, table: t, key: key),
                studentStatus: try studentStatus(row, key),
                health: try row.storedHealth("health", table: t, key: key),
                labourCapacity: try row.storedCode("labour_capacity", as: LabourCapacity.self, table: t, key: key),
                medicalInsured: try row.storedBool("medical_insured", table: t, key: key),
                seriousIllnessInsured: try row.storedBool("serious_illness_insured", table: t, key: key),
                residentPension: try row.storedBool("resident_pension", table: t, key: key),
                receivesDibao: try row.storedBool("receives_dibao", table: t, key: key),
                receivesTekun: try row.storedBool("receives_tekun", table: t, key: key))
            let statusText = try row.storedOptionalText("status", table: "status_event", key: key)
            return CurrentMember(
                household: try household(row, key), village: try row.storedAdminCode("village_code", table: "household", key: key),
                status: statusText.flatMap(PovertyStatus.init(token:)), member: member,
                attributesYear: try row.decodeNil(column: "member_year")
                    ? (try row.decodeNil(column: "latest_income_year")
                        ? nil : Int(try row.storedInt("latest_income_year", table: "income_record", key: key)))
                    : Int(try row.storedInt("member_year", table: "member_year", key: key)))
        }
    }

    static func studentStatus(_ row: any SQLRow, _ key: String) throws -> StudentStatus {
        let text = try row.storedText("student_status", table: "member", key: key)
        guard let status = StudentStatus(token: text) else {
            throw StoredValueError(table: "member", column: "student_status", key: key, value: text)
        }
        return status
    }

    static func household(_ row: any SQLRow, _ key: String) throws -> HouseholdNumber {
        try row.storedHousehold("household_number", table: "household", key: key)
    }

    /// Every membership of the area's households with the household's status on the date, for DQ-006.
    public static func memberships(
        in area: AdminCode, asOf date: CivilDate, _ sql: any SQLDatabase
    ) async throws
        -> [(household: HouseholdNumber, village: AdminCode, status: PovertyStatus?, membership: Membership)]
    {
        let filter = AreaFilter(area)
        let day = date.description
        var query: SQLQueryString = "SELECT ms.household_number, h.village_code, ms.id_type, ms.id_number, ms.relation, ms.from_date, ms.to_date, "
        query += statusAsOf(day)
        query += """
             AS status
            FROM membership ms JOIN household h ON h.county_code = ms.county_code AND h.household_number = ms.household_number
            WHERE ms.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern) AND ms.from_date <= \(bind: day)
            ORDER BY ms.county_code, ms.household_number, ms.from_date
            """
        return try await sql.raw(query).all().map { row in
            let t = "membership", key = row.rawText("household_number")
            let number = try household(row, key)
            let to = try row.decodeNil(column: "to_date") ? nil : try row.storedDate("to_date", table: t, key: key)
            let membership = Membership(
                household: number, idType: try row.storedCode("id_type", as: IdentityType.self, table: t, key: key),
                idNumber: try row.storedText("id_number", table: t, key: key),
                relation: try row.storedCode("relation", as: RelationToHead.self, table: t, key: key),
                from: try row.storedDate("from_date", table: t, key: key), to: to.flatMap { $0 <= date ? $0 : nil }, endReason: nil)
            return (
                number, try row.storedAdminCode("village_code", table: "household", key: key),
                try row.storedOptionalText("status", table: "status_event", key: key).flatMap(PovertyStatus.init(token:)), membership
            )
        }
    }

    /// DQ-010: households whose first exit is in a year before their first identification.
    public static func exitBeforeIdentification(
        in area: AdminCode, _ sql: any SQLDatabase
    ) async throws
        -> [(household: HouseholdNumber, village: AdminCode, identified: Int, exited: Int)]
    {
        let filter = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT h.household_number, h.village_code, h.first_identified_year, MIN(e.effective_date) AS first_exit
            FROM household h JOIN status_event e ON e.county_code = h.county_code AND e.household_number = h.household_number
            WHERE h.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern) AND e.kind = 'exited'
            GROUP BY h.county_code, h.household_number, h.village_code, h.first_identified_year
            ORDER BY h.county_code, h.household_number
            """
        ).all()
        return try rows.compactMap { row in
            let key = row.rawText("household_number")
            let identified = try row.storedYear("first_identified_year", table: "household", key: key)
            let exit = try row.storedDate("first_exit", table: "status_event", key: key)
            guard exit.year < identified else { return nil }
            return (try household(row, key), try row.storedAdminCode("village_code", table: "household", key: key), identified, exit.year)
        }
    }

    /// DQ-012: income records whose household size differs from the memberships running at the
    /// end of their year (years up to the date's).
    public static func sizeMismatches(
        in area: AdminCode, through year: Int, _ sql: any SQLDatabase
    ) async throws
        -> [(household: HouseholdNumber, village: AdminCode, year: Int, recorded: Int, counted: Int)]
    {
        let filter = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT i.household_number, h.village_code, i.year, i.household_size,
                   (SELECT COUNT(*) FROM membership ms WHERE ms.county_code = i.county_code AND ms.household_number = i.household_number
                      AND ms.from_date <= CAST(i.year AS TEXT) || '-12-31'
                      AND (ms.to_date IS NULL OR ms.to_date > CAST(i.year AS TEXT) || '-12-31')) AS counted
            FROM income_record i JOIN household h ON h.county_code = i.county_code AND h.household_number = i.household_number
            WHERE i.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern) AND i.year <= \(bind: year)
            ORDER BY i.county_code, i.household_number, i.year
            """
        ).all()
        return try rows.compactMap { row in
            let key = row.rawText("household_number")
            let recorded = Int(try row.storedInt("household_size", table: "income_record", key: key))
            let counted = Int(try row.storedInt("counted", table: "membership", key: key))
            guard recorded != counted else { return nil }
            return (
                try household(row, key), try row.storedAdminCode("village_code", table: "household", key: key),
                try row.storedYear("year", table: "income_record", key: key), recorded, counted
            )
        }
    }
}

extension QualityQuery {
    /// DQ-009: income records with a negative component: (household, village, year, component column).
    public static func negativeIncomes(
        in area: AdminCode, _ sql: any SQLDatabase
    ) async throws
        -> [(household: HouseholdNumber, village: AdminCode, year: Int, item: IncomeItem)]
    {
        let filter = AreaFilter(area)
        let anyNegative = IncomeItem.allCases.map { "i.\(IncomeColumns.name($0)) < 0" }.joined(separator: " OR ")
        let columns = IncomeItem.allCases.map { "i.\(IncomeColumns.name($0))" }.joined(separator: ", ")
        let rows = try await sql.raw(
            """
            SELECT i.household_number, h.village_code, i.year, \(unsafeRaw: columns)
            FROM income_record i JOIN household h ON h.county_code = i.county_code AND h.household_number = i.household_number
            WHERE i.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern) AND (\(unsafeRaw: anyNegative))
            ORDER BY i.county_code, i.household_number, i.year
            """
        ).all()
        var result: [(HouseholdNumber, AdminCode, Int, IncomeItem)] = []
        for row in rows {
            let key = row.rawText("household_number")
            for item in IncomeItem.allCases where try row.storedInt(IncomeColumns.name(item), table: "income_record", key: key) < 0 {
                result.append(
                    (
                        try household(row, key), try row.storedAdminCode("village_code", table: "household", key: key),
                        try row.storedYear("year", table: "income_record", key: key), item
                    ))
            }
        }
        return result
    }

    /// DQ-011: each household's latest exit with its year's per-capita income (nil without a record).
    public static func exitIncomes(
        in area: AdminCode, _ sql: any SQLDatabase
    ) async throws
        -> [(household: HouseholdNumber, village: AdminCode, exitYear: Int, perCapita: Money?)]
    {
        let filter = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT h.household_number, h.village_code, x.exit_date, i.household_size, \(unsafeRaw: SweepQuery.net("i")) AS net_fen
            FROM household h
            JOIN (SELECT county_code, household_number, MAX(effective_date) AS exit_date FROM status_event
                  WHERE county_code LIKE \(bind: filter.countyPattern) AND kind = 'exited' GROUP BY county_code, household_number) x
              ON x.county_code = h.county_code AND x.household_number = h.household_number
            LEFT JOIN income_record i ON i.county_code = h.county_code AND i.household_number = h.household_number
              AND i.year = CAST(SUBSTR(x.exit_date, 1, 4) AS INTEGER)
            WHERE h.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern)
            ORDER BY h.county_code, h.household_number
            """
        ).all()
        return try rows.map { row in
            let key = row.rawText("household_number")
            let exit = try row.storedDate("exit_date", table: "status_event", key: key)
            var perCapita: Money? = nil
            if !(try row.decodeNil(column: "household_size")) {
                let size = Int(try row.storedInt("household_size", table: "income_record", key: key))
                if size > 0 { perCapita = Money(fen: try row.storedInt("net_fen", table: "income_record", key: key)) / size }
            }
            return (try household(row, key), try row.storedAdminCode("village_code", table: "household", key: key), exit.year, perCapita)
        }
    }
}
