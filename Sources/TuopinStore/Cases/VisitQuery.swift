import Foundation
import SQLKit
import TuopinCore

/// Reads and writes campaign visits, their photos and the differences they found, and what the
/// registry holds on a household for a visit to compare with.
public enum VisitQuery {
    static let columns = """
        county_code, visit_id, campaign_number, household_number, visitor, visited_at, met_with, secured, income_fen, danger_grade,
        sanitary_toilet, note, risks, basis, received_on, lead_reference
        """

    /// A visit already taken under this id in the county, if any.
    public static func visit(county: String, id: VisitID, _ sql: any SQLDatabase) async throws -> StoredVisit? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM campaign_visit WHERE county_code = \(bind: county) AND visit_id = \(bind: id.rawValue)"
        ).first().map(decode)
    }

    public static func insert(_ v: CampaignVisit, receivedOn: CivilDate, in tx: StoreTransaction) async throws {
        let county = v.campaign.county
        try await tx.sql.raw(
            """
            INSERT INTO campaign_visit (\(unsafeRaw: columns))
            VALUES (\(bind: county), \(bind: v.id.rawValue), \(bind: v.campaign.number), \(bind: v.household.rawValue), \(bind: v.visitor),
                    \(bind: v.visitedAt.description), \(bind: v.metWith), \(bind: v.secured.map(\.token).sorted().joined(separator: ";")),
                    \(bind: v.perCapitaIncome?.fen), \(bind: v.dangerGrade?.token), \(bind: v.sanitaryToilet), \(bind: v.note),
                    \(bind: v.risks.map(\.token).joined(separator: ";")), \(bind: v.basis), \(bind: receivedOn.description), NULL)
            """
        ).run()
        if let p = v.photo {
            try await tx.sql.raw(
                """
                INSERT INTO visit_photo (county_code, visit_id, content_type, data_base64)
                VALUES (\(bind: county), \(bind: v.id.rawValue), \(bind: p.kind.rawValue), \(bind: Data(p.bytes).base64EncodedString()))
                """
            ).run()
        }
    }

    public static func setLead(county: String, id: VisitID, reference: String, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            "UPDATE campaign_visit SET lead_reference = \(bind: reference) WHERE county_code = \(bind: county) AND visit_id = \(bind: id.rawValue)"
        ).run()
    }

    public static func photo(county: String, id: VisitID, _ sql: any SQLDatabase) async throws -> VisitPhoto? {
        guard
            let row = try await sql.raw(
                "SELECT data_base64 FROM visit_photo WHERE county_code = \(bind: county) AND visit_id = \(bind: id.rawValue)"
            ).first()
        else { return nil }
        let text = try row.storedText("data_base64", table: "visit_photo", key: "\(county)/\(id)")
        guard let data = Data(base64Encoded: text), let photo = VisitPhoto(bytes: Array(data)) else {
            throw StoredValueError(table: "visit_photo", column: "data_base64", key: "\(county)/\(id)", value: String(text.prefix(16)))
        }
        return photo
    }

    /// A campaign's visits, or one household's, latest first.
    public static func visits(of key: CampaignKey, household: HouseholdNumber? = nil, _ sql: any SQLDatabase) async throws -> [StoredVisit] {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM campaign_visit WHERE county_code = \(bind: key.county) AND campaign_number = \(bind: key.number)
            """
        if let household { query += " AND household_number = \(bind: household.rawValue)" }
        query += " ORDER BY visited_at DESC, visit_id"
        return try await sql.raw(query).all().map(decode)
    }

    /// A household's visits in every campaign, latest first, with each campaign's title and whether a photo was kept.
    public static func visits(
        county: String, household: HouseholdNumber, _ sql: any SQLDatabase
    ) async throws -> [(StoredVisit, title: String, photo: Bool)] {
        let columns = Self.columns.split(separator: ",").map { "v." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")
        return try await sql.raw(
            """
            SELECT \(unsafeRaw: columns), c.title,
                   (SELECT COUNT(*) FROM visit_photo p WHERE p.county_code = v.county_code AND p.visit_id = v.visit_id) AS photos
            FROM campaign_visit v JOIN campaign c ON c.county_code = v.county_code AND c.campaign_number = v.campaign_number
            WHERE v.county_code = \(bind: county) AND v.household_number = \(bind: household.rawValue)
            ORDER BY v.visited_at DESC, v.visit_id
            """
        ).all().map { row in
            (
                try decode(row), try row.storedText("title", table: "campaign", key: row.rawText("visit_id")),
                try row.storedInt("photos", table: "visit_photo", key: row.rawText("visit_id")) > 0
            )
        }
    }

    /// The households of a campaign visited at least once.
    public static func visited(_ key: CampaignKey, _ sql: any SQLDatabase) async throws -> Set<HouseholdNumber> {
        let rows = try await sql.raw(
            """
            SELECT DISTINCT household_number FROM campaign_visit WHERE county_code = \(bind: key.county) AND campaign_number = \(bind: key.number)
            """
        ).all()
        return Set(try rows.map { try $0.storedHousehold("household_number", table: "campaign_visit", key: $0.rawText("household_number")) })
    }

    /// What the registry holds on a household for `year`: its latest year record up to then and
    /// its latest per-capita income up to then.
    public static func snapshot(county: String, household: HouseholdNumber, year: Int, _ sql: any SQLDatabase) async throws -> RegistrySnapshot {
        let facts = try await sql.raw(
            """
            SELECT \(unsafeRaw: HouseholdYearQuery.columns) FROM household_year
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) AND year <= \(bind: year)
            ORDER BY year DESC LIMIT 1
            """
        ).first().map { try HouseholdYearQuery.decode($0, household: household) }
        let incomes = try await HouseholdYearQuery.incomes(county: county, household: household, sql)
        let income = incomes.filter { $0.key <= year }.max { $0.key < $1.key }?.value
        return RegistrySnapshot(
            secured: facts?.securedGuarantees, perCapitaIncome: income, dangerGrade: facts?.living.dangerGrade,
            sanitaryToilet: facts?.living.sanitaryToilet)
    }

    /// `snapshot` for every household of a campaign assigned to `assignee`, in two reads.
    public static func snapshots(
        of key: CampaignKey, assignee: String, year: Int, _ sql: any SQLDatabase
    ) async throws -> [HouseholdNumber: RegistrySnapshot] {
        let mine: SQLQueryString = """
            SELECT household_number FROM campaign_household
            WHERE county_code = \(bind: key.county) AND campaign_number = \(bind: key.number) AND assignee = \(bind: assignee)
            """
        var facts: [HouseholdNumber: (Int, HouseholdYear)] = [:]
        let columns = HouseholdYearQuery.columns.split(separator: ",").map { "y." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        for row in try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM household_year y
            WHERE y.county_code = \(bind: key.county) AND y.year <= \(bind: year) AND y.household_number IN (\(mine))
            """
        ).all() {
            let h = try row.storedHousehold("household_number", table: "household_year", key: row.rawText("household_number"))
            let y = try HouseholdYearQuery.decode(row, household: h)
            if (facts[h]?.0 ?? Int.min) < y.year { facts[h] = (y.year, y) }
        }
        var incomes: [HouseholdNumber: (Int, Money)] = [:]
        for row in try await sql.raw(
            """
            SELECT i.household_number, i.year, i.household_size, \(unsafeRaw: SweepQuery.net("i")) AS net_fen FROM income_record i
            WHERE i.county_code = \(bind: key.county) AND i.year <= \(bind: year) AND i.household_number IN (\(mine))
            """
        ).all() {
            let t = "income_record", k = row.rawText("household_number")
            let h = try row.storedHousehold("household_number", table: t, key: k)
            let size = Int(try row.storedInt("household_size", table: t, key: k))
            let y = try row.storedYear("year", table: t, key: k)
            guard size > 0, (incomes[h]?.0 ?? Int.min) < y else { continue }
            incomes[h] = (y, Money(fen: try row.storedInt("net_fen", table: t, key: k)) / size)
        }
        var out: [HouseholdNumber: RegistrySnapshot] = [:]
        for h in Set(facts.keys).union(incomes.keys) {
            let f = facts[h]?.1
            out[h] = RegistrySnapshot(
                secured: f?.securedGuarantees, perCapitaIncome: incomes[h]?.1, dangerGrade: f?.living.dangerGrade,
                sanitaryToilet: f?.living.sanitaryToilet)
        }
        return out
    }

    static func decode(_ row: any SQLRow) throws -> StoredVisit {
        let t = "campaign_visit"
        let k = row.rawText("county_code") + "/" + row.rawText("visit_id")
        func list<T: CodeListValue>(_ c: String, _: T.Type) throws -> [T] {
            let text = try row.storedText(c, table: t, key: k)
            return try text.split(separator: ";").map { part in
                guard let v = T(token: String(part)) else { throw StoredValueError(table: t, column: c, key: k, value: text) }
                return v
            }
        }
        let idText = try row.storedText("visit_id", table: t, key: k)
        let timeText = try row.storedText("visited_at", table: t, key: k)
        guard let id = VisitID(idText) else { throw StoredValueError(table: t, column: "visit_id", key: k, value: idText) }
        guard let time = VisitTime(timeText) else { throw StoredValueError(table: t, column: "visited_at", key: k, value: timeText) }
        let grade = try row.storedOptionalText("danger_grade", table: t, key: k).map { text in
            guard let g = DangerGrade(token: text) else { throw StoredValueError(table: t, column: "danger_grade", key: k, value: text) }
            return g
        }
        let visit = CampaignVisit(
            id: id,
            campaign: CampaignKey(
                county: try row.storedText("county_code", table: t, key: k), number: Int(try row.storedInt("campaign_number", table: t, key: k))),
            household: try row.storedHousehold("household_number", table: t, key: k), visitor: try row.storedText("visitor", table: t, key: k),
            visitedAt: time, metWith: try row.storedText("met_with", table: t, key: k), secured: Set(try list("secured", BasicGuarantee.self)),
            perCapitaIncome: try row.decodeNil(column: "income_fen") ? nil : Money(fen: try row.storedInt("income_fen", table: t, key: k)),
            dangerGrade: grade,
            sanitaryToilet: try row.decodeNil(column: "sanitary_toilet") ? nil : try row.storedBool("sanitary_toilet", table: t, key: k),
            note: try row.storedText("note", table: t, key: k), risks: try list("risks", RiskType.self),
            basis: try row.storedText("basis", table: t, key: k))
        return StoredVisit(
            visit: visit, receivedOn: try row.storedDate("received_on", table: t, key: k),
            lead: try row.storedOptionalText("lead_reference", table: t, key: k))
    }
}

/// A visit as stored: when it was received and the monitoring case it raised, if any. The photo
/// is read on its own (`VisitQuery.photo`).
public struct StoredVisit: Hashable, Sendable {
    public var visit: CampaignVisit
    public var receivedOn: CivilDate
    public var lead: String?
}
