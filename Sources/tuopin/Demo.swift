import ArgumentParser
import Foundation
import TuopinDemo
import TuopinServices
import TuopinStore

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the Hengyang demo registry (deterministic) into an empty database.")

    @OptionGroup var db: DatabaseOptions

    @Flag(help: "Delete an existing SQLite database file first.")
    var replace = false

    @Option(help: "Only these county codes, comma-separated (default: all twelve).")
    var counties: String?

    func run() async throws {
        do {
            if replace, case .sqliteFile(let path) = db.location {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let store = try await db.openStore()
            let started = ContinuousClock.now
            let printer = ProgressPrinter()
            let selection = counties.map { Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }) }
            do {
                let summary = try await DemoLoader(store: store).load(counties: selection) { printer.report($0) }
                let seconds = (ContinuousClock.now - started).components.seconds
                let s = Console.strings
                Console.out(s.text("demo.done", [
                    "counties": String(summary.counties), "households": s.count(summary.households), "members": s.count(summary.members),
                    "incomes": s.count(summary.incomes), "location": db.location.description, "seconds": String(seconds),
                ]))
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        } catch { throw Failure.exit(error) }
    }
}
