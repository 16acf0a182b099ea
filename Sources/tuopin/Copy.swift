import ArgumentParser
import Foundation
import Logging
import TuopinServices
import TuopinStore

/// `tuopin copy --from A --to B`: moves a whole installation between databases, SQLite and
/// PostgreSQL either way (`InstallationCopy`), then verifies the audit chains where it landed.
struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a whole installation into a new database (SQLite ↔ PostgreSQL), then verify its audit chains.",
        discussion:
            "The destination is migrated and must hold no areas, households, users or audit entries. The source is read in one snapshot and left unchanged; the destination is written in one transaction. Sign-in sessions are not copied."
    )

    @Option(help: "The installation to copy: a SQLite file or a postgres:// URL.") var from: String
    @Option(help: "The new installation: a SQLite file (created) or a postgres:// URL.") var to: String

    func run() async throws {
        let s = Console.strings
        var logger = Logger(label: "tuopin")
        logger.logLevel = .warning
        do {
            // Opening a SQLite path that does not exist would create an empty database there.
            if case .sqliteFile(let path) = DatabaseLocation(from), !FileManager.default.fileExists(atPath: path) {
                throw InstallationCopy.CopyError.sourceMissing(path: path)
            }
            let source = try await Store.open(DatabaseLocation(from), logger: logger)
            let destination: Store
            do { destination = try await Store.open(DatabaseLocation(to), logger: logger) } catch {
                await source.close()
                throw error
            }
            do {
                try await InstallationCopy.checkBeforeMigrating(from: source, to: destination)
                try await Migrator.migrate(destination)
                let started = Date()
                let outcome = try await InstallationCopy.copy(from: source, to: destination) { table, rows in
                    Console.out(s.text("copy.table", ["table": table, "rows": s.count(rows)]))
                }
                Console.out(
                    s.text(
                        "copy.done",
                        [
                            "rows": s.count(outcome.totalRows), "tables": String(outcome.tables.count), "location": destination.location.description,
                            "seconds": String(format: "%.1f", Date().timeIntervalSince(started)),
                        ]))
                let environment = try ServiceEnvironment(
                    store: destination, configuration: try TuopinConfiguration.from(environment: ProcessInfo.processInfo.environment),
                    strings: Console.tables)
                let reports = try await AuditService(environment).verify(by: .system(osUser: operatingSystemUser()))
                let broken = reports.filter { $0.problem != nil }
                for report in broken { Console.err(AuditService.describe(report, s)) }
                guard broken.isEmpty else { throw ExitCode(1) }
                Console.out(
                    s.text("audit.verify.ok", ["chains": String(reports.count), "entries": s.count(Int(reports.reduce(0) { $0 + $1.entries }))]))
            } catch {
                await destination.close()
                await source.close()
                throw error
            }
            await destination.close()
            await source.close()
        } catch let exit as ExitCode {
            throw exit
        } catch { throw Failure.exit(error) }
    }
}
