import SQLKit
import TuopinCore

/// Reads and writes the rectification ledger: findings and the steps of their rectification.
public enum FindingQuery {
    static let columns = """
        county_code, finding_number, area_code, source, category, description, responsible_unit, found_on, deadline, state,
        household_number, recorded_by, rectified_on, rectified_by, rectified_role, closed_on, last_step_date
        """

    /// Stores a new finding under the next number of its county; returns the key.
    public static func insert(_ f: Finding, in tx: StoreTransaction) async throws -> FindingKey {
        let county = f.key.county
        let row = try await tx.sql.raw(
            "SELECT COALESCE(MAX(finding_number), 0) + 1 AS n FROM finding WHERE county_code = \(bind: county)"
        ).first()
        let key = FindingKey(county: county, number: Int(try row?.decode(column: "n", as: Int64.self) ?? 1))
        try await tx.sql.raw(
            """
            INSERT INTO finding (\(unsafeRaw: columns))
            VALUES (\(bind: county), \(bind: key.number), \(bind: f.area.rawValue), \(bind: f.source.token), \(bind: f.category.token),
                    \(bind: f.description), \(bind: f.responsibleUnit), \(bind: f.foundOn.description), \(bind: f.deadline.description),
                    \(bind: f.state.token), \(bind: f.household?.rawValue), \(bind: f.recordedBy), \(bind: f.rectifiedOn?.description),
                    \(bind: f.rectifiedBy), \(bind: f.rectifiedRole?.token), \(bind: f.closedOn?.description), \(bind: f.lastStepDate.description))
            """
        ).run()
        return key
    }

    /// Writes a finding's state after a step (the caller has checked the transition).
    public static func update(_ f: Finding, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE finding SET state = \(bind: f.state.token), rectified_on = \(bind: f.rectifiedOn?.description),
                rectified_by = \(bind: f.rectifiedBy), rectified_role = \(bind: f.rectifiedRole?.token),
                closed_on = \(bind: f.closedOn?.description), last_step_date = \(bind: f.lastStepDate.description)
            WHERE county_code = \(bind: f.key.county) AND finding_number = \(bind: f.key.number)
            """
        ).run()
    }

    /// Appends a step to a finding's record; returns its number.
    @discardableResult
    public static func insert(_ step: RectificationStep, of key: FindingKey, in tx: StoreTransaction) async throws -> Int {
        let row = try await tx.sql.raw(
            """
            SELECT COALESCE(MAX(step_number), 0) + 1 AS n FROM finding_step
            WHERE county_code = \(bind: key.county) AND finding_number = \(bind: key.number)
            """
        ).first()
        let number = Int(try row?.decode(column: "n", as: Int64.self) ?? 1)
        try await tx.sql.raw(
            """
            INSERT INTO finding_step (county_code, finding_number, step_number, kind, step_date, note, evidence, username, role)
            VALUES (\(bind: key.county), \(bind: key.number), \(bind: number), \(bind: step.kind.token), \(bind: step.date.description),
                    \(bind: step.note), \(bind: step.evidence), \(bind: step.username), \(bind: step.role.token))
            """
        ).run()
        return number
    }

    public static func finding(_ key: FindingKey, _ sql: any SQLDatabase) async throws -> Finding? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM finding WHERE county_code = \(bind: key.county) AND finding_number = \(bind: key.number)"
        ).first().map(finding)
    }

    public static func steps(of key: FindingKey, _ sql: any SQLDatabase) async throws -> [RectificationStep] {
        let t = "finding_step"
        return try await sql.raw(
            """
            SELECT step_number, kind, step_date, note, evidence, username, role FROM finding_step
            WHERE county_code = \(bind: key.county) AND finding_number = \(bind: key.number) ORDER BY step_number
            """
        ).all().map { row in
            let k = "\(key)#" + row.rawText("step_number")
            return RectificationStep(
                number: Int(try row.storedInt("step_number", table: t, key: k)),
                kind: try row.storedCode("kind", as: RectificationStepKind.self, table: t, key: k),
                date: try row.storedDate("step_date", table: t, key: k), note: try row.storedText("note", table: t, key: k),
                evidence: try row.storedText("evidence", table: t, key: k), username: try row.storedText("username", table: t, key: k),
                role: try row.storedCode("role", as: Role.self, table: t, key: k))
        }
    }

    /// What to list: a state, a source, only those overdue on a date.
    public struct Filter: Sendable, Equatable {
        public var state: RectificationState?
        public var source: FindingSource?
        public var overdueOn: CivilDate?

        public init(state: RectificationState? = nil, source: FindingSource? = nil, overdueOn: CivilDate? = nil) {
            self.state = state
            self.source = source
            self.overdueOn = overdueOn
        }
    }

    /// The findings about an area or any area inside it, the most urgent first (open ones by
    /// deadline, then the rest by number).
    public static func findings(in area: AdminCode, _ filter: Filter = Filter(), _ sql: any SQLDatabase) async throws -> [Finding] {
        let areas = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM finding
            WHERE \(areas.counties("county_code")) AND area_code LIKE \(bind: areas.codePattern)
            """
        if let state = filter.state { query += " AND state = \(bind: state.token)" }
        if let source = filter.source { query += " AND source = \(bind: source.token)" }
        if let date = filter.overdueOn {
            query += " AND state = \(bind: RectificationState.inProgress.token) AND deadline < \(bind: date.description)"
        }
        query +=
            " ORDER BY CASE WHEN state = 'closed' THEN 1 ELSE 0 END, CASE WHEN state = 'closed' THEN NULL ELSE deadline END, county_code, finding_number"
        return try await sql.raw(query).all().map(finding)
    }

    static func finding(_ row: any SQLRow) throws -> Finding {
        let t = "finding"
        let k = row.rawText("county_code") + "-" + row.rawText("finding_number")
        func date(_ column: String) throws -> CivilDate? { try row.decodeNil(column: column) ? nil : try row.storedDate(column, table: t, key: k) }
        let household = try row.storedOptionalText("household_number", table: t, key: k).map { text in
            guard let number = try? HouseholdNumber(text) else { throw StoredValueError(table: t, column: "household_number", key: k, value: text) }
            return number
        }
        let role = try row.storedOptionalText("rectified_role", table: t, key: k).map { text in
            guard let role = Role(token: text) else { throw StoredValueError(table: t, column: "rectified_role", key: k, value: text) }
            return role
        }
        return Finding(
            key: FindingKey(
                county: try row.storedText("county_code", table: t, key: k), number: Int(try row.storedInt("finding_number", table: t, key: k))),
            area: try row.storedAdminCode("area_code", table: t, key: k),
            source: try row.storedCode("source", as: FindingSource.self, table: t, key: k),
            category: try row.storedCode("category", as: FindingCategory.self, table: t, key: k),
            description: try row.storedText("description", table: t, key: k),
            responsibleUnit: try row.storedText("responsible_unit", table: t, key: k),
            foundOn: try row.storedDate("found_on", table: t, key: k), deadline: try row.storedDate("deadline", table: t, key: k),
            household: household,
            recordedBy: try row.storedText("recorded_by", table: t, key: k),
            state: try row.storedCode("state", as: RectificationState.self, table: t, key: k),
            rectifiedOn: try date("rectified_on"), rectifiedBy: try row.storedOptionalText("rectified_by", table: t, key: k), rectifiedRole: role,
            closedOn: try date("closed_on"), lastStepDate: try row.storedDate("last_step_date", table: t, key: k))
    }
}
