import Foundation
import SQLKit
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// An import into an empty SQLite registry builds its tables' secondary indexes after the rows
/// (`DeferredIndexes`): the registry ends with the same indexes, complete, whatever the import's
/// outcome, and a registry with rows keeps its indexes untouched.
@Suite("Import: indexes built after the rows in an empty registry")
struct DeferredIndexTests {
    struct Index: Equatable, CustomStringConvertible {
        var name: String, sql: String, rootPage: Int
        var description: String { "\(name)@\(rootPage)" }
    }

    /// The secondary indexes of the registry's tables, by name.
    func indexes(_ store: Store) async throws -> [Index] {
        try await store.sql.raw(
            "SELECT name, sql, rootpage FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        ).all().map {
            Index(
                name: try $0.decode(column: "name", as: String.self), sql: try $0.decode(column: "sql", as: String.self),
                rootPage: try $0.decode(column: "rootpage", as: Int.self))
        }
    }

    func integrity(_ store: Store) async throws -> [String] {
        try await store.sql.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
    }

    @Test func anImportIntoAnEmptyRegistryBuildsTheSameIndexesAfterItsRows() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let before = try await indexes(store)
            #expect(before.contains { $0.name == "member_identity" } && before.contains { $0.name == "membership_person" })
            let run = try await store.importFolder(try CSVFixture.good.write())
            #expect(run.committed)
            let after = try await indexes(store)
            #expect(after.map(\.name) == before.map(\.name) && after.map(\.sql) == before.map(\.sql))
            // Built again: the membership indexes sit on new pages.
            let moved = Set(after.filter { a in before.contains { $0.name == a.name && $0.rootPage != a.rootPage } }.map(\.name))
            #expect(moved.isSuperset(of: ["member_identity", "membership_person", "membership_span", "status_event_asof"]), "\(after)")
            #expect(try await integrity(store) == ["ok"])
            // The indexes hold the rows: a lookup by ID number through member_identity finds 刘伟.
            let found = try await store.sql.raw(
                "SELECT name FROM member INDEXED BY member_identity WHERE id_type >= '' AND id_number = '430481198001010013'"
            ).all().map { try $0.decode(column: "name", as: String.self) }
            #expect(found == ["刘伟"])
            #expect(
                try await store.sql.raw("SELECT COUNT(*) AS n FROM member INDEXED BY member_identity WHERE id_type >= ''").first()?
                    .decode(column: "n", as: Int.self) == 4)
        }
    }

    @Test func aRefusedImportLeavesTheIndexesAsTheyWere() async throws {
        var fixture = CSVFixture.good
        fixture.files[.incomes]![0][3] = "-5.00"
        try await TestDatabase.sqlite.withStore { store in
            let before = try await indexes(store)
            let run = try await store.importFolder(try fixture.write())
            #expect(!run.committed)
            #expect(try await indexes(store) == before)
        }
    }

    /// With `--skip-invalid`, the rows of a household rejected late are found by the indexes
    /// built again, and taken out of them too.
    @Test func aHouseholdTakenOutLateLeavesTheRebuiltIndexesWhole() async throws {
        var fixture = CSVFixture.good
        fixture.files[.incomes]![0][3] = "-5.00"
        try await TestDatabase.sqlite.withStore { store in
            let run = try await store.importFolder(try fixture.write(), partial: true)
            #expect(run.committed && run.outcome.writtenRows[.households] == 1)
            #expect(try await integrity(store) == ["ok"])
            #expect(
                try await store.sql.raw("SELECT COUNT(*) AS n FROM membership INDEXED BY membership_person WHERE county_code >= ''").first()?
                    .decode(column: "n", as: Int.self) == 1)
        }
    }

    @Test func aRegistryWithRowsKeepsItsIndexes() async throws {
        // First 王强's household alone, then the whole fixture: 刘伟's household is new.
        var first = CSVFixture.good
        for file in [RegistryFile.households, .statusEvents, .members, .incomes] {
            first.files[file] = first.files[file]!.filter { $0[0] != "4304811002010001" }
        }
        try await TestDatabase.sqlite.withStore { store in
            #expect(try await store.importFolder(try first.write()).committed)
            let before = try await indexes(store)
            let run = try await store.importFolder(try CSVFixture.good.write(), partial: true)
            #expect(run.committed && run.outcome.writtenRows[.households] == 1)
            #expect(try await indexes(store) == before)
            #expect(try await integrity(store) == ["ok"])
        }
    }
}
