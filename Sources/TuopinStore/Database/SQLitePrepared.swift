import CTuopinSQLite
import NIOPosix
import SQLiteNIO

/// Statements compiled once and run for many rows, on the SQLite that SQLiteNIO embeds (through
/// `CTuopinSQLite`): SQLiteNIO compiles every statement anew, which cost the bulk load a sixth
/// of its writing thread in compiling multi-row `INSERT`s. A connection's handle comes from the
/// SQL function `tuopin_connection()`, which every connection opened after `registered` was
/// first read has (`Store.open` reads it first);
/// the statements run on SQLiteNIO's thread pool, while the caller holds the connection.
enum SQLitePrepared {
    /// Registers `tuopin_connection()` for the connections opened from now on (once).
    static let registered: Bool = tuopin_sqlite_register_connection_function() == TUOPIN_SQLITE_OK

    /// A step or bind that failed: SQLite's extended result code and its message (the name is
    /// what an unexpected error's words show, as SQLiteNIO's `SQLiteError` was).
    struct SQLiteWriteError: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite error \(code): \(message)" }
    }

    /// The connection's `sqlite3` handle, or nil when it has no `tuopin_connection()` (opened
    /// before the registration): the caller then takes SQLiteNIO's path.
    static func handle(of connection: SQLiteConnection) async -> OpaquePointer? {
        guard registered, let rows = try? await connection.query("SELECT tuopin_connection() AS handle", []),
            case .integer(let raw)? = rows.first?.column("handle")
        else { return nil }
        return OpaquePointer(bitPattern: raw)
    }

    /// Runs `sql`, an `INSERT` of one row with a `?` per value, once per row of `rows`,
    /// compiled once; on SQLiteNIO's thread pool. The first failing row ends it with its error.
    static func insert(_ rows: [[StoreValue]], sql: String, handle db: OpaquePointer) async throws {
        let batch = Batch(db: db, rows: rows)
        // The rows are let go on the caller's thread, whenever the pool lets go of its closure:
        // freed on the pool's thread instead, they raised a million households' peak memory
        // from 746 to 899–926 MiB, as measured (glibc's per-thread arenas are the likely cause).
        defer { batch.rows = [] }
        try await NIOThreadPool.singleton.runIfActive { try run(batch.rows, sql: sql, db: batch.db) }
    }

    /// A batch carried to the thread pool: its connection's handle and its rows, which the
    /// caller empties once they are written (the pool has finished reading them by then:
    /// `runIfActive` returns after its closure). Unchecked: SQLite is built serialized
    /// (`SQLITE_THREADSAFE=1`, opened FULLMUTEX by SQLiteNIO), and the caller holds the
    /// connection while it runs.
    private final class Batch: @unchecked Sendable {
        let db: OpaquePointer
        var rows: [[StoreValue]]
        init(db: OpaquePointer, rows: [[StoreValue]]) { (self.db, self.rows) = (db, rows) }
    }

    /// Runs `body` with `sql` compiled, the connection's mutex held throughout (the calls in it
    /// then lock it without an atomic operation each, and an error is read while still held);
    /// the statement is finalized after.
    static func withStatement<T>(_ sql: String, db: OpaquePointer, _ body: (OpaquePointer) throws -> T) throws -> T {
        tuopin_sqlite_hold(db)
        defer { tuopin_sqlite_release(db) }
        var prepared: OpaquePointer?
        try check(tuopin_sqlite_prepare(db, sql, &prepared), db)
        guard let statement = prepared else { throw SQLiteWriteError(code: 0, message: "no statement in \(sql)") }
        defer { tuopin_sqlite_finalize(statement) }
        return try body(statement)
    }

    /// Binds a text's UTF-8 bytes (SQLite copies them).
    static func bindText(_ statement: OpaquePointer, _ index: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            tuopin_sqlite_bind_text(statement, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        }
    }

    private static func run(_ rows: [[StoreValue]], sql: String, db: OpaquePointer) throws {
        try withStatement(sql, db: db) { statement in try run(rows, statement: statement, db: db) }
    }

    private static func run(_ rows: [[StoreValue]], statement: OpaquePointer, db: OpaquePointer) throws {
        for row in rows {
            for (offset, value) in row.enumerated() {
                let index = Int32(offset + 1)
                let rc: Int32
                switch value {
                case .int(let v): rc = tuopin_sqlite_bind_int64(statement, index, v)
                case .bool(let v): rc = tuopin_sqlite_bind_int64(statement, index, v ? 1 : 0)
                case .null: rc = tuopin_sqlite_bind_null(statement, index)
                case .text(let v): rc = bindText(statement, index, v)
                }
                try check(rc, db)
            }
            let stepped = tuopin_sqlite_step(statement)
            guard stepped == TUOPIN_SQLITE_DONE else {
                tuopin_sqlite_reset(statement)
                throw writeError(db)
            }
            tuopin_sqlite_reset(statement)
        }
    }

    static func check(_ rc: Int32, _ db: OpaquePointer) throws {
        guard rc == TUOPIN_SQLITE_OK else { throw writeError(db) }
    }

    static func writeError(_ db: OpaquePointer) -> SQLiteWriteError {
        SQLiteWriteError(code: tuopin_sqlite_extended_errcode(db), message: String(cString: tuopin_sqlite_errmsg(db)))
    }

}
