import ArgumentParser
import Foundation
import TuopinDemo
import TuopinServices
import TuopinStore
import TuopinStrings

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the Hengyang demo registry (deterministic) into an empty database, with one demo user per role.")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var acting: ActingOptions

    @Flag(help: "Delete an existing SQLite database file first.")
    var replace = false

    @Option(help: "Only these county codes, comma-separated (default: all twelve).")
    var counties: String?

    @Flag(name: .customLong("no-monitoring"), help: "Only the 2014–2020 registry: skip the monitoring era (cases, measures, teams, feeds).")
    var noMonitoring = false

    func run() async throws {
        if replace, case .sqliteFile(let path) = db.location {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let selection = counties.map { Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }) }
        try await withServices(db, acting) { environment, user in
            let started = ContinuousClock.now
            let printer = ProgressPrinter()
            let summary = try await DemoLoader(environment).load(counties: selection, monitoring: !noMonitoring, by: user) { printer.report($0) }
            let s = Console.strings
            Console.out(
                s.text(
                    "demo.done",
                    [
                        "counties": String(summary.counties), "households": s.count(summary.households), "members": s.count(summary.members),
                        "incomes": s.count(summary.incomes), "location": db.location.description,
                        "seconds": String((ContinuousClock.now - started).components.seconds),
                    ]))
            Self.printUsers(summary.users)
        }
    }

    /// The demo users and their password, as the README describes them.
    static func printUsers(_ accounts: [DemoUsers.Account]) {
        guard !accounts.isEmpty else { return }
        let s = Console.strings
        Console.out(s.text("demo.users.header"))
        for a in accounts {
            Console.out(
                s.text(
                    "demo.users.row",
                    [
                        "username": a.username, "password": a.password, "role": s.label(a.role.label),
                        "scope": a.scope.token, "scopeName": a.scopeName,
                    ]))
        }
    }
}
