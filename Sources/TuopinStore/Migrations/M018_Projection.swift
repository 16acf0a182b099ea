/// The maintained projection of the registry's current state (DESIGN "Speed, by construction"):
///
/// - `household_current`: each household's latest status event (by date, then sequence), its
///   open memberships (`to_date IS NULL`) and `changed_on`, the latest date its own history names
///   (on and after it, the row is the household's as-of state; `StatusCountQuery` looks up
///   history only for the households changed after the date asked);
/// - `area_status_count`: households and people by village and status, summed from it;
/// - `projection_state`: per county, a version every write to the registry's history increments
///   (the key that past figures are cached under) and the horizon, the latest date any event or
///   membership of the county names. On and after its horizon the projection *is* the as-of
///   answer, so `StatusCountQuery` reads it instead of scanning history.
///
/// Triggers keep all three in the writer's transaction, whatever path writes. A bulk writer
/// (import, demo) pauses them with a row in `projection_pause`, which only its own transaction
/// ever sees, and rebuilds its counties set-based before it commits (`RegistryProjection`; the
/// import writes its new households' rows itself and recounts only).
/// SQLite and PostgreSQL each get their own trigger text below; the tables are portable.
struct M018_Projection: Migration {
    let version = 18
    let name = "current-state projection"

    func statements(for dialect: StoreDialect) -> [String] {
        let tables = [
            "CREATE TABLE projection_pause (id INTEGER PRIMARY KEY)",
            """
            CREATE TABLE projection_state (
                county_code TEXT PRIMARY KEY,
                version BIGINT NOT NULL,
                horizon TEXT NOT NULL)
            """,
            """
            CREATE TABLE household_current (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                village_code TEXT NOT NULL,
                status TEXT,
                status_date TEXT,
                status_sequence INTEGER,
                people INTEGER NOT NULL,
                changed_on TEXT,
                PRIMARY KEY (county_code, household_number))
            """,
            // Covering, in grouping order: the households unchanged since a date stream out of it unsorted.
            "CREATE INDEX household_current_village ON household_current (county_code, village_code, status, people, changed_on)",
            """
            CREATE TABLE area_status_count (
                county_code TEXT NOT NULL,
                village_code TEXT NOT NULL,
                status TEXT NOT NULL,
                households INTEGER NOT NULL,
                people INTEGER NOT NULL,
                PRIMARY KEY (county_code, village_code, status))
            """,
        ]
        switch dialect {
        case .sqlite: return tables + ProjectionTriggers.sqlite(.first)
        case .postgres: return tables + ProjectionTriggers.postgres(.first)
        }
    }

    // No seed: M026 adds the columns of the second generation and rebuilds the projection of
    // whatever the registry holds by then (a database this old has nothing M019–M025 read from it).
}

/// The projection's trigger text, one dialect each (the same behaviour; see M018).
enum ProjectionTriggers {
    /// The projected row's shape: M018's first (latest status, open memberships, `changed_on`), or
    /// M026's second, which adds the last status but one, the first status date, and the
    /// memberships' own last two change dates with the people between them, so that a past date
    /// reads most households from their row.
    enum Generation: Sendable { case first, second }

    /// The statements that re-read households' rows from their history: `x` names the county and
    /// household columns to correlate with (`NEW`, `OLD`, or `household_current` itself), and
    /// `target` the rows updated (a WHERE condition).
    static func refresh(_ generation: Generation, county: String, household: String, target: String, dialect: StoreDialect) -> [String] {
        let greatest = dialect == .sqlite ? "MAX" : "GREATEST"
        let events = "e.county_code = \(county) AND e.household_number = \(household)"
        let members = "m.county_code = \(county) AND m.household_number = \(household)"
        let lastChange = "(SELECT MAX(\(greatest)(m.from_date, COALESCE(m.to_date, m.from_date))) FROM membership m WHERE \(members))"
        var statements = [
            """
            UPDATE household_current SET
                (status, status_date, status_sequence) = (
                    SELECT e.status, e.effective_date, e.sequence FROM status_event e
                    WHERE \(events)
                    ORDER BY e.effective_date DESC, e.sequence DESC LIMIT 1),
                people = (
                    SELECT COUNT(*) FROM membership m
                    WHERE \(members) AND m.to_date IS NULL),
                changed_on = (
                    SELECT MAX(d) FROM (
                        SELECT MAX(e.effective_date) AS d FROM status_event e
                        WHERE \(events)
                        UNION ALL
                        SELECT MAX(\(greatest)(m.from_date, COALESCE(m.to_date, m.from_date))) AS d FROM membership m
                        WHERE \(members)) dates)
            WHERE \(target)
            """
        ]
        guard generation == .second else { return statements }
        statements += [
            """
            UPDATE household_current SET
                (previous_status, previous_status_date) = (
                    SELECT e.status, e.effective_date FROM status_event e
                    WHERE \(events)
                    ORDER BY e.effective_date DESC, e.sequence DESC LIMIT 1 OFFSET 1),
                first_status_date = (SELECT MIN(e.effective_date) FROM status_event e WHERE \(events)),
                members_changed_on = \(lastChange),
                members_changed_before = (
                    SELECT MAX(d) FROM (
                        SELECT m.from_date AS d FROM membership m WHERE \(members)
                        UNION ALL
                        SELECT m.to_date AS d FROM membership m WHERE \(members) AND m.to_date IS NOT NULL) dates
                    WHERE d < \(lastChange))
            WHERE \(target)
            """,
            // The people of the span before the last change: those in on its first day.
            """
            UPDATE household_current SET
                people_before = CASE WHEN household_current.members_changed_before IS NULL THEN NULL ELSE (
                    SELECT COUNT(*) FROM membership m
                    WHERE \(members) AND m.from_date <= household_current.members_changed_before
                      AND (m.to_date IS NULL OR m.to_date > household_current.members_changed_before)) END
            WHERE \(target)
            """,
        ]
        return statements
    }

    /// Re-reads one household's row (`x` is NEW or OLD) in a SQLite trigger.
    private static func sqliteRefresh(_ generation: Generation, _ x: String) -> String {
        refresh(
            generation, county: "\(x).county_code", household: "\(x).household_number",
            target: "county_code = \(x).county_code AND household_number = \(x).household_number", dialect: .sqlite
        ).map { $0 + ";" }.joined(separator: "\n")
    }

    /// Bumps the county's version and raises its horizon to `horizon` (an SQL expression).
    private static func sqliteBump(_ x: String, horizon: String = "''") -> String {
        """
        INSERT INTO projection_state (county_code, version, horizon) VALUES (\(x).county_code, 1, \(horizon))
        ON CONFLICT (county_code) DO UPDATE SET
            version = projection_state.version + 1, horizon = MAX(projection_state.horizon, excluded.horizon);
        """
    }

    /// Adds (`sign` 1) or takes away (-1) one household row's count.
    private static func sqliteCount(_ x: String, sign: String) -> String {
        """
        INSERT INTO area_status_count (county_code, village_code, status, households, people)
        SELECT \(x).county_code, \(x).village_code, \(x).status, \(sign), \(sign) * \(x).people WHERE \(x).status IS NOT NULL
        ON CONFLICT (county_code, village_code, status) DO UPDATE SET
            households = area_status_count.households + excluded.households, people = area_status_count.people + excluded.people;
        """
    }

    private static let running = "NOT EXISTS (SELECT 1 FROM projection_pause)"

    /// Tables whose rows figures read but the projection does not hold: a write only raises the version.
    static let versionedOnly = ["village_profile", "area_event", "monitoring_case"]

    /// The names of the SQLite triggers (a bulk writer drops and re-creates them).
    static var sqliteNames: [String] {
        sqlite(.second).compactMap { statement in
            statement.split(separator: " ", maxSplits: 3).dropFirst(2).first.map(String.init)
        }
    }

    static func sqlite(_ generation: Generation) -> [String] {
        let eventHorizon = "NEW.effective_date"
        let membershipHorizon = "MAX(NEW.from_date, COALESCE(NEW.to_date, NEW.from_date))"
        var triggers = [
            """
            CREATE TRIGGER household_projected_insert AFTER INSERT ON household WHEN \(running) BEGIN
            INSERT INTO household_current (county_code, household_number, village_code, people)
            VALUES (NEW.county_code, NEW.household_number, NEW.village_code, 0);
            \(sqliteRefresh(generation, "NEW"))
            \(sqliteBump("NEW"))
            END
            """,
            """
            CREATE TRIGGER household_projected_update AFTER UPDATE ON household WHEN \(running) BEGIN
            UPDATE household_current SET village_code = NEW.village_code
            WHERE county_code = NEW.county_code AND household_number = NEW.household_number;
            \(sqliteBump("NEW"))
            END
            """,
            """
            CREATE TRIGGER household_projected_delete AFTER DELETE ON household WHEN \(running) BEGIN
            DELETE FROM household_current WHERE county_code = OLD.county_code AND household_number = OLD.household_number;
            \(sqliteBump("OLD"))
            END
            """,
        ]
        for (table, horizon) in [("status_event", eventHorizon), ("membership", membershipHorizon)] {
            triggers += [
                """
                CREATE TRIGGER \(table)_projected_insert AFTER INSERT ON \(table) WHEN \(running) BEGIN
                \(sqliteRefresh(generation, "NEW"))
                \(sqliteBump("NEW", horizon: horizon))
                END
                """,
                """
                CREATE TRIGGER \(table)_projected_update AFTER UPDATE ON \(table) WHEN \(running) BEGIN
                \(sqliteRefresh(generation, "OLD"))
                \(sqliteRefresh(generation, "NEW"))
                \(sqliteBump("OLD"))
                \(sqliteBump("NEW", horizon: horizon))
                END
                """,
                """
                CREATE TRIGGER \(table)_projected_delete AFTER DELETE ON \(table) WHEN \(running) BEGIN
                \(sqliteRefresh(generation, "OLD"))
                \(sqliteBump("OLD"))
                END
                """,
            ]
        }
        for table in ProjectionTriggers.versionedOnly {
            triggers += [
                "CREATE TRIGGER \(table)_versioned_insert AFTER INSERT ON \(table) WHEN \(running) BEGIN \(sqliteBump("NEW")) END",
                "CREATE TRIGGER \(table)_versioned_update AFTER UPDATE ON \(table) WHEN \(running) BEGIN \(sqliteBump("OLD")) \(sqliteBump("NEW")) END",
                "CREATE TRIGGER \(table)_versioned_delete AFTER DELETE ON \(table) WHEN \(running) BEGIN \(sqliteBump("OLD")) END",
            ]
        }
        triggers += [
            """
            CREATE TRIGGER household_current_counted_insert AFTER INSERT ON household_current WHEN \(running) BEGIN
            \(sqliteCount("NEW", sign: "1"))
            END
            """,
            """
            CREATE TRIGGER household_current_counted_update AFTER UPDATE ON household_current
            WHEN \(running) AND (OLD.status IS NOT NEW.status OR OLD.people <> NEW.people OR OLD.village_code <> NEW.village_code) BEGIN
            \(sqliteCount("OLD", sign: "-1"))
            \(sqliteCount("NEW", sign: "1"))
            END
            """,
            """
            CREATE TRIGGER household_current_counted_delete AFTER DELETE ON household_current WHEN \(running) BEGIN
            \(sqliteCount("OLD", sign: "-1"))
            END
            """,
        ]
        return triggers
    }

    /// The PostgreSQL function that re-reads one household's row.
    static func postgresRefresh(_ generation: Generation, replacing: Bool) -> String {
        let body = refresh(generation, county: "c", household: "h", target: "county_code = c AND household_number = h", dialect: .postgres)
        return """
            CREATE \(replacing ? "OR REPLACE " : "")FUNCTION projection_refresh(c TEXT, h TEXT) RETURNS void LANGUAGE sql AS $$
            \(body.joined(separator: ";\n"))
            $$
            """
    }

    static func postgres(_ generation: Generation) -> [String] {
        var statements = [
            """
            CREATE FUNCTION projection_paused() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT EXISTS (SELECT 1 FROM projection_pause)
            $$
            """,
            postgresRefresh(generation, replacing: false),
            """
            CREATE FUNCTION projection_bump(c TEXT, d TEXT) RETURNS void LANGUAGE sql AS $$
            INSERT INTO projection_state (county_code, version, horizon) VALUES (c, 1, d)
            ON CONFLICT (county_code) DO UPDATE SET
                version = projection_state.version + 1, horizon = GREATEST(projection_state.horizon, excluded.horizon)
            $$
            """,
            """
            CREATE FUNCTION projection_count(c TEXT, v TEXT, s TEXT, n INTEGER, p INTEGER) RETURNS void LANGUAGE sql AS $$
            INSERT INTO area_status_count (county_code, village_code, status, households, people) VALUES (c, v, s, n, p)
            ON CONFLICT (county_code, village_code, status) DO UPDATE SET
                households = area_status_count.households + excluded.households, people = area_status_count.people + excluded.people
            $$
            """,
            """
            CREATE FUNCTION household_projected() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF projection_paused() THEN RETURN NULL; END IF;
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO household_current (county_code, household_number, village_code, people)
                    VALUES (NEW.county_code, NEW.household_number, NEW.village_code, 0);
                    PERFORM projection_refresh(NEW.county_code, NEW.household_number);
                    PERFORM projection_bump(NEW.county_code, '');
                ELSIF TG_OP = 'UPDATE' THEN
                    UPDATE household_current SET village_code = NEW.village_code
                    WHERE county_code = NEW.county_code AND household_number = NEW.household_number;
                    PERFORM projection_bump(NEW.county_code, '');
                ELSE
                    DELETE FROM household_current WHERE county_code = OLD.county_code AND household_number = OLD.household_number;
                    PERFORM projection_bump(OLD.county_code, '');
                END IF;
                RETURN NULL;
            END
            $$
            """,
            "CREATE TRIGGER household_projected AFTER INSERT OR UPDATE OR DELETE ON household FOR EACH ROW EXECUTE FUNCTION household_projected()",
        ]
        for (table, horizon) in [
            ("status_event", "NEW.effective_date"), ("membership", "GREATEST(NEW.from_date, COALESCE(NEW.to_date, NEW.from_date))"),
        ] {
            statements += [
                """
                CREATE FUNCTION \(table)_projected() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF projection_paused() THEN RETURN NULL; END IF;
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM projection_refresh(OLD.county_code, OLD.household_number);
                        PERFORM projection_bump(OLD.county_code, '');
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM projection_refresh(NEW.county_code, NEW.household_number);
                        PERFORM projection_bump(NEW.county_code, \(horizon));
                    END IF;
                    RETURN NULL;
                END
                $$
                """,
                "CREATE TRIGGER \(table)_projected AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION \(table)_projected()",
            ]
        }
        statements += [
            """
            CREATE FUNCTION registry_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF projection_paused() THEN RETURN NULL; END IF;
                IF TG_OP <> 'INSERT' THEN PERFORM projection_bump(OLD.county_code, ''); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM projection_bump(NEW.county_code, ''); END IF;
                RETURN NULL;
            END
            $$
            """
        ]
        for table in ProjectionTriggers.versionedOnly {
            statements.append(
                "CREATE TRIGGER \(table)_versioned AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION registry_versioned()")
        }
        statements += [
            """
            CREATE FUNCTION household_current_counted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF projection_paused() THEN RETURN NULL; END IF;
                IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.people = NEW.people
                   AND OLD.village_code = NEW.village_code THEN RETURN NULL; END IF;
                IF TG_OP <> 'INSERT' AND OLD.status IS NOT NULL THEN
                    PERFORM projection_count(OLD.county_code, OLD.village_code, OLD.status, -1, -OLD.people);
                END IF;
                IF TG_OP <> 'DELETE' AND NEW.status IS NOT NULL THEN
                    PERFORM projection_count(NEW.county_code, NEW.village_code, NEW.status, 1, NEW.people);
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER household_current_counted AFTER INSERT OR UPDATE OR DELETE ON household_current
            FOR EACH ROW EXECUTE FUNCTION household_current_counted()
            """,
        ]
        return statements
    }
}
