import SQLKit
import TuopinCore

/// Reads and writes the differences campaign visits found with the registry, which the township
/// reviews.
public enum DifferenceQuery {
    /// A stored difference: which visit found it, where, and what the township decided.
    public struct Row: Hashable, Sendable {
        public var key: DifferenceKey
        public var campaign: Int
        public var visit: String
        public var household: HouseholdNumber
        public var village: AdminCode
        public var difference: VisitDifference
        public var state: DifferenceState
        public var openedOn: CivilDate
        public var decidedBy: String?
        public var decidedOn: CivilDate?
        public var resolution: String
    }

    static let columns = """
        county_code, difference_number, campaign_number, visit_id, household_number, village_code, kind, subject, registry_value, visit_value,
        state, opened_on, decided_by, decided_on, resolution
        """

    public static func insert(
        _ differences: [VisitDifference], of v: CampaignVisit, village: AdminCode, on date: CivilDate, in tx: StoreTransaction
    ) async throws {
        guard !differences.isEmpty else { return }
        let county = v.campaign.county
        // Numbered by MAX + 1: on PostgreSQL, visits of one county arriving together wait for
        // each other here (SQLite has one writer already).
        if tx.dialect == .postgres {
            _ = try await tx.sql.raw("SELECT code FROM area WHERE code = \(bind: county) FOR UPDATE").all()
        }
        let row = try await tx.sql.raw(
            "SELECT COALESCE(MAX(difference_number), 0) AS n FROM visit_difference WHERE county_code = \(bind: county)"
        ).first()
        let last = Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
        for (i, d) in differences.enumerated() {
            try await tx.sql.raw(
                """
                INSERT INTO visit_difference (\(unsafeRaw: columns))
                VALUES (\(bind: county), \(bind: last + i + 1), \(bind: v.campaign.number), \(bind: v.id.rawValue), \(bind: v.household.rawValue),
                        \(bind: village.rawValue), \(bind: d.kind.token), \(bind: d.subject), \(bind: d.registry), \(bind: d.visit),
                        \(bind: DifferenceState.open.token), \(bind: date.description), NULL, NULL, '')
                """
            ).run()
        }
    }

    /// A campaign's differences inside `area` (all where nil), in one state or all.
    public static func differences(
        of key: CampaignKey, in area: AdminCode? = nil, state: DifferenceState? = nil, _ sql: any SQLDatabase
    ) async throws -> [Row] {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM visit_difference WHERE county_code = \(bind: key.county) AND campaign_number = \(bind: key.number)
            """
        if let area { query += " AND village_code LIKE \(bind: AreaFilter(area).codePattern)" }
        if let state { query += " AND state = \(bind: state.token)" }
        query += " ORDER BY difference_number"
        return try await sql.raw(query).all().map(decode)
    }

    /// The open differences of every campaign inside `area`, oldest first, at most `limit`, and how many there are.
    public static func open(in area: AdminCode, limit: Int, _ sql: any SQLDatabase) async throws -> (rows: [Row], total: Int) {
        let areas = AreaFilter(area)
        let filter: SQLQueryString = """
            \(areas.counties("county_code")) AND village_code LIKE \(bind: areas.codePattern) AND state = \(bind: DifferenceState.open.token)
            """
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM visit_difference WHERE \(filter)").first()
            .map { Int(try $0.storedInt("n", table: "visit_difference", key: area.rawValue)) } ?? 0
        let rows = try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM visit_difference WHERE \(filter) ORDER BY opened_on, county_code, difference_number LIMIT \(bind: limit)"
        ).all().map(decode)
        return (rows, total)
    }

    public static func difference(_ key: DifferenceKey, _ sql: any SQLDatabase) async throws -> Row? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM visit_difference WHERE county_code = \(bind: key.county) AND difference_number = \(bind: key.number)"
        ).first().map(decode)
    }

    /// Records the township's decision on a difference still open; false when it was decided meanwhile.
    public static func decide(
        _ key: DifferenceKey, _ state: DifferenceState, by username: String, on date: CivilDate, resolution: String, in tx: StoreTransaction
    ) async throws -> Bool {
        try await tx.sql.raw(
            """
            UPDATE visit_difference SET state = \(bind: state.token), decided_by = \(bind: username), decided_on = \(bind: date.description),
                resolution = \(bind: resolution)
            WHERE county_code = \(bind: key.county) AND difference_number = \(bind: key.number) AND state = \(bind: DifferenceState.open.token)
            RETURNING difference_number
            """
        ).first() != nil
    }

    static func decode(_ row: any SQLRow) throws -> Row {
        let t = "visit_difference"
        let k = row.rawText("county_code") + "-" + row.rawText("difference_number")
        return Row(
            key: DifferenceKey(
                county: try row.storedText("county_code", table: t, key: k), number: Int(try row.storedInt("difference_number", table: t, key: k))),
            campaign: Int(try row.storedInt("campaign_number", table: t, key: k)), visit: try row.storedText("visit_id", table: t, key: k),
            household: try row.storedHousehold("household_number", table: t, key: k),
            village: try row.storedAdminCode("village_code", table: t, key: k),
            difference: VisitDifference(
                kind: try row.storedCode("kind", as: DifferenceKind.self, table: t, key: k), subject: try row.storedText("subject", table: t, key: k),
                registry: try row.storedText("registry_value", table: t, key: k), visit: try row.storedText("visit_value", table: t, key: k)),
            state: try row.storedCode("state", as: DifferenceState.self, table: t, key: k),
            openedOn: try row.storedDate("opened_on", table: t, key: k),
            decidedBy: try row.storedOptionalText("decided_by", table: t, key: k),
            decidedOn: try row.decodeNil(column: "decided_on") ? nil : try row.storedDate("decided_on", table: t, key: k),
            resolution: try row.storedText("resolution", table: t, key: k))
    }
}
