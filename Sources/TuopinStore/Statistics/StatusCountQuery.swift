import SQLKit
import SQLiteNIO
import TuopinCore

/// Households and people by status as of a date, optionally per child area (R-01).
///
/// A household's status is that of its last event on or before the date (window function,
/// portable to SQLite ≥ 3.25 and PostgreSQL); people are memberships active on the date.
/// On and after the projection's horizon (no event or membership of the area's counties names
/// a later date) the maintained `area_status_count` is that answer, and is read instead. Before
/// it, each household's projected row answers unless its own history changed after the date;
/// only those households' events and memberships are looked up (`rewound`). `rescanned` is the
/// same answer from history alone, without the projection: the oracle the projection is tested
/// against.
public enum StatusCountQuery {
    /// Counts keyed by child-area code (`groupBy` level), or by the area's own code when nil.
    public static func counts(
        _ sql: any SQLDatabase, area: AdminCode, asOf: CivilDate,
        groupBy: AreaLevel? = nil
    ) async throws -> [String: StatusCounts] {
        if try await RegistryProjection.state(sql, area: area).covers(asOf) {
            return try await projected(sql, area: area, groupBy: groupBy)
        }
        return try await rewound(sql, area: area, asOf: asOf, groupBy: groupBy)
    }

    /// The counts as of a past date: the projection, with the households changed since looked up.
    public static func rewound(
        _ sql: any SQLDatabase, area: AdminCode, asOf: CivilDate,
        groupBy: AreaLevel? = nil
    ) async throws -> [String: StatusCounts] {
        try await rewound(sql, sqlite: nil, area: area, asOf: asOf, groupBy: groupBy, part: .all)
    }

    /// `rewound` over a part of the area's counties (`countsSplit`); `sqlite` reads the rows past
    /// SQLKit's decoding.
    static func rewound(
        _ sql: any SQLDatabase, sqlite: SQLiteConnection?, area: AdminCode, asOf: CivilDate, groupBy: AreaLevel?,
        part: AreaFilter.Part
    ) async throws -> [String: StatusCounts] {
        var filter = AreaFilter(area)
        filter.part = part
        let date = asOf.description
        let keyLength = (groupBy ?? area.level).codeLength
        // The households unchanged since the date, grouped by village in the covering index's
        // order; then the others, each with its status and people looked up as of the date.
        let rows = try await countRows(
            sql, sqlite: sqlite, table: "household_current", area: area,
            """
            SELECT SUBSTR(village_code, 1, \(unsafeRaw: String(keyLength))) AS area_key, status,
                   CAST(SUM(n) AS BIGINT) AS households, CAST(COALESCE(SUM(p), 0) AS BIGINT) AS people
            FROM (
                SELECT village_code, status, COUNT(*) AS n, SUM(people) AS p FROM household_current
                WHERE \(filter.counties("county_code")) AND village_code LIKE \(bind: filter.codePattern)
                  AND changed_on <= \(bind: date) AND status IS NOT NULL
                GROUP BY county_code, village_code, status
                UNION ALL
                SELECT village_code, status, COUNT(*) AS n, SUM(people) AS p FROM (
                    SELECT c.village_code, \(HouseholdAsOf.status(on: date)) AS status, \(HouseholdAsOf.people(on: date)) AS people
                    FROM household_current c
                    WHERE \(filter.counties("c.county_code")) AND c.village_code LIKE \(bind: filter.codePattern)
                      AND (c.changed_on > \(bind: date) OR c.changed_on IS NULL)
                    \(unsafeRaw: HouseholdAsOf.fence(sql))
                ) changed
                WHERE status IS NOT NULL
                GROUP BY village_code, status
            ) parts
            GROUP BY SUBSTR(village_code, 1, \(unsafeRaw: String(keyLength))), status
            """)
        return try await collect(rows, sql, area: area, filter: filter, table: "household_current")
    }

    /// The current counts, from the maintained per-village aggregates.
    public static func projected(
        _ sql: any SQLDatabase, area: AdminCode, groupBy: AreaLevel? = nil
    ) async throws -> [String: StatusCounts] {
        try await projected(sql, sqlite: nil, area: area, groupBy: groupBy)
    }

    static func projected(
        _ sql: any SQLDatabase, sqlite: SQLiteConnection?, area: AdminCode, groupBy: AreaLevel?
    ) async throws -> [String: StatusCounts] {
        let filter = AreaFilter(area)
        let keyLength = (groupBy ?? area.level).codeLength
        // By village, each row (one per village and status) is its own group: no grouping.
        let rows = try await countRows(
            sql, sqlite: sqlite, table: "area_status_count", area: area,
            keyLength == AreaLevel.village.codeLength
                ? """
                SELECT village_code AS area_key, status, CAST(households AS BIGINT) AS households, CAST(people AS BIGINT) AS people
                FROM area_status_count
                WHERE \(filter.counties("county_code")) AND village_code LIKE \(bind: filter.codePattern) AND households <> 0
                """
                : """
                SELECT SUBSTR(village_code, 1, \(unsafeRaw: String(keyLength))) AS area_key, status,
                       CAST(SUM(households) AS BIGINT) AS households, CAST(SUM(people) AS BIGINT) AS people
                FROM area_status_count
                WHERE \(filter.counties("county_code")) AND village_code LIKE \(bind: filter.codePattern)
                GROUP BY SUBSTR(village_code, 1, \(unsafeRaw: String(keyLength))), status
                HAVING SUM(households) <> 0
                """)
        return try await collect(rows, sql, area: area, filter: filter, table: "area_status_count")
    }

    /// The counts as of a date, from the events and memberships themselves (no projection).
    public static func rescanned(
        _ sql: any SQLDatabase, area: AdminCode, asOf: CivilDate,
        groupBy: AreaLevel? = nil
    ) async throws -> [String: StatusCounts] {
        let filter = AreaFilter(area)
        let date = asOf.description
        // The key length is an integer from code, not input.
        let keyLength = (groupBy ?? area.level).codeLength
        // Below county level, only the area's households' events and memberships are read;
        // at county level and above, county_code alone selects them.
        let inArea: SQLQueryString =
            area.level >= .township
            ? """
            AND household_number IN (SELECT household_number FROM household
                                     WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern))
            """ : ""
        let rows = try await countRows(
            sql, sqlite: nil, table: "household", area: area,
            """
            WITH latest AS (
                SELECT county_code, household_number, status,
                       ROW_NUMBER() OVER (PARTITION BY county_code, household_number
                                          ORDER BY effective_date DESC, sequence DESC) AS rn
                FROM status_event
                WHERE county_code LIKE \(bind: filter.countyPattern) AND effective_date <= \(bind: date)
                  \(inArea)
            ), people AS (
                SELECT county_code, household_number, COUNT(*) AS n
                FROM membership
                WHERE county_code LIKE \(bind: filter.countyPattern) AND from_date <= \(bind: date)
                  AND (to_date IS NULL OR to_date > \(bind: date))
                  \(inArea)
                GROUP BY county_code, household_number
            )
            SELECT SUBSTR(h.village_code, 1, \(unsafeRaw: String(keyLength))) AS area_key, l.status AS status,
                   COUNT(*) AS households, CAST(COALESCE(SUM(p.n), 0) AS BIGINT) AS people
            FROM household h
            JOIN latest l ON l.county_code = h.county_code AND l.household_number = h.household_number AND l.rn = 1
            LEFT JOIN people p ON p.county_code = h.county_code AND p.household_number = h.household_number
            WHERE h.county_code LIKE \(bind: filter.countyPattern) AND h.village_code LIKE \(bind: filter.codePattern)
            GROUP BY SUBSTR(h.village_code, 1, \(unsafeRaw: String(keyLength))), l.status
            """)
        return try await collect(rows, sql, area: area, filter: filter, table: "household")
    }

    /// One row of a count query: an area key, a status token, households and people.
    struct CountRow: Sendable {
        var key: String
        var status: String
        var households: Int64
        var people: Int64

        init(_ row: some StoredCountRow, table: String, area: String) throws {
            key = try row.storedText("area_key", table: table, key: area)
            status = try row.storedText("status", table: "status_event", key: key)
            households = try row.storedInt("households", table: table, key: key)
            people = try row.storedInt("people", table: table, key: key)
        }
    }

    /// The rows of a count query, read by SQLite's fast path when `sqlite` is given.
    static func countRows(
        _ sql: any SQLDatabase, sqlite: SQLiteConnection?, table: String, area: AdminCode, _ query: SQLQueryString
    ) async throws -> [CountRow] {
        let area = area.rawValue
        if let sqlite { return try await sqlite.rows(query, serializedBy: sql) { try CountRow($0, table: table, area: area) } }
        return try await sql.raw(query).all().map { try CountRow(KitRow(row: $0), table: table, area: area) }
    }

    /// The rows tallied by area key, each status token decoded once (hundreds of rows a request).
    private static func collect(
        _ rows: [CountRow], _ sql: any SQLDatabase, area: AdminCode, filter: AreaFilter, table: String
    ) async throws -> [String: StatusCounts] {
        var tokens: [(token: String, status: PovertyStatus)] = []
        var tallies: [String: [(status: PovertyStatus, households: Int, people: Int)]] = [:]
        for row in rows {
            let status: PovertyStatus
            if let known = tokens.first(where: { $0.token == row.status }) {
                status = known.status
            } else {
                guard let decoded = PovertyStatus(token: row.status) else { throw try await invalidStatus(sql, row.status, filter: filter) }
                tokens.append((row.status, decoded))
                status = decoded
            }
            guard row.households >= 0, row.people >= 0 else {
                throw StoredValueError(
                    table: table, column: row.households < 0 ? "households" : "people", key: row.key,
                    value: String(min(row.households, row.people)))
            }
            let key = normalise(row.key)
            if let i = tallies[key]?.firstIndex(where: { $0.status == status }) {
                tallies[key]![i].households += Int(row.households)
                tallies[key]![i].people += Int(row.people)
            } else {
                tallies[key, default: []].append((status, Int(row.households), Int(row.people)))
            }
        }
        return tallies.mapValues(StatusCounts.init)
    }

    /// Keys of city or province length name the area itself (`4304` → `430400`).
    static func normalise(_ key: String) -> String {
        key.count == 2 ? key + "0000" : (key.count == 4 ? key + "00" : key)
    }

    /// The earliest first-identification year of the area's households (the enrolment baseline).
    ///
    /// A stored year outside `RegistryYear` (0, 99999) is a `StoredValueError` naming the first
    /// household that holds one, never a date built from it.
    public static func firstEnrolmentYear(_ sql: any SQLDatabase, area: AdminCode) async throws -> Int? {
        let filter = AreaFilter(area)
        guard
            let row = try await sql.raw(
                """
                SELECT MIN(first_identified_year) AS first_year, MAX(first_identified_year) AS last_year FROM household
                WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
                """
            ).first(), (try? row.decodeNil(column: "first_year")) == false
        else { return nil }
        let first = try row.storedInt("first_year", table: "household", key: area.rawValue)
        let last = try row.storedInt("last_year", table: "household", key: area.rawValue)
        guard RegistryYear.contains(Int(first)), RegistryYear.contains(Int(last)) else {
            let bad = try await sql.raw(
                """
                SELECT household_number, first_identified_year FROM household
                WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
                  AND (first_identified_year < \(bind: RegistryYear.range.lowerBound) OR first_identified_year > \(bind: RegistryYear.range.upperBound))
                ORDER BY county_code, household_number
                """
            ).first()
            throw StoredValueError(
                table: "household", column: "first_identified_year", key: bad?.rawText("household_number") ?? area.rawValue,
                value: bad?.rawText("first_identified_year") ?? String(RegistryYear.contains(Int(first)) ? last : first))
        }
        return Int(first)
    }

    /// The error for a status token no code list knows, naming the first event that holds it.
    static func invalidStatus(_ sql: any SQLDatabase, _ token: String, filter: AreaFilter) async throws -> StoredValueError {
        let row = try await sql.raw(
            """
            SELECT household_number, sequence FROM status_event
            WHERE county_code LIKE \(bind: filter.countyPattern) AND status = \(bind: token)
            ORDER BY county_code, household_number, sequence
            """
        ).first()
        let key = row.map { "\($0.rawText("household_number"))#\($0.rawText("sequence"))" } ?? token
        return StoredValueError(table: "status_event", column: "status", key: key, value: token)
    }
}
