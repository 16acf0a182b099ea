import ArgumentParser
import Foundation
import TuopinServices
import TuopinStore
import TuopinStrings

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import CSV files (docs/CSV-FORMAT.md) from a folder. Every row is validated; if any is bad nothing is committed.")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var acting: ActingOptions

    @Argument(help: "Folder holding areas.csv, households.csv, members.csv, incomes.csv …")
    var directory: String

    @Flag(name: .customLong("skip-invalid"), help: "Commit the good rows and write the rejected ones to a file.")
    var skipInvalid = false

    @Option(help: "Where to write rejected rows with --skip-invalid (default: FOLDER/rejected.csv).")
    var rejected: String?

    func run() async throws {
        let s = Console.strings
        let result = try await withServices(db, acting) { environment, user in
            let printer = ProgressPrinter()
            return try await RegistryService(environment).importFolder(URL(fileURLWithPath: directory), commitPartial: skipInvalid, by: user) {
                printer.report($0)
            }
        }
        let outcome = result.outcome
        for r in outcome.rejections { Console.err(Rejections.wording(r, s)) }
        if skipInvalid && !outcome.rejections.isEmpty {
            let path = rejected ?? URL(fileURLWithPath: directory).appendingPathComponent("rejected.csv").path
            let text = RegistryImport.rejectedRowsCSV(outcome.rejections) { Rejections.wording($0, s) }
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                Console.err("tuopin: " + s.text("error.export.folder", ["directory": path]))
                throw ExitCode(1)
            }
            Console.err(s.text("import.rejectedWritten", ["path": path]))
        }
        guard result.committed else {
            Console.err("tuopin: " + s.text("import.nothingCommitted", ["count": s.count(outcome.rejections.count)]))
            throw ExitCode(1)
        }
        Console.out(
            s.text(
                "import.done",
                [
                    "rows": s.count(outcome.batch.rowCount), "read": s.count(outcome.readRows),
                    "rejected": s.count(Set(outcome.rejections.map { "\($0.file)#\($0.line)" }).count),
                ]))
    }
}
