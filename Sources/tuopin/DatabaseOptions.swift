import ArgumentParser
import Foundation
import Logging
import TuopinStore

/// The database every command opens: `--database`, else `TUOPIN_DATABASE`, else `./tuopin.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file, :memory: or postgres:// URL (default: $TUOPIN_DATABASE or ./tuopin.sqlite).")
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation(database ?? ProcessInfo.processInfo.environment["TUOPIN_DATABASE"])
    }

    /// Opens the store and brings its schema up to date.
    func openStore() async throws -> Store {
        var logger = Logger(label: "tuopin")
        logger.logLevel = .warning
        let store = try await Store.open(location, logger: logger)
        do { try await Migrator.migrate(store) } catch {
            await store.close()
            throw error
        }
        return store
    }
}
