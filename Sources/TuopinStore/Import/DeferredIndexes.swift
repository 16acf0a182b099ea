import SQLKit

/// An import into an empty SQLite registry builds the secondary indexes of the tables it fills
/// once, after its rows are written, instead of inserting every row into each of them at a random
/// place (by ID number): an index built from sorted rows is written once, in order. The indexes
/// are dropped and built again inside the import's transaction, so a reader never sees the
/// registry without them, and a refused import rolls them back with its rows. Keys and uniqueness
/// declared with the tables (their automatic indexes) stay in place throughout; a unique index
/// built again still refuses a duplicate, and the import checks identities itself before that.
/// Each table's indexes are built as soon as its file is read (queued behind its writes, so the
/// writer builds them while the reader reads the next file); what is left, before the import's
/// late deletions, which find rows by them.
struct DeferredIndexes {
    /// The tables the import fills.
    static let tables = [
        RegistryRows.household, RegistryRows.statusEvent, RegistryRows.member, RegistryRows.membership, RegistryRows.income,
        RegistryRows.householdYear, RegistryRows.memberYear, RegistryRows.specialGroupTag, RegistryProjection.householdCurrent,
    ].map(\.name)

    /// The `CREATE INDEX` statements of the indexes dropped and not yet built again, by table.
    private(set) var statements: [String: [String]]

    /// Drops the secondary indexes of `tables` when the registry holds no household and no
    /// person yet (SQLite only; `holdsMembers` is what the import asked already); an import into
    /// a registry with rows keeps them, since building an index again reads all of its table.
    /// Returns nil when nothing was dropped.
    static func dropWhenEmpty(_ tx: StoreTransaction, holdsMembers: Bool) async throws -> DeferredIndexes? {
        guard tx.dialect == .sqlite, !holdsMembers else { return nil }
        let held = try await tx.sql.raw("SELECT EXISTS (SELECT 1 FROM household) AS held").first()?.decode(column: "held", as: Int.self)
        guard held == 0 else { return nil }
        var names: [String] = [], statements: [String: [String]] = [:]
        for row in try await tx.sql.raw(
            """
            SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
            AND tbl_name IN (\(binds: tables)) ORDER BY name
            """
        ).all() {
            names.append(try row.decode(column: "name", as: String.self))
            statements[try row.decode(column: "tbl_name", as: String.self), default: []].append(try row.decode(column: "sql", as: String.self))
        }
        guard !names.isEmpty else { return nil }
        // The names come from the schema itself, quoted as identifiers.
        for name in names { try await tx.sql.raw("DROP INDEX \(ident: name)").run() }
        return DeferredIndexes(statements: statements)
    }

    /// Takes the statements that build the indexes of `tables` again (all that are left when
    /// nil), to be run once those tables' rows are written.
    mutating func take(_ tables: [BulkTable]? = nil) -> [String] {
        let names = tables?.map(\.name) ?? statements.keys.sorted()
        return names.flatMap { statements.removeValue(forKey: $0) ?? [] }
    }

    /// Builds indexes again from the rows now written.
    static func build(_ statements: [String], in tx: StoreTransaction) async throws {
        for statement in statements { try await tx.sql.raw("\(unsafeRaw: statement)").run() }
    }
}
