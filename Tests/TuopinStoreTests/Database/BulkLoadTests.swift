import SQLKit
import Testing
import TuopinCore
import TuopinTesting

@testable import TuopinStore

@Suite("Bulk load: the SQLite fast path, PostgreSQL's COPY and the portable path write the same rows")
struct BulkLoadTests {
    /// More rows than one statement binds, with text, integers, NULLs and quotes.
    let rows: [[StoreValue]] = (0..<9_000).map { i in
        [
            .text("C\(i)"), .text(i % 3 == 0 ? "名\"称'\(i)" : "村\(i)"), .text("village"), .text("village"),
            i % 2 == 0 ? .null : .text("P\(i / 2)"), .text("430481"),
        ]
    }

    func dump(_ store: Store) async throws -> [String] {
        try await store.sql.raw("SELECT code, name, parent_code FROM area ORDER BY code").all().map {
            try [
                $0.decode(column: "code", as: String.self), $0.decode(column: "name", as: String.self),
                $0.decode(column: "parent_code", as: String?.self) ?? "NULL",
            ].joined(separator: "|")
        }
    }

    @Test func bothPathsAgree() async throws {
        let rows = self.rows
        let a = try await TestDatabase.sqlite.withStore { fast in
            try await fast.transaction { tx in try await BulkLoad.insert(rows, into: RegistryRows.area, in: tx) }
            return try await dump(fast)
        }
        let b = try await TestDatabase.sqlite.withStore { portable in
            try await portable.transaction { tx in try await BulkLoad.insertPortable(rows, into: RegistryRows.area, in: tx) }
            return try await dump(portable)
        }
        #expect(a.count == 9_000)
        #expect(a == b)
        #expect(a.contains("C3|名\"称'3|P1"))
    }

    /// On SQLite the fast path is the prepared one (every connection of a store has the handle
    /// function), and SQLiteNIO's multi-row `INSERT`s, kept for a connection without it, write
    /// the same rows.
    @Test func theSQLitePathIsPreparedAndItsFallbackAgrees() async throws {
        let rows = self.rows
        let prepared = try await TestDatabase.sqlite.withStore { store in
            try await store.transaction { tx in
                let connection = try #require(tx.sqlite)
                #expect(await SQLitePrepared.handle(of: connection) != nil, "a store's connection has tuopin_connection()")
                try await BulkLoad.insert(rows, into: RegistryRows.area, in: tx)
            }
            return try await dump(store)
        }
        let multiRow = try await TestDatabase.sqlite.withStore { store in
            try await store.transaction { tx in
                try await BulkLoad.insertMultiRow(rows, into: RegistryRows.area, connection: try #require(tx.sqlite))
            }
            return try await dump(store)
        }
        #expect(prepared.count == 9_000)
        #expect(prepared == multiRow)
    }

    /// A prepared row that fails names SQLite's reason, and the rows before it stay unwritten
    /// once the transaction rolls back.
    @Test func aFailingPreparedRowSaysWhy() async throws {
        let rows = Array(self.rows.prefix(10)) + [self.rows[3]]
        try await TestDatabase.sqlite.withStore { store throws in
            let error = await #expect(throws: SQLitePrepared.SQLiteWriteError.self) {
                try await store.transaction { tx in try await BulkLoad.insert(rows, into: RegistryRows.area, in: tx) }
            }
            #expect(error?.description.contains("UNIQUE constraint failed: area.code") == true, "\(String(describing: error))")
            #expect(error?.code == 1555, "SQLITE_CONSTRAINT_PRIMARYKEY")
            #expect(try await dump(store).isEmpty)
        }
    }

    /// Values that COPY's text format must escape (backslash, tab, newline, carriage return, a
    /// lone `\\N` and `\\.`, which mean NULL and end-of-data unescaped), NULL, booleans, negative
    /// and 64-bit integers: the fast path of each database writes what the portable path writes.
    @Test(arguments: TestDatabase.available)
    func awkwardValuesRoundTripThroughTheFastPath(_ database: TestDatabase) async throws {
        let table = BulkTable("policy_parameter", ["name", "value", "confirmed", "source"])
        let awkward = ["a\\b", "tab\there", "line\nbreak", "cr\rlf\r\n", "\\N", "\\.", "", " 空格 ", "引号\"'", "😀 \\\t"]
        let rows: [[StoreValue]] = awkward.enumerated().flatMap { i, text in
            [[.text("k\(i)"), .text(text), .bool(i % 2 == 0), .text(String(Int64.min + Int64(i)))]]
        }
        let dump: @Sendable (Store) async throws -> [String] = { store in
            try await store.sql.raw("SELECT name, value, confirmed, source FROM policy_parameter WHERE name LIKE 'k%' ORDER BY name").all().map {
                try [
                    $0.decode(column: "name", as: String.self), $0.decode(column: "value", as: String.self),
                    String($0.decode(column: "confirmed", as: Bool.self)), $0.decode(column: "source", as: String.self),
                ].joined(separator: "|")
            }
        }
        let fast = try await database.withStore { store in
            try await store.transaction { tx in try await BulkLoad.insert(rows, into: table, in: tx) }
            return try await dump(store)
        }
        let portable = try await database.withStore { store in
            try await store.transaction { tx in try await BulkLoad.insertPortable(rows, into: table, in: tx) }
            return try await dump(store)
        }
        #expect(fast.count == awkward.count)
        #expect(fast == portable)
        #expect(fast.contains("k1|tab\there|false|\(Int64.min + 1)"))
        #expect(fast.contains("k4|\\N|true|\(Int64.min + 4)"), "a value that reads \\N is text, not NULL")
    }

    /// A row the database refuses (a duplicate key) fails the whole load on every path.
    @Test(arguments: TestDatabase.available)
    func aRefusedRowFailsTheLoad(_ database: TestDatabase) async throws {
        let rows = Array(self.rows.prefix(100)) + [self.rows[0]]
        try await database.withStore { store in
            await #expect(throws: (any Error).self) {
                try await store.transaction { tx in try await BulkLoad.insert(rows, into: RegistryRows.area, in: tx) }
            }
            #expect(try await dump(store).isEmpty)
            try await store.transaction { tx in try await BulkLoad.insert(Array(rows.prefix(100)), into: RegistryRows.area, in: tx) }
            #expect(try await dump(store).count == 100, "the connection works after a failed COPY")
        }
    }

    /// On PostgreSQL a bulk load lets the foreign-key checks of its rows keep their plans
    /// (`plan_cache_mode = auto`) for its own transaction only: the pooled connection goes back
    /// to planning the store's prepared statements for their values, after a commit and after a
    /// rollback alike.
    @Test(arguments: TestDatabase.available.filter { if case .postgres = $0 { true } else { false } })
    func aBulkLoadKeepsPlansOnlyInItsTransaction(_ database: TestDatabase) async throws {
        let rows = Array(self.rows.prefix(10))
        try await database.withStore { store in
            let mode: @Sendable (any SQLDatabase) async throws -> String? = { sql in
                try await sql.raw("SELECT current_setting('plan_cache_mode') AS mode").first()?.decode(column: "mode", as: String.self)
            }
            let inside = try await store.transaction { tx in
                let before = try await mode(tx.sql)
                try await BulkLoad.insert(rows, into: RegistryRows.area, in: tx)
                return (before, try await mode(tx.sql))
            }
            #expect(inside.0 == "force_custom_plan" && inside.1 == "auto")
            struct Late: Error {}
            await #expect(throws: Late.self) {
                try await store.transaction { tx in
                    let renamed = rows.enumerated().map { i, row in [StoreValue.text("R\(i)")] + row.dropFirst() }
                    try await BulkLoad.insert(renamed, into: RegistryRows.area, in: tx)
                    throw Late()
                }
            }
            // The pool hands the connection just given back to the next transaction, or another
            // one: none of them keeps the setting.
            for _ in 0..<4 {
                let after = try await store.transaction { tx in try await mode(tx.sql) }
                #expect(after == "force_custom_plan", "SET LOCAL ends with its transaction")
            }
            #expect(try await dump(store).count == 10)
        }
    }

    /// A transaction may skip SQLite's per-row foreign-key checks (the import checks its own
    /// references); the next transaction checks again, also after one that failed.
    @Test func foreignKeysAreOffOnlyInTheTransactionThatAsks() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let orphan: SQLQueryString =
                "INSERT INTO income_record (county_code, household_number, year, household_size) VALUES ('430481', 'NONE', 2020, 1)"
            struct Late: Error {}
            await #expect(throws: Late.self) {
                try await store.transaction(checkingForeignKeys: false) { tx in
                    try await tx.sql.raw(orphan).run()
                    throw Late()
                }
            }
            await #expect(throws: (any Error).self, "checked again after a failed unchecked transaction") {
                try await store.transaction { tx in try await tx.sql.raw(orphan).run() }
            }
            try await store.transaction(checkingForeignKeys: false) { tx in try await tx.sql.raw(orphan).run() }
            #expect(try await store.foreignKeyViolations() == 1, "foreign_key_check finds what the unchecked transaction let through")
            await #expect(throws: (any Error).self, "checked again after an unchecked commit") {
                try await store.transaction { tx in
                    try await tx.sql.raw(
                        "INSERT INTO income_record (county_code, household_number, year, household_size) VALUES ('430481', 'NONE', 2021, 1)"
                    ).run()
                }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func bulkLoadsCommitWholeOrNotAtAll(_ database: TestDatabase) async throws {
        let rows = self.rows
        try await database.withStore { store in
            try await store.transaction { tx in try await BulkLoad.insert(rows, into: RegistryRows.area, in: tx) }
            #expect(try await dump(store).count == 9_000)
            struct Late: Error {}
            let more = rows.enumerated().map { i, row in [StoreValue.text("D\(i)")] + row.dropFirst() }
            await #expect(throws: Late.self) {
                try await store.transaction { tx in
                    try await BulkLoad.insert(more, into: RegistryRows.area, in: tx)
                    throw Late()
                }
            }
            #expect(try await dump(store).count == 9_000, "a bulk load rolled back leaves no row")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aReadSnapshotDoesNotSeeALaterCommit(_ database: TestDatabase) async throws {
        let rows = Array(self.rows.prefix(10))
        try await database.withStore { store in
            try await store.transaction { tx in try await BulkLoad.insert(Array(rows.prefix(5)), into: RegistryRows.area, in: tx) }
            let (before, after) = try await store.read { db in
                let first = try await db.sql.raw("SELECT COUNT(*) AS n FROM area").first()?.decode(column: "n", as: Int.self)
                try await store.transaction { tx in try await BulkLoad.insert(Array(rows.suffix(5)), into: RegistryRows.area, in: tx) }
                let second = try await db.sql.raw("SELECT COUNT(*) AS n FROM area").first()?.decode(column: "n", as: Int.self)
                return (first, second)
            }
            #expect(before == 5 && after == 5, "one snapshot for every query of a read")
            #expect(try await dump(store).count == 10)
        }
    }
}
