import ArgumentParser
import Foundation
import Logging
import TuopinCore
import TuopinServices
import TuopinStore

/// The database every command opens: `--database`, else `TUOPIN_DATABASE`, else `./tuopin.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file, :memory: or postgres:// URL (default: $TUOPIN_DATABASE or ./tuopin.sqlite).")
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation(database ?? ProcessInfo.processInfo.environment["TUOPIN_DATABASE"])
    }
}

/// Who a command acts as: `--as USER`, else `TUOPIN_USER`, else the built-in `system` operator.
/// The audit log records the user and the operating-system account the command ran under.
struct ActingOptions: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Act as this user, inside their role and scope (default: $TUOPIN_USER, else the system operator).", valueName: "user"))
    var actAs: String?

    var name: String? {
        let value = actAs ?? ProcessInfo.processInfo.environment["TUOPIN_USER"]
        return value?.isEmpty == false ? value : nil
    }
}

/// Opens the store (schema brought up to date), builds the one `ServiceEnvironment`, resolves
/// the acting user, runs `body`, and closes the store; any error is worded and exits 1.
func withServices<T>(_ db: DatabaseOptions, _ acting: ActingOptions, _ body: (ServiceEnvironment, User) async throws -> T) async throws -> T {
    do {
        var logger = Logger(label: "tuopin")
        logger.logLevel = .warning
        let configuration = try TuopinConfiguration.from(environment: ProcessInfo.processInfo.environment)
        // A replica replays a PostgreSQL primary; beside a SQLite file it would be another database.
        if let replica = configuration.replicaDatabase, !db.location.isPostgres {
            throw TuopinConfiguration.ConfigurationError.invalid(
                variable: "TUOPIN_REPLICA_DATABASE", value: replica.description, expected: "TUOPIN_DATABASE=postgres://…")
        }
        let store = try await Store.open(db.location, logger: logger, connections: configuration.databaseConnections)
        // A replica is never migrated: it replays the primary, schema changes included.
        var replica: Store? = nil
        do {
            try await Migrator.migrate(store)
            if let location = configuration.replicaDatabase {
                replica = try await Store.open(location, logger: logger, connections: configuration.databaseConnections)
            }
            let environment = try ServiceEnvironment(store: store, replica: replica, configuration: configuration, strings: Console.tables)
            let osUser = operatingSystemUser()
            let user: User
            if let name = acting.name {
                user = try await UserService(environment).commandLineUser(try Username(name), osUser: osUser)
            } else {
                user = .system(osUser: osUser)
            }
            let result = try await body(environment, user)
            await replica?.close()
            await store.close()
            return result
        } catch {
            await replica?.close()
            await store.close()
            throw error
        }
    } catch let exit as ExitCode {
        throw exit
    } catch { throw Failure.exit(error) }
}

/// The account the process runs under, for the audit log.
func operatingSystemUser() -> String {
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "uid \(getuid())"
}
