import SQLKit

/// Moves a whole installation from one database to another, either way between SQLite and
/// PostgreSQL (`tuopin copy`): every row of every table, keys and values as they are, so the
/// audit chains still verify on the other side.
///
/// The source is read in one snapshot (a consistent copy even while it is in use), page by page
/// in primary-key order; the destination is written in one transaction, with the bulk path of
/// its engine (COPY on PostgreSQL), so a failed copy leaves it as it was. The destination must
/// be a new installation: migrated, with no area, household, user or audit entry (its seeded
/// policy rows are replaced by the source's). Not copied: the schema's bookkeeping (both sides
/// must be at this program's schema version), the current-state projection (rebuilt from the
/// copied history), and sign-in sessions and failures (users sign in again).
///
/// ```swift
/// let copied = try await InstallationCopy.copy(from: sqlite, to: postgres) { table, rows in print(table, rows) }
/// ```
public enum InstallationCopy {
    /// Every table copied, parents before children (the order the migrations create them in).
    static let tables = [
        "area", "area_event", "village_profile", "household", "status_event", "member", "membership", "income_record", "poverty_line",
        "monitoring_threshold", "app_user", "audit_chain", "audit_event", "work_calendar_day", "workflow_template", "monitoring_case",
        "monitoring_step", "assistance_measure", "cadre_assignment", "work_team", "work_team_member", "household_year", "special_group",
        "special_group_tag", "review_item", "adjustment_window", "policy_parameter", "member_year", "enrolment_case", "enrolment_step",
        "local_code", "reported_figure", "finding", "finding_step", "approval_survey", "survey_sample", "petition", "petition_step", "campaign",
        "campaign_household", "campaign_visit", "visit_photo", "visit_difference", "quality_assessment", "funding_level",
    ]

    /// The tables deliberately left out, and why (see the type's comment).
    static let notCopied: Set<String> = [
        "schema_migration", "projection_pause", "projection_state", "household_current", "area_status_count", "user_session",
        "sign_in_failure",
    ]

    /// Tables whose rows only an installation in use has (seeded tables are not among them).
    static let mustBeEmpty = ["area", "household", "app_user", "audit_event"]

    /// Rows read per page from the source.
    static let pageRows = 20_000

    public enum CopyError: Error, Equatable, Sendable {
        /// Source and destination are the same database.
        case sameDatabase
        /// The source SQLite file does not exist (opening it would create an empty one).
        case sourceMissing(path: String)
        /// A side's schema is not at this program's version (`tuopin migrate` it first).
        case schemaVersion(side: Side, found: Int, expected: Int)
        /// The destination already holds an installation.
        case destinationNotEmpty(table: String, rows: Int)
        /// A table's columns or key differ between the two sides.
        case shapesDiffer(table: String)
        /// After the commit the destination does not hold what was read.
        case countMismatch(table: String, read: Int, found: Int)
    }

    public enum Side: String, Sendable { case source, destination }

    /// What was copied: each table with its rows, in copy order.
    public struct Outcome: Sendable, Equatable {
        public var tables: [(name: String, rows: Int)]
        public var totalRows: Int { tables.reduce(0) { $0 + $1.rows } }

        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.tables.map(\.name) == b.tables.map(\.name) && a.tables.map(\.rows) == b.tables.map(\.rows)
        }
    }

    /// The checks that need no schema change, for a caller to run before it migrates the
    /// destination: a mistaken `--to` naming an installation in use must be refused before
    /// anything, its schema included, is changed.
    public static func checkBeforeMigrating(from source: Store, to destination: Store) async throws {
        guard source.location != destination.location else { throw CopyError.sameDatabase }
        let expected = Migrator.all.last?.version ?? 0
        let found = (try? await schemaVersion(source)) ?? 0
        guard found == expected else { throw CopyError.schemaVersion(side: .source, found: found, expected: expected) }
        for table in mustBeEmpty {
            // A table not there yet (a new database) holds nothing.
            let rows = (try? await count(table, destination.sql)) ?? 0
            guard rows == 0 else { throw CopyError.destinationNotEmpty(table: table, rows: rows) }
        }
    }

    /// Copies everything from `source` into the new installation `destination`; `progress` is
    /// told each table when it is done.
    public static func copy(
        from source: Store, to destination: Store, progress: @Sendable (_ table: String, _ rows: Int) -> Void = { _, _ in }
    ) async throws -> Outcome {
        guard source.location != destination.location else { throw CopyError.sameDatabase }
        let expected = Migrator.all.last?.version ?? 0
        for (side, store) in [(Side.source, source), (.destination, destination)] {
            let found = try await schemaVersion(store)
            guard found == expected else { throw CopyError.schemaVersion(side: side, found: found, expected: expected) }
        }
        for table in mustBeEmpty {
            let rows = try await count(table, destination.sql)
            guard rows == 0 else { throw CopyError.destinationNotEmpty(table: table, rows: rows) }
        }
        var shapes: [TableShape] = []
        for table in tables {
            let shape = try await TableShape.read(table, source.sql, dialect: source.dialect)
            guard try await TableShape.read(table, destination.sql, dialect: destination.dialect) == shape else {
                throw CopyError.shapesDiffer(table: table)
            }
            shapes.append(shape)
        }
        let shapesRead = shapes
        let outcome = try await source.read { snapshot in
            try await destination.transaction { tx in
                try await RegistryProjection.paused(counties: nil, in: tx) {
                    for table in tables.reversed() { try await tx.sql.raw("DELETE FROM \(unsafeRaw: table)").run() }
                    var outcome = Outcome(tables: [])
                    for shape in shapesRead {
                        let rows = try await copyTable(shape, from: snapshot.sql, into: tx)
                        let read = try await count(shape.name, snapshot.sql)
                        guard read == rows else { throw CopyError.countMismatch(table: shape.name, read: read, found: rows) }
                        outcome.tables.append((shape.name, rows))
                        progress(shape.name, rows)
                    }
                    return outcome
                }
            }
        }
        for (table, rows) in outcome.tables {
            let found = try await count(table, destination.sql)
            guard found == rows else { throw CopyError.countMismatch(table: table, read: rows, found: found) }
        }
        try await destination.optimize()
        return outcome
    }

    /// One table, page by page in key order; returns the rows written.
    static func copyTable(_ shape: TableShape, from source: any SQLDatabase, into tx: StoreTransaction) async throws -> Int {
        let keyIndexes = shape.primaryKey.compactMap { key in shape.columns.firstIndex { $0.name == key } }
        let columns = shape.columns.map(\.name).joined(separator: ", ")
        let key = shape.primaryKey.joined(separator: ", ")
        var after: [StoreValue]? = nil
        var written = 0
        while true {
            // Names come from the catalogue and passed `TableShape.isPlainIdentifier`.
            var query = SQLQueryString("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: shape.name)")
            if let after {
                query.appendLiteral(" WHERE (\(key)) > (")
                for (i, value) in after.enumerated() {
                    if i > 0 { query.appendLiteral(", ") }
                    query.appendInterpolation(bind: value)
                }
                query.appendLiteral(")")
            }
            query.appendLiteral(" ORDER BY \(key) LIMIT \(pageRows)")
            let rows = try await source.raw(query).all().map { try shape.values(of: $0) }
            guard let last = rows.last else { break }
            try await BulkLoad.insert(rows, into: shape.bulkTable, in: tx)
            written += rows.count
            if rows.count < pageRows { break }
            after = keyIndexes.map { last[$0] }
        }
        return written
    }

    static func count(_ table: String, _ sql: any SQLDatabase) async throws -> Int {
        // Table names are fixed in this file.
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func schemaVersion(_ store: Store) async throws -> Int {
        let row = try await store.sql.raw("SELECT MAX(version) AS v FROM schema_migration").first()
        return try row?.decode(column: "v", as: Int?.self) ?? 0
    }
}
