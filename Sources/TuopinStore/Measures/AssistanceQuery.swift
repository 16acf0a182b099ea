import SQLKit
import TuopinCore

/// Reads and writes the assistance ledger: measures, cadre assignments, work teams.
public enum AssistanceQuery {
    static let measureColumns = """
        county_code, household_number, measure_number, kind, project, scale, amount_fen, funding, deadline, start_date, end_date,
        outcome, outcome_signed, continues_after_elimination, local_kind
        """

    public static func insert(_ m: AssistanceMeasure, county: String, in tx: StoreTransaction) async throws -> Int {
        let row = try await tx.sql.raw(
            """
            SELECT COALESCE(MAX(measure_number), 0) + 1 AS n FROM assistance_measure
            WHERE county_code = \(bind: county) AND household_number = \(bind: m.household.rawValue)
            """
        ).first()
        let number = Int(try row?.decode(column: "n", as: Int64.self) ?? 1)
        try await tx.sql.raw(
            """
            INSERT INTO assistance_measure (\(unsafeRaw: measureColumns))
            VALUES (\(bind: county), \(bind: m.household.rawValue), \(bind: number), \(bind: m.kind.token), \(bind: m.project), \(bind: m.scale),
                    \(bind: m.amount?.fen), \(bind: m.funding?.token), \(bind: m.deadline?.description), \(bind: m.start.description),
                    \(bind: m.end?.description), \(bind: m.outcome), \(bind: m.outcomeSigned), \(bind: m.continuesAfterElimination),
                    \(bind: m.localKind))
            """
        ).run()
        return number
    }

    /// Ends a measure with its outcome (the caller has found it).
    public static func end(
        county: String, household: HouseholdNumber, number: Int, on date: CivilDate, outcome: String, signed: Bool, in tx: StoreTransaction
    ) async throws {
        try await tx.sql.raw(
            """
            UPDATE assistance_measure SET end_date = \(bind: date.description), outcome = \(bind: outcome), outcome_signed = \(bind: signed)
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) AND measure_number = \(bind: number)
            """
        ).run()
    }

    public static func measures(county: String, household: HouseholdNumber, _ sql: any SQLDatabase) async throws -> [AssistanceMeasure] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: measureColumns) FROM assistance_measure
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) ORDER BY measure_number
            """
        ).all().map(measure)
    }

    /// An area's measures, optionally only those running on `date`.
    public static func measures(in area: AdminCode, runningOn date: CivilDate?, _ sql: any SQLDatabase) async throws -> [AssistanceMeasure] {
        let filter = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: measureColumns.split(separator: ",").map { "m." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
            FROM assistance_measure m JOIN household h ON h.county_code = m.county_code AND h.household_number = m.household_number
            WHERE m.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern)
            """
        if let date {
            query += " AND m.start_date <= \(bind: date.description) AND (m.end_date IS NULL OR m.end_date > \(bind: date.description))"
        }
        query += " ORDER BY m.county_code, m.household_number, m.measure_number"
        return try await sql.raw(query).all().map(measure)
    }

    static func measure(_ row: any SQLRow) throws -> AssistanceMeasure {
        let t = "assistance_measure"
        let key = row.rawText("household_number") + "#" + row.rawText("measure_number")
        func date(_ column: String) throws -> CivilDate? { try row.decodeNil(column: column) ? nil : try row.storedDate(column, table: t, key: key) }
        let numberText = try row.storedText("household_number", table: t, key: key)
        guard let household = try? HouseholdNumber(numberText) else {
            throw StoredValueError(table: t, column: "household_number", key: key, value: numberText)
        }
        let kindText = try row.storedText("kind", table: t, key: key)
        guard let kind = MeasureKind(token: kindText) else { throw StoredValueError(table: t, column: "kind", key: key, value: kindText) }
        let fundingText = try row.storedOptionalText("funding", table: t, key: key)
        let funding = try fundingText.map { text in
            guard let f = FundingSource(token: text) else { throw StoredValueError(table: t, column: "funding", key: key, value: text) }
            return f
        }
        return AssistanceMeasure(
            number: Int(try row.storedInt("measure_number", table: t, key: key)), household: household, kind: kind,
            project: try row.storedText("project", table: t, key: key), scale: try row.storedText("scale", table: t, key: key),
            amount: try row.decodeNil(column: "amount_fen") ? nil : Money(fen: try row.storedInt("amount_fen", table: t, key: key)),
            funding: funding, deadline: try date("deadline"), start: try row.storedDate("start_date", table: t, key: key), end: try date("end_date"),
            outcome: try row.storedText("outcome", table: t, key: key), outcomeSigned: try row.storedBool("outcome_signed", table: t, key: key),
            continuesAfterElimination: try row.storedBool("continues_after_elimination", table: t, key: key),
            localKind: try row.storedOptionalText("local_kind", table: t, key: key))
    }

    // MARK: cadres

    public static func insert(_ a: CadreAssignment, county: String, in tx: StoreTransaction) async throws -> Int {
        let row = try await tx.sql.raw(
            """
            SELECT COALESCE(MAX(assignment_number), 0) + 1 AS n FROM cadre_assignment
            WHERE county_code = \(bind: county) AND household_number = \(bind: a.household.rawValue)
            """
        ).first()
        let number = Int(try row?.decode(column: "n", as: Int64.self) ?? 1)
        try await tx.sql.raw(
            """
            INSERT INTO cadre_assignment (county_code, household_number, assignment_number, name, sex, political_status, unit, unit_level,
                                          phone, from_date, to_date)
            VALUES (\(bind: county), \(bind: a.household.rawValue), \(bind: number), \(bind: a.name), \(bind: a.sex?.token),
                    \(bind: a.politicalStatus), \(bind: a.unit), \(bind: a.unitLevel.token), \(bind: a.phone), \(bind: a.from.description),
                    \(bind: a.to?.description))
            """
        ).run()
        return number
    }

    /// Ends every running assignment of the household on `date` (a new cadre takes over).
    public static func endAssignments(county: String, household: HouseholdNumber, on date: CivilDate, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE cadre_assignment SET to_date = \(bind: date.description)
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) AND to_date IS NULL
            """
        ).run()
    }

    public static func assignments(in area: AdminCode, household: HouseholdNumber?, _ sql: any SQLDatabase) async throws -> [CadreAssignment] {
        let filter = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT a.household_number, a.assignment_number, a.name, a.sex, a.political_status, a.unit, a.unit_level, a.phone, a.from_date, a.to_date
            FROM cadre_assignment a JOIN household h ON h.county_code = a.county_code AND h.household_number = a.household_number
            WHERE a.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern)
            """
        if let household { query += " AND a.household_number = \(bind: household.rawValue)" }
        query += " ORDER BY a.county_code, a.household_number, a.assignment_number"
        return try await sql.raw(query).all().map { row in
            let t = "cadre_assignment", key = row.rawText("household_number") + "#" + row.rawText("assignment_number")
            let numberText = try row.storedText("household_number", table: t, key: key)
            guard let household = try? HouseholdNumber(numberText) else {
                throw StoredValueError(table: t, column: "household_number", key: key, value: numberText)
            }
            let sexText = try row.storedOptionalText("sex", table: t, key: key)
            return CadreAssignment(
                number: Int(try row.storedInt("assignment_number", table: t, key: key)), household: household,
                name: try row.storedText("name", table: t, key: key), sex: sexText.flatMap(Sex.init(token:)),
                politicalStatus: try row.storedText("political_status", table: t, key: key), unit: try row.storedText("unit", table: t, key: key),
                unitLevel: try row.storedCode("unit_level", as: UnitLevel.self, table: t, key: key),
                phone: try row.storedText("phone", table: t, key: key),
                from: try row.storedDate("from_date", table: t, key: key),
                to: try row.decodeNil(column: "to_date") ? nil : try row.storedDate("to_date", table: t, key: key))
        }
    }

    // MARK: work teams

    public static func insert(_ team: VillageWorkTeam, in tx: StoreTransaction) async throws -> Int {
        let county = String(team.village.rawValue.prefix(6))
        let row = try await tx.sql.raw("SELECT COALESCE(MAX(team_number), 0) + 1 AS n FROM work_team WHERE county_code = \(bind: county)").first()
        let number = Int(try row?.decode(column: "n", as: Int64.self) ?? 1)
        try await tx.sql.raw(
            """
            INSERT INTO work_team (county_code, team_number, village_code, sending_unit, from_date, to_date)
            VALUES (\(bind: county), \(bind: number), \(bind: team.village.rawValue), \(bind: team.sendingUnit), \(bind: team.from.description),
                    \(bind: team.to?.description))
            """
        ).run()
        for (i, m) in team.members.enumerated() {
            try await tx.sql.raw(
                """
                INSERT INTO work_team_member (county_code, team_number, position, name, role)
                VALUES (\(bind: county), \(bind: number), \(bind: i + 1), \(bind: m.name), \(bind: m.role.token))
                """
            ).run()
        }
        return number
    }

    public static func teams(in area: AdminCode, _ sql: any SQLDatabase) async throws -> [VillageWorkTeam] {
        let filter = AreaFilter(area)
        let teams = try await sql.raw(
            """
            SELECT county_code, team_number, village_code, sending_unit, from_date, to_date FROM work_team
            WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
            ORDER BY county_code, team_number
            """
        ).all()
        let members = try await sql.raw(
            """
            SELECT m.county_code, m.team_number, m.name, m.role FROM work_team_member m
            JOIN work_team w ON w.county_code = m.county_code AND w.team_number = m.team_number
            WHERE w.county_code LIKE \(bind: filter.countyPattern) AND w.village_code LIKE \(bind: filter.codePattern)
            ORDER BY m.county_code, m.team_number, m.position
            """
        ).all()
        var byTeam: [String: [VillageWorkTeam.Member]] = [:]
        for row in members {
            let key = row.rawText("county_code") + "#" + row.rawText("team_number")
            byTeam[key, default: []].append(
                VillageWorkTeam.Member(
                    name: try row.storedText("name", table: "work_team_member", key: key),
                    role: try row.storedCode("role", as: TeamRole.self, table: "work_team_member", key: key)))
        }
        return try teams.map { row in
            let t = "work_team", key = row.rawText("county_code") + "#" + row.rawText("team_number")
            return VillageWorkTeam(
                number: Int(try row.storedInt("team_number", table: t, key: key)),
                village: try row.storedAdminCode("village_code", table: t, key: key),
                sendingUnit: try row.storedText("sending_unit", table: t, key: key), from: try row.storedDate("from_date", table: t, key: key),
                to: try row.decodeNil(column: "to_date") ? nil : try row.storedDate("to_date", table: t, key: key), members: byTeam[key] ?? [])
        }
    }
}
