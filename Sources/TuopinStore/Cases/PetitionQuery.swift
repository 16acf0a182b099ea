import SQLKit
import TuopinCore

/// Reads and writes petitions and their steps.
public enum PetitionQuery {
    static let columns = """
        county_code, petition_number, area_code, channel, category, received_on, content, petitioner_name, petitioner_phone,
        household_number, deadline, state, assigned_unit, reply, replied_on, satisfaction, escalations, closed_on, last_step_date
        """

    public static func insert(_ p: Petition, in tx: StoreTransaction) async throws -> PetitionKey {
        let county = p.key.county
        let row = try await tx.sql.raw(
            "SELECT COALESCE(MAX(petition_number), 0) + 1 AS n FROM petition WHERE county_code = \(bind: county)"
        ).first()
        let key = PetitionKey(county: county, number: Int(try row?.decode(column: "n", as: Int64.self) ?? 1))
        try await tx.sql.raw(
            """
            INSERT INTO petition (\(unsafeRaw: columns))
            VALUES (\(bind: county), \(bind: key.number), \(bind: p.area.rawValue), \(bind: p.channel.token), \(bind: p.category.token),
                    \(bind: p.receivedOn.description), \(bind: p.content), \(bind: p.petitionerName), \(bind: p.petitionerPhone),
                    \(bind: p.household?.rawValue), \(bind: p.deadline.description), \(bind: p.state.token), \(bind: p.assignedUnit),
                    \(bind: p.reply), \(bind: p.repliedOn?.description), \(bind: p.satisfaction?.token), \(bind: p.escalations),
                    \(bind: p.closedOn?.description), \(bind: p.lastStepDate.description))
            """
        ).run()
        return key
    }

    public static func update(_ p: Petition, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE petition SET deadline = \(bind: p.deadline.description), state = \(bind: p.state.token), assigned_unit = \(bind: p.assignedUnit),
                reply = \(bind: p.reply), replied_on = \(bind: p.repliedOn?.description), satisfaction = \(bind: p.satisfaction?.token),
                escalations = \(bind: p.escalations), closed_on = \(bind: p.closedOn?.description), last_step_date = \(bind: p.lastStepDate.description)
            WHERE county_code = \(bind: p.key.county) AND petition_number = \(bind: p.key.number)
            """
        ).run()
    }

    @discardableResult
    public static func insert(_ step: PetitionStep, of key: PetitionKey, in tx: StoreTransaction) async throws -> Int {
        let row = try await tx.sql.raw(
            """
            SELECT COALESCE(MAX(step_number), 0) + 1 AS n FROM petition_step
            WHERE county_code = \(bind: key.county) AND petition_number = \(bind: key.number)
            """
        ).first()
        let number = Int(try row?.decode(column: "n", as: Int64.self) ?? 1)
        try await tx.sql.raw(
            """
            INSERT INTO petition_step (county_code, petition_number, step_number, kind, step_date, note, username, role)
            VALUES (\(bind: key.county), \(bind: key.number), \(bind: number), \(bind: step.kind.token), \(bind: step.date.description),
                    \(bind: step.note), \(bind: step.username), \(bind: step.role.token))
            """
        ).run()
        return number
    }

    public static func petition(_ key: PetitionKey, _ sql: any SQLDatabase) async throws -> Petition? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM petition WHERE county_code = \(bind: key.county) AND petition_number = \(bind: key.number)"
        ).first().map(petition)
    }

    public static func steps(of key: PetitionKey, _ sql: any SQLDatabase) async throws -> [PetitionStep] {
        let t = "petition_step"
        return try await sql.raw(
            """
            SELECT step_number, kind, step_date, note, username, role FROM petition_step
            WHERE county_code = \(bind: key.county) AND petition_number = \(bind: key.number) ORDER BY step_number
            """
        ).all().map { row in
            let k = "\(key)#" + row.rawText("step_number")
            return PetitionStep(
                number: Int(try row.storedInt("step_number", table: t, key: k)),
                kind: try row.storedCode("kind", as: PetitionStepKind.self, table: t, key: k),
                date: try row.storedDate("step_date", table: t, key: k), note: try row.storedText("note", table: t, key: k),
                username: try row.storedText("username", table: t, key: k), role: try row.storedCode("role", as: Role.self, table: t, key: k))
        }
    }

    /// The petitions about an area or any area inside it, those awaiting a reply first by deadline.
    public static func petitions(
        in area: AdminCode, state: PetitionState? = nil, overdueOn: CivilDate? = nil, _ sql: any SQLDatabase
    ) async throws
        -> [Petition]
    {
        let areas = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM petition
            WHERE \(areas.counties("county_code")) AND area_code LIKE \(bind: areas.codePattern)
            """
        if let state { query += " AND state = \(bind: state.token)" }
        if let date = overdueOn { query += " AND state IN ('received', 'assigned') AND deadline < \(bind: date.description)" }
        query +=
            " ORDER BY CASE state WHEN 'received' THEN 0 WHEN 'assigned' THEN 0 WHEN 'replied' THEN 1 ELSE 2 END, CASE WHEN state = 'closed' THEN NULL ELSE deadline END, county_code, petition_number"
        return try await sql.raw(query).all().map(petition)
    }

    static func petition(_ row: any SQLRow) throws -> Petition {
        let t = "petition"
        let k = row.rawText("county_code") + "-" + row.rawText("petition_number")
        func date(_ column: String) throws -> CivilDate? { try row.decodeNil(column: column) ? nil : try row.storedDate(column, table: t, key: k) }
        let household = try row.storedOptionalText("household_number", table: t, key: k).map { text in
            guard let number = try? HouseholdNumber(text) else { throw StoredValueError(table: t, column: "household_number", key: k, value: text) }
            return number
        }
        let satisfaction = try row.storedOptionalText("satisfaction", table: t, key: k).map { text in
            guard let s = Satisfaction(token: text) else { throw StoredValueError(table: t, column: "satisfaction", key: k, value: text) }
            return s
        }
        return Petition(
            key: PetitionKey(
                county: try row.storedText("county_code", table: t, key: k), number: Int(try row.storedInt("petition_number", table: t, key: k))),
            area: try row.storedAdminCode("area_code", table: t, key: k),
            channel: try row.storedCode("channel", as: PetitionChannel.self, table: t, key: k),
            category: try row.storedCode("category", as: FindingCategory.self, table: t, key: k),
            receivedOn: try row.storedDate("received_on", table: t, key: k),
            content: try row.storedText("content", table: t, key: k), petitionerName: try row.storedText("petitioner_name", table: t, key: k),
            petitionerPhone: try row.storedText("petitioner_phone", table: t, key: k), household: household,
            deadline: try row.storedDate("deadline", table: t, key: k), state: try row.storedCode("state", as: PetitionState.self, table: t, key: k),
            assignedUnit: try row.storedOptionalText("assigned_unit", table: t, key: k), reply: try row.storedOptionalText("reply", table: t, key: k),
            repliedOn: try date("replied_on"), satisfaction: satisfaction, escalations: Int(try row.storedInt("escalations", table: t, key: k)),
            closedOn: try date("closed_on"), lastStepDate: try row.storedDate("last_step_date", table: t, key: k))
    }
}
