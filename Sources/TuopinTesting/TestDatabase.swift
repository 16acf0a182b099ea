import Foundation
import Logging
import TuopinStore

/// A database for a test: SQLite always; PostgreSQL too when `TUOPIN_TEST_POSTGRES` holds a
/// server URL (the project's test script starts a throwaway one). Like sql-kit's
/// `SQLBenchmarker`, one store suite runs on every database in `available`.
///
/// ```swift
/// @Test(arguments: TestDatabase.available)
/// func incidenceAsOfIgnoresLaterExits(_ database: TestDatabase) async throws {
///     let store = try await database.makeStore()
///     …
/// }
/// ```
public enum TestDatabase: Sendable, CustomStringConvertible {
    case sqlite
    case postgres(url: String)

    public static var available: [TestDatabase] {
        var list: [TestDatabase] = [.sqlite]
        if let url = ProcessInfo.processInfo.environment["TUOPIN_TEST_POSTGRES"], !url.isEmpty { list.append(.postgres(url: url)) }
        return list
    }

    public var description: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// A fresh, migrated, empty store. SQLite gets a new file in a temporary folder; PostgreSQL
    /// a new schema, so tests sharing the server do not see each other.
    public func makeStore() async throws -> Store {
        var logger = Logger(label: "tuopin.test")
        logger.logLevel = .warning
        switch self {
        case .sqlite:
            return try await Self.migrated(try await Store.open(.sqliteFile(Self.temporaryFile()), logger: logger))
        case .postgres(let url):
            let admin = try await Store.open(.postgres(url: url), logger: logger)
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            // The schema name is generated here, never taken from input.
            try await admin.sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
            await admin.close()
            let separator = url.contains("?") ? "&" : "?"
            return try await Self.migrated(try await Store.open(.postgres(url: url + separator + "schema=" + schema), logger: logger))
        }
    }

    /// Migrates a new store, closing it if that fails.
    static func migrated(_ store: Store) async throws -> Store {
        do {
            try await Migrator.migrate(store)
            return store
        } catch {
            await store.close()
            throw error
        }
    }

    /// Runs `body` with a fresh store and closes it afterwards, also when `body` throws
    /// (SQLite connections must be closed before they are released).
    public func withStore<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
        let store = try await makeStore()
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// A path for a new SQLite file under the system's temporary folder.
    public static func temporaryFile() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-tests", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(UUID().uuidString + ".sqlite").path
    }
}
