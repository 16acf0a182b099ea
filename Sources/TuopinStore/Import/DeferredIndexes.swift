import SQLKit

/// An import into an empty SQLite registry builds the secondary indexes of the tables it fills
/// once, after its rows are written, instead of inserting every row into each of them at a random
/// place (by ID number): an index built from sorted rows is written once, in order. The indexes
/// are dropped and built again inside the import's transaction, so a reader never sees the
/// registry without them, and a refused import rolls them back with its rows. Keys and uniqueness
/// declared with the tables (their automatic indexes) stay in place throughout; a unique index
/// built again still refuses a duplicate, and the import checks identities itself before that.
struct DeferredIndexes {
    /// The tables the import fills.
    static let tables = [
        "household", "status_event", "member", "membership", "income_record", "household_year", "member_year",
        "special_group_tag", "household_current",
    ]

    /// The `CREATE INDEX` statements of the indexes dropped, as the schema stored them.
    let statements: [String]

    /// Drops the secondary indexes of `tables` when the registry holds no household and no
    /// person yet (SQLite only); an import into a registry with rows keeps them, since building
    /// an index again reads all of its table. Returns nil when nothing was dropped.
    static func dropWhenEmpty(_ tx: StoreTransaction) async throws -> DeferredIndexes? {
        guard tx.dialect == .sqlite else { return nil }
        let held = try await tx.sql.raw(
            "SELECT EXISTS (SELECT 1 FROM household) OR EXISTS (SELECT 1 FROM member) AS held"
        ).first()?.decode(column: "held", as: Int.self)
        guard held == 0 else { return nil }
        var names: [String] = [], statements: [String] = []
        for row in try await tx.sql.raw(
            """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
            AND tbl_name IN (\(binds: tables)) ORDER BY name
            """
        ).all() {
            names.append(try row.decode(column: "name", as: String.self))
            statements.append(try row.decode(column: "sql", as: String.self))
        }
        guard !names.isEmpty else { return nil }
        // The names come from the schema itself, quoted as identifiers.
        for name in names { try await tx.sql.raw("DROP INDEX \(ident: name)").run() }
        return DeferredIndexes(statements: statements)
    }

    /// Builds the dropped indexes again, from the rows now written.
    func rebuild(_ tx: StoreTransaction) async throws {
        for statement in statements { try await tx.sql.raw("\(unsafeRaw: statement)").run() }
    }
}
