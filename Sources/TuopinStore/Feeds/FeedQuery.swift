import SQLKit
import TuopinCore

/// Matches feed rows to the registry and writes review items.
public enum FeedQuery {
    /// A person found in a household on a date, with the household's first identification.
    public struct Match: Hashable, Sendable {
        public var idNumber: String
        public var household: HouseholdNumber
        public var village: AdminCode
        public var enrolled: CivilDate?
    }

    /// The households (within `area`, anywhere when nil) that hold these ID numbers now, in chunks.
    public static func match(_ ids: [String], within area: AdminCode?, _ sql: any SQLDatabase) async throws -> [String: Match] {
        let filter = area.map(AreaFilter.init) ?? AreaFilter(countyPattern: "%", codePattern: "%")
        var result: [String: Match] = [:]
        let unique = Array(Set(ids)).sorted()
        var start = 0
        while start < unique.count {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            start += 500
            let rows = try await sql.raw(
                """
                SELECT ms.id_number, ms.household_number, h.village_code,
                       (SELECT MIN(e.effective_date) FROM status_event e
                        WHERE e.county_code = h.county_code AND e.household_number = h.household_number AND e.kind = 'identified') AS enrolled
                FROM membership ms JOIN household h ON h.county_code = ms.county_code AND h.household_number = ms.household_number
                WHERE ms.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern)
                  AND ms.id_type = 'residentIdentityCard' AND ms.id_number IN (\(binds: chunk)) AND ms.to_date IS NULL
                """
            ).all()
            for row in rows {
                let key = row.rawText("household_number")
                let text = try row.storedText("household_number", table: "membership", key: key)
                guard let household = try? HouseholdNumber(text) else { continue }
                let enrolledText = try row.storedOptionalText("enrolled", table: "status_event", key: key)
                result[try row.storedText("id_number", table: "membership", key: key)] = Match(
                    idNumber: try row.storedText("id_number", table: "membership", key: key), household: household,
                    village: try row.storedAdminCode("village_code", table: "household", key: key),
                    enrolled: enrolledText.flatMap { try? CivilDate($0) })
            }
        }
        return result
    }

    /// An open review item for the same household, red line and person, so a re-run adds none.
    public static func hasOpenItem(
        county: String, household: HouseholdNumber, line: RedLine, idNumber: String, _ sql: any SQLDatabase
    ) async throws -> Bool {
        try await sql.raw(
            """
            SELECT 1 AS x FROM review_item WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue)
              AND red_line = \(bind: line.rawValue) AND id_number = \(bind: idNumber) AND state = 'open'
            """
        ).first() != nil
    }

    public static func insertItem(
        county: String, household: HouseholdNumber, village: AdminCode, line: RedLine, feed: FeedKind, idNumber: String, date: CivilDate,
        amount: Money?, detail: String, openedOn: CivilDate, in tx: StoreTransaction
    ) async throws -> Int {
        let row = try await tx.sql.raw("SELECT COALESCE(MAX(item_number), 0) + 1 AS n FROM review_item WHERE county_code = \(bind: county)").first()
        let number = Int(try row?.decode(column: "n", as: Int64.self) ?? 1)
        try await tx.sql.raw(
            """
            INSERT INTO review_item (county_code, item_number, household_number, village_code, red_line, feed, id_type, id_number, event_date,
                                     amount_fen, detail, state, opened_on)
            VALUES (\(bind: county), \(bind: number), \(bind: household.rawValue), \(bind: village.rawValue), \(bind: line.rawValue), \(bind: feed.token),
                    'residentIdentityCard', \(bind: idNumber), \(bind: date.description), \(bind: amount?.fen), \(bind: detail), 'open',
                    \(bind: openedOn.description))
            """
        ).run()
        return number
    }
}

extension FeedQuery {
    /// A red-line review item as stored.
    public struct ReviewItem: Sendable, Codable, Equatable {
        public var reference: String
        public var household: String
        public var village: String
        public var redLine: String
        public var feed: String
        public var idNumber: String
        public var date: String
        public var amount: String?
        public var detail: String
        public var state: String
        public var openedOn: String
        public var resolution: String
    }

    public static func items(in area: AdminCode, state: String?, _ sql: any SQLDatabase) async throws -> [ReviewItem] {
        let filter = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT county_code, item_number, household_number, village_code, red_line, feed, id_number, event_date, amount_fen, detail, state,
                   opened_on, resolution
            FROM review_item WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
            """
        if let state { query += " AND state = \(bind: state)" }
        query += " ORDER BY county_code, item_number"
        return try await sql.raw(query).all().map { row in
            let t = "review_item", key = row.rawText("county_code") + "-R" + row.rawText("item_number")
            return ReviewItem(
                reference: key, household: try row.storedText("household_number", table: t, key: key),
                village: try row.storedText("village_code", table: t, key: key), redLine: try row.storedText("red_line", table: t, key: key),
                feed: try row.storedText("feed", table: t, key: key), idNumber: try row.storedText("id_number", table: t, key: key),
                date: try row.storedText("event_date", table: t, key: key),
                amount: try row.decodeNil(column: "amount_fen") ? nil : Money(fen: try row.storedInt("amount_fen", table: t, key: key)).yuanText,
                detail: try row.storedText("detail", table: t, key: key), state: try row.storedText("state", table: t, key: key),
                openedOn: try row.storedText("opened_on", table: t, key: key), resolution: try row.storedText("resolution", table: t, key: key))
        }
    }

    /// Decides an open item: `confirmed` or `dismissed`, with the reason. False if it was not open.
    public static func decide(county: String, number: Int, state: String, resolution: String, in tx: StoreTransaction) async throws -> Bool {
        let open = try await tx.sql.raw(
            "SELECT household_number FROM review_item WHERE county_code = \(bind: county) AND item_number = \(bind: number) AND state = 'open'"
        ).first()
        guard open != nil else { return false }
        try await tx.sql.raw(
            """
            UPDATE review_item SET state = \(bind: state), resolution = \(bind: resolution)
            WHERE county_code = \(bind: county) AND item_number = \(bind: number)
            """
        ).run()
        return true
    }
}
