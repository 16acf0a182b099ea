import SQLKit
import TuopinCore

/// The maintained projection of the current state (M018): what a bulk writer calls around its
/// rows, the set-based rebuild, and what a reader asks of it (is it the answer for this date,
/// and under which version may a figure be cached).
///
/// ```swift
/// try await RegistryProjection.paused(counties: ["430481"], in: tx) { try await RegistryWriter.write(batch, in: tx) }
/// let state = try await RegistryProjection.state(db.sql, area: leiyang)   // version and horizon
/// ```
public enum RegistryProjection {
    /// The county code of the row that bulk writes bump: a write that skipped the triggers may
    /// have touched any county's profiles or area events, so every cached figure is stale.
    static let everyCounty = ""

    /// Runs `body` with the per-row triggers paused, then rebuilds `counties` (read after `body`
    /// ran; every county when nil) set-based and bumps the registry-wide version, all in `tx`. Nested calls pause once;
    /// the outermost one rebuilds.
    public static func paused<T: Sendable>(
        counties: @autoclosure () -> Set<String>?, in tx: StoreTransaction, _ body: () async throws -> T
    ) async throws -> T {
        try await pause(in: tx, body) {
            if let counties = counties() {
                for county in counties.sorted() { try await rebuildPaused(countyPattern: county, in: tx) }
            } else {
                try await rebuildPaused(countyPattern: "%", in: tx)
            }
            try await bump(everyCounty, in: tx)
        }
    }

    /// Runs `body` with the per-row triggers paused, for a writer that adds whole households with
    /// their whole history and writes their `household_current` rows itself (`currentRow`, into
    /// `householdCurrent`) from what it holds: only the per-village counts and the horizons of
    /// `counties` (read after `body` ran) are then recomputed, from `household_current`. This
    /// spares the import the rescan of the history it has just written.
    public static func pausedWritingCurrentRows<T: Sendable>(
        counties: @autoclosure () -> Set<String>, in tx: StoreTransaction, _ body: () async throws -> T
    ) async throws -> T {
        try await pause(in: tx, body) {
            for county in counties().sorted() { try await recount(county: county, in: tx) }
            try await bump(everyCounty, in: tx)
        }
    }

    /// Runs `body`, which writes rows of the tables whose writes only raise the version
    /// (`ProjectionTriggers.versionedOnly`, such as a sweep's many cases) and nothing the
    /// projection holds, with the per-row triggers paused; then raises the version of each of
    /// `counties` (read after `body` ran) once, as the triggers would have, row by row.
    public static func pausedVersioning<T: Sendable>(
        counties: @autoclosure () -> Set<String>, in tx: StoreTransaction, _ body: () async throws -> T
    ) async throws -> T {
        try await pause(in: tx, body) {
            for county in counties().sorted() { try await bump(county, in: tx) }
        }
    }

    /// The pause itself: `body`, then `refresh` (which bumps what it must) while still paused.
    private static func pause<T: Sendable>(
        in tx: StoreTransaction, _ body: () async throws -> T, refresh: () async throws -> Void
    ) async throws -> T {
        let already = try await tx.sql.raw("SELECT id FROM projection_pause").first() != nil
        if already { return try await body() }
        try await tx.sql.raw("INSERT INTO projection_pause (id) VALUES (1)").run()
        // On SQLite a trigger costs some microseconds a row even when its WHEN is false, so a
        // bulk write drops them and creates them again before it commits (the schema change is
        // part of the transaction, and SQLite has no other writer meanwhile). PostgreSQL keeps
        // them, paused: dropping one there would lock out every other writer of the table.
        if tx.dialect == .sqlite {
            for name in ProjectionTriggers.sqliteNames { try await tx.sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name)").run() }
        }
        let result = try await body()
        try await refresh()
        if tx.dialect == .sqlite {
            for statement in ProjectionTriggers.sqlite(.second) { try await tx.sql.raw(SQLQueryString(statement)).run() }
        }
        try await tx.sql.raw("DELETE FROM projection_pause").run()
        return result
    }

    /// The columns of a household's projected row.
    public static let householdCurrent = BulkTable(
        "household_current",
        [
            "county_code", "household_number", "village_code", "status", "status_date", "status_sequence", "people", "changed_on",
            "previous_status", "previous_status_date", "first_status_date", "members_changed_on", "members_changed_before", "people_before",
        ])

    /// What a household's projected row says of its history (see `ProjectionTriggers.Generation`).
    public struct Projected: Sendable, Equatable {
        /// The latest status event (by date, then sequence) and the one before it.
        public var latest: (status: PovertyStatus, date: CivilDate, sequence: Int)?
        public var previous: (status: PovertyStatus, date: CivilDate)?
        public var firstStatusDate: CivilDate?
        /// The people of its open memberships.
        public var people: Int
        /// The latest date its memberships name, the one before it, and the people in on that one.
        public var membersChangedOn: CivilDate?
        public var membersChangedBefore: CivilDate?
        public var peopleBefore: Int?

        public init(
            latest: (status: PovertyStatus, date: CivilDate, sequence: Int)?, previous: (status: PovertyStatus, date: CivilDate)?,
            firstStatusDate: CivilDate?, people: Int, membersChangedOn: CivilDate?, membersChangedBefore: CivilDate?, peopleBefore: Int?
        ) {
            self.latest = latest
            self.previous = previous
            self.firstStatusDate = firstStatusDate
            self.people = people
            self.membersChangedOn = membersChangedOn
            self.membersChangedBefore = membersChangedBefore
            self.peopleBefore = peopleBefore
        }

        /// The latest date its events and memberships name.
        public var changedOn: CivilDate? { [latest?.date, membersChangedOn].compactMap { $0 }.max() }

        public static func == (a: Projected, b: Projected) -> Bool {
            a.latest?.status == b.latest?.status && a.latest?.date == b.latest?.date && a.latest?.sequence == b.latest?.sequence
                && a.previous?.status == b.previous?.status && a.previous?.date == b.previous?.date && a.firstStatusDate == b.firstStatusDate
                && a.people == b.people && a.membersChangedOn == b.membersChangedOn && a.membersChangedBefore == b.membersChangedBefore
                && a.peopleBefore == b.peopleBefore
        }
    }

    /// A household's projected row.
    public static func currentRow(county: String, household: String, village: String, _ p: Projected) -> [StoreValue] {
        func date(_ d: CivilDate?) -> StoreValue { d.map { .text($0.description) } ?? .null }
        return [
            .text(county), .text(household), .text(village), p.latest.map { .text($0.status.token) } ?? .null, date(p.latest?.date),
            p.latest.map { .int($0.sequence) } ?? .null, .int(p.people), date(p.changedOn), p.previous.map { .text($0.status.token) } ?? .null,
            date(p.previous?.date), date(p.firstStatusDate), date(p.membersChangedOn), date(p.membersChangedBefore),
            p.peopleBefore.map { .int($0) } ?? .null,
        ]
    }

    /// Recomputes the projection of the counties matching `countyPattern` from their history.
    static func rebuild(countyPattern: String, in tx: StoreTransaction) async throws {
        try await paused(counties: [countyPattern], in: tx) {}
    }

    private static func rebuildPaused(countyPattern p: String, in tx: StoreTransaction) async throws {
        let sql = tx.sql
        let greatest = tx.dialect == .sqlite ? "MAX" : "GREATEST"
        try await sql.raw("DELETE FROM area_status_count WHERE county_code LIKE \(bind: p)").run()
        try await sql.raw("DELETE FROM household_current WHERE county_code LIKE \(bind: p)").run()
        // Each household's row from its history, set-based: its events ranked latest first (the
        // latest, the one before, the first date), and its memberships' distinct change dates
        // ranked latest first (the last two), with the people in on the earlier of the two.
        try await sql.raw(
            """
            INSERT INTO household_current (\(unsafeRaw: householdCurrent.columns.joined(separator: ", ")))
            SELECT h.county_code, h.household_number, h.village_code, l.status, l.effective_date, l.sequence, COALESCE(m.n, 0),
                   CASE WHEN m.last IS NULL OR (l.last IS NOT NULL AND l.last > m.last) THEN l.last ELSE m.last END,
                   l.previous_status, l.previous_date, l.first, m.last, m.before, CASE WHEN m.before IS NULL THEN NULL ELSE m.nb END
            FROM household h
            LEFT JOIN (
                SELECT county_code, household_number,
                       MAX(CASE WHEN rn = 1 THEN status END) AS status, MAX(CASE WHEN rn = 1 THEN effective_date END) AS effective_date,
                       MAX(CASE WHEN rn = 1 THEN sequence END) AS sequence, MAX(CASE WHEN rn = 2 THEN status END) AS previous_status,
                       MAX(CASE WHEN rn = 2 THEN effective_date END) AS previous_date, MAX(effective_date) AS last, MIN(effective_date) AS first
                FROM (
                    SELECT county_code, household_number, status, effective_date, sequence,
                           ROW_NUMBER() OVER (PARTITION BY county_code, household_number ORDER BY effective_date DESC, sequence DESC) AS rn
                    FROM status_event WHERE county_code LIKE \(bind: p)
                ) ranked
                GROUP BY county_code, household_number
            ) l ON l.county_code = h.county_code AND l.household_number = h.household_number
            LEFT JOIN (
                SELECT ms.county_code, ms.household_number, SUM(CASE WHEN ms.to_date IS NULL THEN 1 ELSE 0 END) AS n, d.last, d.before,
                       SUM(CASE WHEN d.before IS NOT NULL AND ms.from_date <= d.before AND (ms.to_date IS NULL OR ms.to_date > d.before)
                                THEN 1 ELSE 0 END) AS nb
                FROM membership ms
                JOIN (
                    SELECT county_code, household_number, MAX(CASE WHEN r = 1 THEN d END) AS last, MAX(CASE WHEN r = 2 THEN d END) AS before
                    FROM (
                        SELECT county_code, household_number, d,
                               ROW_NUMBER() OVER (PARTITION BY county_code, household_number ORDER BY d DESC) AS r
                        FROM (
                            SELECT county_code, household_number, from_date AS d FROM membership WHERE county_code LIKE \(bind: p)
                            UNION
                            SELECT county_code, household_number, to_date AS d FROM membership
                            WHERE county_code LIKE \(bind: p) AND to_date IS NOT NULL
                        ) days
                    ) ranked
                    WHERE r <= 2
                    GROUP BY county_code, household_number
                ) d ON d.county_code = ms.county_code AND d.household_number = ms.household_number
                WHERE ms.county_code LIKE \(bind: p)
                GROUP BY ms.county_code, ms.household_number, d.last, d.before
            ) m ON m.county_code = h.county_code AND m.household_number = h.household_number
            WHERE h.county_code LIKE \(bind: p)
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO area_status_count (county_code, village_code, status, households, people)
            SELECT county_code, village_code, status, COUNT(*), SUM(people) FROM household_current
            WHERE county_code LIKE \(bind: p) AND status IS NOT NULL
            GROUP BY county_code, village_code, status
            """
        ).run()
        // The horizon is exact after a rebuild: the latest date the county's history names.
        try await sql.raw(
            """
            INSERT INTO projection_state (county_code, version, horizon)
            SELECT county_code, 1, MAX(d) FROM (
                SELECT county_code, MAX(effective_date) AS d FROM status_event WHERE county_code LIKE \(bind: p) GROUP BY county_code
                UNION ALL
                SELECT county_code, MAX(\(unsafeRaw: greatest)(from_date, COALESCE(to_date, from_date))) AS d FROM membership
                WHERE county_code LIKE \(bind: p) GROUP BY county_code
                UNION ALL
                SELECT county_code, '' AS d FROM household WHERE county_code LIKE \(bind: p) GROUP BY county_code
            ) dates WHERE d IS NOT NULL GROUP BY county_code
            ON CONFLICT (county_code) DO UPDATE SET version = projection_state.version + 1, horizon = excluded.horizon
            """
        ).run()
    }

    /// Recomputes a county's per-village counts and its horizon from its `household_current`
    /// rows (the latest date a household's history names is its `changed_on`).
    private static func recount(county: String, in tx: StoreTransaction) async throws {
        let sql = tx.sql
        try await sql.raw("DELETE FROM area_status_count WHERE county_code = \(bind: county)").run()
        try await sql.raw(
            """
            INSERT INTO area_status_count (county_code, village_code, status, households, people)
            SELECT county_code, village_code, status, COUNT(*), SUM(people) FROM household_current
            WHERE county_code = \(bind: county) AND status IS NOT NULL
            GROUP BY county_code, village_code, status
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO projection_state (county_code, version, horizon)
            SELECT county_code, 1, COALESCE(MAX(changed_on), '') FROM household_current WHERE county_code = \(bind: county)
            GROUP BY county_code
            ON CONFLICT (county_code) DO UPDATE SET version = projection_state.version + 1, horizon = excluded.horizon
            """
        ).run()
    }

    private static func bump(_ county: String, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO projection_state (county_code, version, horizon) VALUES (\(bind: county), 1, '')
            ON CONFLICT (county_code) DO UPDATE SET version = projection_state.version + 1
            """
        ).run()
    }

    /// What the projection says of an area's counties.
    public struct State: Sendable, Hashable {
        /// Grows with every write to the area's history (and every bulk write anywhere).
        public var version: Int64
        /// The latest date the area's events and memberships name; nil when it has none.
        public var horizon: CivilDate?

        /// Whether the projection is the as-of answer on `date`.
        public func covers(_ date: CivilDate) -> Bool { horizon.map { $0 <= date } ?? true }
    }

    /// The version and horizon of the counties an area lies in.
    public static func state(_ sql: any SQLDatabase, area: AdminCode) async throws -> State {
        let filter = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT county_code, version, horizon FROM projection_state
            WHERE county_code LIKE \(bind: filter.countyPattern) OR county_code = \(bind: everyCounty)
            """
        ).all()
        var state = State(version: 0, horizon: nil)
        for row in rows {
            let county = try row.storedText("county_code", table: "projection_state", key: area.rawValue)
            state.version += try row.storedInt("version", table: "projection_state", key: county)
            let text = try row.storedText("horizon", table: "projection_state", key: county)
            guard !text.isEmpty else { continue }
            let day = try row.storedDate("horizon", table: "projection_state", key: county)
            state.horizon = max(state.horizon ?? day, day)
        }
        return state
    }
}
