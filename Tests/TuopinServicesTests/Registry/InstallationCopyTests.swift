import SQLKit
import Testing
import TuopinCore
import TuopinServices
import TuopinTesting

@testable import TuopinStore

@Suite("Moving an installation: every row, SQLite and PostgreSQL either way, the audit chains still verify")
struct InstallationCopyTests {
    /// Every copied table's rows, each as its values' text, in key order.
    static func dump(_ store: Store) async throws -> [String: [String]] {
        var tables: [String: [String]] = [:]
        for table in InstallationCopy.tables {
            let shape = try await TableShape.read(table, store.sql, dialect: store.dialect)
            let columns = shape.columns.map(\.name).joined(separator: ", ")
            let rows = try await store.sql.raw(
                "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: table) ORDER BY \(unsafeRaw: shape.primaryKey.joined(separator: ", "))"
            ).all()
            tables[table] = try rows.map { try shape.values(of: $0).map { "\($0)" }.joined(separator: "|") }
        }
        return tables
    }

    static func projection(_ store: Store) async throws -> [String] {
        try await store.sql.raw("SELECT county_code, village_code, status, households, people FROM area_status_count ORDER BY 1, 2, 3").all().map {
            try
                "\($0.decode(column: "village_code", as: String.self)) \($0.decode(column: "status", as: String.self)) \($0.decode(column: "households", as: Int.self)) \($0.decode(column: "people", as: Int.self))"
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyRowCrossesAndComesBack(_ database: TestDatabase) async throws {
        try await SmallRegistry.with { registry in
            let original = try await Self.dump(registry.store)
            let chains = try await AuditService(registry.environment).verify(by: TestEnvironment.system)
            #expect(original["household"]?.count == 2 && original["app_user"]?.count == SmallRegistry.users.count)
            #expect((original["audit_event"]?.count ?? 0) >= 8, "the import and the users are audited")
            try await database.withStore { there in
                let outcome = try await InstallationCopy.copy(from: registry.store, to: there)
                #expect(outcome.totalRows == original.values.reduce(0) { $0 + $1.count })
                #expect(try await Self.dump(there) == original)
                #expect(try await Self.projection(there) == Self.projection(registry.store), "the projection is rebuilt from the copied history")
                let environment = try TestEnvironment.make(store: there, clock: registry.clock)
                let verified = try await AuditService(environment).verify(by: TestEnvironment.system)
                #expect(verified == chains && verified.allSatisfy { $0.problem == nil })
                try await TestDatabase.sqlite.withStore { back in
                    _ = try await InstallationCopy.copy(from: there, to: back)
                    #expect(try await Self.dump(back) == original, "and back again, unchanged")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func theTablesCopiedAndLeftOutAreTheWholeSchema(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let query: SQLQueryString =
                store.dialect == .sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            let schema = Set(try await store.sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
            #expect(schema == Set(InstallationCopy.tables).union(InstallationCopy.notCopied))
            #expect(Set(InstallationCopy.tables).isDisjoint(with: InstallationCopy.notCopied))
            #expect(Set(InstallationCopy.tables).count == InstallationCopy.tables.count)
        }
    }

    @Test func aDestinationInUseAnOldSchemaOrTheSameDatabaseIsRefusedAndLeftAsItWas() async throws {
        try await SmallRegistry.with { registry in
            try await SmallRegistry.with { other in
                let before = try await Self.dump(other.store)
                await #expect(throws: InstallationCopy.CopyError.destinationNotEmpty(table: "area", rows: before["area"]!.count)) {
                    try await InstallationCopy.copy(from: registry.store, to: other.store)
                }
                #expect(try await Self.dump(other.store) == before)
            }
            await #expect(throws: InstallationCopy.CopyError.sameDatabase) {
                try await InstallationCopy.copy(from: registry.store, to: registry.store)
            }
            try await TestDatabase.sqlite.withStore { old in
                let latest = Migrator.all.last!.version
                try await old.sql.raw("DELETE FROM schema_migration WHERE version = \(bind: latest)").run()
                await #expect(throws: InstallationCopy.CopyError.schemaVersion(side: .destination, found: latest - 1, expected: latest)) {
                    try await InstallationCopy.copy(from: registry.store, to: old)
                }
                #expect(try await Self.dump(old)["area"]!.isEmpty)
            }
        }
    }

    /// `tuopin copy` checks before it migrates the destination: an installation in use named by
    /// mistake keeps its schema as it was; a new, empty database passes.
    @Test func theChecksBeforeMigratingLeaveAnInstallationInUseUntouched() async throws {
        try await SmallRegistry.with { registry in
            try await SmallRegistry.with { other in
                let latest = Migrator.all.last!.version
                try await other.store.sql.raw("DELETE FROM schema_migration WHERE version = \(bind: latest)").run()
                await #expect(throws: InstallationCopy.CopyError.self) {
                    try await InstallationCopy.checkBeforeMigrating(from: registry.store, to: other.store)
                }
                #expect(try await InstallationCopy.schemaVersion(other.store) == latest - 1, "not migrated")
            }
            let fresh = try await Store.open(.sqliteFile(TestDatabase.temporaryFile()))
            try await InstallationCopy.checkBeforeMigrating(from: registry.store, to: fresh)
            await fresh.close()
        }
    }
}
