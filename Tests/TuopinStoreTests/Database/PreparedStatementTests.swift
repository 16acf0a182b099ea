import Foundation
import SQLKit
import Testing
import TuopinTesting

@testable import TuopinStore

@Suite("PostgreSQL: statements run again and again are prepared once per connection")
struct PreparedStatementTests {
    static var postgres: [TestDatabase] {
        TestDatabase.available.filter { if case .postgres = $0 { true } else { false } }
    }

    @Test(arguments: [
        ("SELECT name FROM area WHERE code = $1", true),
        ("  SELECT COUNT(*) AS n FROM household WHERE county_code = $1", true),
        ("WITH x AS (SELECT 1) SELECT * FROM x", false),
        ("SELECT * FROM household WHERE county_code = $1", false),
        ("SELECT h.* FROM household h", false),
        ("INSERT INTO audit_entry (a, b) VALUES ($1, $2)", true),
        ("UPDATE household SET phone = $1 WHERE household_number = $2", true),
        ("DELETE FROM session WHERE token = $1", true),
        ("DELETE FROM session WHERE token = $1 RETURNING *", false),
        ("BEGIN", false), ("COMMIT", false), ("CREATE TABLE t (a int)", false), ("ALTER TABLE t ADD b int", false),
        ("SET search_path = x", false), ("COPY area FROM STDIN", false), ("LOCK TABLE area", false),
    ])
    func whatMayBePrepared(_ sql: String, _ preparable: Bool) {
        #expect(PostgresStatements.isPreparable(sql) == preparable)
    }

    @Test func aLongTextIsNotPrepared() {
        let values = (1...1_200).map { "($\($0))" }.joined(separator: ", ")
        #expect(!PostgresStatements.isPreparable("INSERT INTO area (code) VALUES " + values))
    }

    @Test func aStatementIsAdmittedAfterItsUsesAndNamedPerConnection() throws {
        let statements = PostgresStatements(admitAfter: 2, perConnection: 2)
        // Two objects alive for the whole test stand for two connections.
        let first = NSObject(), second = NSObject()
        defer { withExtendedLifetime((first, second)) {} }
        let a = ObjectIdentifier(first), b = ObjectIdentifier(second)
        let sql = "SELECT name FROM area WHERE code = $1"
        #expect(statements.name(for: sql + "s", sql: sql, on: a) == nil)
        #expect(statements.name(for: sql + "s", sql: sql, on: a) == nil)
        let third = try #require(statements.name(for: sql + "s", sql: sql, on: a))
        #expect(third.first && third.newConnection)
        #expect(third.name.hasPrefix("tuopin_") && third.name.utf8.count <= 63)
        statements.prepared(sql + "s", on: a, succeeded: true)
        let again = try #require(statements.name(for: sql + "s", sql: sql, on: a))
        #expect(again.name == third.name && !again.first && !again.newConnection)
        #expect(statements.preparedCount(on: a) == 1)
        // Another connection prepares it for itself, under the same name.
        let other = try #require(statements.name(for: sql + "s", sql: sql, on: b))
        #expect(other.first && other.newConnection && other.name == third.name)
        // The same text with other bind types is another statement.
        for _ in 0..<2 { _ = statements.name(for: sql + "0", sql: sql, on: a) }
        let nullBound = try #require(statements.name(for: sql + "0", sql: sql, on: a))
        #expect(nullBound.name != third.name)
        // A connection holds at most `perConnection` of them; the rest run unprepared.
        let extra = "SELECT code FROM area WHERE name = $1"
        for _ in 0..<2 { _ = statements.name(for: extra, sql: extra, on: a) }
        #expect(statements.name(for: extra, sql: extra, on: a) == nil)
        #expect(statements.name(for: extra, sql: extra, on: b) != nil)
        // A failed preparation gives the statement a new name on that connection only.
        statements.prepared(sql + "s", on: b, succeeded: false)
        let renamed = try #require(statements.name(for: sql + "s", sql: sql, on: b))
        #expect(renamed.first && renamed.name != third.name)
        #expect(try #require(statements.name(for: sql + "s", sql: sql, on: a)).name == third.name)
        statements.closed(a)
        #expect(statements.preparedCount(on: a) == 0)
        #expect(PostgresStatements(enabled: false, admitAfter: 0).name(for: sql, sql: sql, on: a) == nil)
    }

    @Test func plainValuesAreBoundWithTheirTypes() throws {
        let optional: String? = "430481"
        let none: Int? = nil
        let plain = try #require(PlainBindings(["a", 1, Int64(2), Int32(3), Int16(4), true, 1.5, optional, none]))
        #expect(plain.signature == "siinhbds0")
        #expect(plain.types == [.text, .int8, .int8, .int4, .int2, .bool, .float8, .text, .null])
        #expect(plain.bindings.count == 9)
        // A value of another kind (a date, a structure) leaves the statement to postgres-kit.
        #expect(PlainBindings(["a", Date()]) == nil)
        #expect(PlainBindings([["x"]]) == nil)
    }

    /// Prepared runs give what unprepared ones give, the server then holds the statement, and
    /// a preparation refused inside an aborted transaction does not stick to the connection.
    @Test(arguments: postgres)
    func preparedRunsAgreeAndRecoverFromAFailedPreparation(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            try await store.transaction { tx in
                for code in ["430481", "430482", "430483"] {
                    try await tx.sql.raw(
                        "INSERT INTO area (code, name, level, kind, parent_code, county_code) VALUES (\(bind: code), \(bind: "县" + code), 'county', 'county', NULL, \(bind: code))"
                    ).run()
                }
            }
            try await store.transaction { tx in
                let connection = try #require(tx.postgres)
                let unprepared = PreparedPostgresDatabase(
                    source: .connection(connection), statements: PostgresStatements(enabled: false), logger: tx.logger)
                func names(_ sql: any SQLDatabase) async throws -> [String] {
                    var found: [String] = []
                    for code in ["430481", "430482", "430483", "430481", "430499"] {
                        let row = try await sql.raw("SELECT name FROM area WHERE code = \(bind: code)").first()
                        found.append(try row?.decode(column: "name", as: String.self) ?? "-")
                    }
                    return found
                }
                let expected = ["县430481", "县430482", "县430483", "县430481", "-"]
                #expect(try await names(unprepared) == expected)
                #expect(try await names(tx.sql) == expected)
                let held = try await tx.sql.raw("SELECT count(*) AS n FROM pg_prepared_statements WHERE name LIKE 'tuopin\\_%'").first()
                #expect(try #require(held).decode(column: "n", as: Int.self) >= 1)

                // A statement about to be prepared, in a transaction a failure has aborted.
                let probe = "SELECT code FROM area WHERE name = $1 AND level = $2"
                for _ in 0..<2 {
                    _ = try await tx.sql.raw("SELECT code FROM area WHERE name = \(bind: "县430482") AND level = \(bind: "county")").all()
                }
                try await tx.sql.raw("SAVEPOINT probe").run()
                await #expect(throws: (any Error).self) { try await tx.sql.raw("SELECT 1 / \(bind: 0) AS x").run() }
                await #expect(throws: (any Error).self) {
                    try await tx.sql.raw("SELECT code FROM area WHERE name = \(bind: "县430482") AND level = \(bind: "county")").all()
                }
                try await tx.sql.raw("ROLLBACK TO SAVEPOINT probe").run()
                let code = try await tx.sql.raw("SELECT code FROM area WHERE name = \(bind: "县430482") AND level = \(bind: "county")").first()
                #expect(try #require(code).decode(column: "code", as: String.self) == "430482", "\(probe) runs again after the savepoint")
            }
        }
    }
}
