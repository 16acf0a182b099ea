import SQLKit
import TuopinCore

/// Reads and writes visit campaigns and their households: the households a target rule chooses,
/// the campaign with its households and cadres, reassignment.
public enum CampaignQuery {
    static let columns = "county_code, campaign_number, kind, area_code, title, opens_on, closes_on, target_rule, created_by"

    /// The households `target` chooses in `area` as they stood on `date` (the projection rewound
    /// to it, as the roll-ups do), with their villages, in number order. Only households on the
    /// roll then are chosen; `exitedIn` takes those whose exit took effect that year; `monitored`
    /// those identified by then whose case was not yet closed.
    public static func targets(
        _ target: CampaignTarget, in area: AdminCode, on date: CivilDate, _ sql: any SQLDatabase
    ) async throws -> [CampaignHousehold] {
        let areas = AreaFilter(area)
        let day = date.description
        let onRoll = CampaignTarget.onRoll.map(\.token).sorted()
        let status: SQLQueryString = "(CASE WHEN c.changed_on <= \(bind: day) THEN c.status ELSE \(HouseholdAsOf.status(on: day)) END)"
        var query: SQLQueryString = """
            SELECT c.household_number, c.village_code FROM household_current c
            WHERE \(areas.counties("c.county_code")) AND c.village_code LIKE \(bind: areas.codePattern)
            """
        switch target {
        case .enrolled: query += " AND \(status) IN (\(binds: onRoll))"
        case .statuses(let set): query += " AND \(status) IN (\(binds: set.map(\.token).sorted()))"
        case .monitored:
            query += """
                 AND EXISTS (SELECT 1 FROM monitoring_case m WHERE m.county_code = c.county_code
                   AND m.household_number = c.household_number AND m.identified_on <= \(bind: day)
                   AND (m.closed_on IS NULL OR m.closed_on > \(bind: day)))
                """
        case .exitedIn(let year):
            query += """
                 AND \(status) IN (\(binds: onRoll)) AND EXISTS (SELECT 1 FROM status_event e WHERE e.county_code = c.county_code
                   AND e.household_number = c.household_number AND e.status = \(bind: PovertyStatus.exitedWithPolicies.token)
                   AND e.effective_date >= \(bind: "\(year)-01-01") AND e.effective_date <= \(bind: "\(year)-12-31"))
                """
        }
        query += " ORDER BY c.household_number"
        let t = "household_current"
        return try await sql.raw(query).all().map { row in
            let k = row.rawText("household_number")
            return CampaignHousehold(
                household: try row.storedHousehold("household_number", table: t, key: k),
                village: try row.storedAdminCode("village_code", table: t, key: k))
        }
    }

    /// Stores a campaign and its households; returns the key.
    public static func insert(_ c: VisitCampaign, households: [CampaignHousehold], in tx: StoreTransaction) async throws -> CampaignKey {
        let county = c.key.county
        let row = try await tx.sql.raw(
            "SELECT COALESCE(MAX(campaign_number), 0) + 1 AS n FROM campaign WHERE county_code = \(bind: county)"
        ).first()
        let key = CampaignKey(county: county, number: Int(try row?.decode(column: "n", as: Int64.self) ?? 1))
        try await tx.sql.raw(
            """
            INSERT INTO campaign (\(unsafeRaw: columns))
            VALUES (\(bind: county), \(bind: key.number), \(bind: c.kind.token), \(bind: c.area.rawValue), \(bind: c.title),
                    \(bind: c.opens.description), \(bind: c.closes.description), \(bind: c.target.token), \(bind: c.createdBy))
            """
        ).run()
        for start in stride(from: 0, to: households.count, by: 200) {
            var query: SQLQueryString =
                "INSERT INTO campaign_household (county_code, campaign_number, household_number, village_code, assignee) VALUES "
            for (i, h) in households[start..<min(start + 200, households.count)].enumerated() {
                query +=
                    "\(unsafeRaw: i == 0 ? "" : ",")(\(bind: county), \(bind: key.number), \(bind: h.household.rawValue), \(bind: h.village.rawValue), \(bind: h.assignee))"
            }
            try await tx.sql.raw(query).run()
        }
        return key
    }

    /// Gives one of a campaign's households to another cadre (nil: unassigned); false when it is not one of them.
    public static func assign(_ key: CampaignKey, household: HouseholdNumber, to assignee: String?, in tx: StoreTransaction) async throws -> Bool {
        guard try await Self.household(key, household, tx.sql) != nil else { return false }
        try await tx.sql.raw(
            """
            UPDATE campaign_household SET assignee = \(bind: assignee)
            WHERE county_code = \(bind: key.county) AND campaign_number = \(bind: key.number) AND household_number = \(bind: household.rawValue)
            """
        ).run()
        return true
    }

    public static func campaign(_ key: CampaignKey, _ sql: any SQLDatabase) async throws -> VisitCampaign? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM campaign WHERE county_code = \(bind: key.county) AND campaign_number = \(bind: key.number)"
        ).first().map(campaign)
    }

    /// The campaigns of an area or of any area inside it, the latest first.
    public static func campaigns(in area: AdminCode, _ sql: any SQLDatabase) async throws -> [VisitCampaign] {
        let areas = AreaFilter(area)
        return try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM campaign WHERE \(areas.counties("county_code")) AND area_code LIKE \(bind: areas.codePattern)
            ORDER BY opens_on DESC, county_code, campaign_number DESC
            """
        ).all().map(campaign)
    }

    /// A campaign's households inside `area` (all where nil), or only one cadre's, in number order.
    public static func households(
        of key: CampaignKey, in area: AdminCode? = nil, assignee: String? = nil, _ sql: any SQLDatabase
    ) async throws -> [CampaignHousehold] {
        var query: SQLQueryString = """
            SELECT household_number, village_code, assignee FROM campaign_household
            WHERE county_code = \(bind: key.county) AND campaign_number = \(bind: key.number)
            """
        if let area { query += " AND village_code LIKE \(bind: AreaFilter(area).codePattern)" }
        if let assignee { query += " AND assignee = \(bind: assignee)" }
        query += " ORDER BY household_number"
        return try await sql.raw(query).all().map(household)
    }

    public static func household(_ key: CampaignKey, _ number: HouseholdNumber, _ sql: any SQLDatabase) async throws -> CampaignHousehold? {
        try await sql.raw(
            """
            SELECT household_number, village_code, assignee FROM campaign_household
            WHERE county_code = \(bind: key.county) AND campaign_number = \(bind: key.number) AND household_number = \(bind: number.rawValue)
            """
        ).first().map(household)
    }

    static func household(_ row: any SQLRow) throws -> CampaignHousehold {
        let t = "campaign_household", k = row.rawText("household_number")
        return CampaignHousehold(
            household: try row.storedHousehold("household_number", table: t, key: k),
            village: try row.storedAdminCode("village_code", table: t, key: k),
            assignee: try row.storedOptionalText("assignee", table: t, key: k))
    }

    static func campaign(_ row: any SQLRow) throws -> VisitCampaign {
        let t = "campaign"
        let k = row.rawText("county_code") + "-" + row.rawText("campaign_number")
        let rule = try row.storedText("target_rule", table: t, key: k)
        guard let target = CampaignTarget(token: rule) else { throw StoredValueError(table: t, column: "target_rule", key: k, value: rule) }
        return VisitCampaign(
            key: CampaignKey(
                county: try row.storedText("county_code", table: t, key: k), number: Int(try row.storedInt("campaign_number", table: t, key: k))),
            kind: try row.storedCode("kind", as: CampaignKind.self, table: t, key: k), area: try row.storedAdminCode("area_code", table: t, key: k),
            title: try row.storedText("title", table: t, key: k), opens: try row.storedDate("opens_on", table: t, key: k),
            closes: try row.storedDate("closes_on", table: t, key: k), target: target, createdBy: try row.storedText("created_by", table: t, key: k))
    }
}

extension CampaignQuery {
    /// One of a cadre's households as the field form lists it: its village's name and its current head's name.
    public struct FieldRow: Hashable, Sendable {
        public var household: HouseholdNumber
        public var village: AdminCode
        public var villageName: String
        public var headName: String?
    }

    /// A cadre's households in a campaign, with their village and head names, in number order.
    public static func fieldRows(of key: CampaignKey, assignee: String, _ sql: any SQLDatabase) async throws -> [FieldRow] {
        try await sql.raw(
            """
            SELECT c.household_number, c.village_code, COALESCE(a.name, c.village_code) AS village_name,
                   (SELECT m.name FROM membership ms JOIN member m ON m.county_code = ms.county_code AND m.id_type = ms.id_type AND m.id_number = ms.id_number
                    WHERE ms.county_code = c.county_code AND ms.household_number = c.household_number AND ms.to_date IS NULL
                      AND ms.relation = \(bind: RelationToHead.head.token) ORDER BY ms.from_date DESC LIMIT 1) AS head_name
            FROM campaign_household c LEFT JOIN area a ON a.code = c.village_code
            WHERE c.county_code = \(bind: key.county) AND c.campaign_number = \(bind: key.number) AND c.assignee = \(bind: assignee)
            ORDER BY c.household_number
            """
        ).all().map { row in
            let t = "campaign_household", k = row.rawText("household_number")
            return FieldRow(
                household: try row.storedHousehold("household_number", table: t, key: k),
                village: try row.storedAdminCode("village_code", table: t, key: k),
                villageName: try row.storedText("village_name", table: "area", key: k),
                headName: try row.storedOptionalText("head_name", table: "member", key: k))
        }
    }
}
