import ArgumentParser
import Foundation
import TuopinServices
import TuopinStore
import TuopinStrings

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import CSV files (docs/CSV-FORMAT.md) from a folder. Every row is validated; if any is bad nothing is committed.",
        discussion: """
            Exit status: 0 when rows were committed (all of them, or with --skip-invalid the whole \
            households without a fault); 1 when nothing was committed (a bad row without \
            --skip-invalid, a file that cannot be read, or an error); 2 when rows were committed but \
            the list of rejected rows could not be written; 64 for a usage error.
            """)

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var acting: ActingOptions

    @Argument(help: "Folder holding areas.csv, households.csv, members.csv, incomes.csv …")
    var directory: String

    @Flag(name: .customLong("skip-invalid"), help: "Commit the households without a fault and write the rejected rows to a file.")
    var skipInvalid = false

    @Option(help: "Where to write every rejected row (default with --skip-invalid: FOLDER/rejected.csv).")
    var rejected: String?

    /// Rejections printed on the terminal; the rest are counted (and all go to the file).
    static let printedRejections = 1_000

    func run() async throws {
        let s = Console.strings
        let folder = URL(fileURLWithPath: directory)
        // The destination of the rejected rows is checked, and opened, before anything is read.
        let destination = rejected.map { URL(fileURLWithPath: $0) } ?? (skipInvalid ? folder.appendingPathComponent("rejected.csv") : nil)
        let report: RejectedRowsFile?
        let database: URL? =
            if case .sqliteFile(let path) = db.location { URL(fileURLWithPath: path) } else { nil }
        do {
            // A path that is no import folder is refused before the database is opened (or made).
            try RegistryImport.checkFolder(folder)
            report = try destination.map { try RejectedRowsFile(destination: $0, inputs: folder, database: database) }
        } catch { throw Failure.exit(error) }
        let printer = RejectionPrinter(limit: Self.printedRejections, file: report)
        let result: RegistryService.ImportResult
        do {
            result = try await withServices(db, acting) { environment, user in
                let progress = ProgressPrinter()
                return try await RegistryService(environment).importFolder(
                    folder, commitPartial: skipInvalid, by: user,
                    sink: { printer.take($0) }, progress: { progress.report($0) })
            }
        } catch {
            report?.discard()
            throw error
        }
        printer.finish()
        for (file, columns) in result.outcome.unknownColumns.sorted(by: { $0.key < $1.key }) {
            Console.err(s.text("import.unknownColumns", ["file": file.fileName, "columns": columns.joined(separator: ", ")]))
        }
        // The list is moved into place after the commit: when that fails, what was committed
        // stays committed, and the exit status (2) says that only the list is missing.
        var listMissing = false
        if let report {
            if printer.count > 0 {
                do {
                    try report.keep()
                    Console.err(s.text("import.rejectedWritten", ["path": report.destination.path]))
                } catch {
                    Console.err("tuopin: " + s.describe(error))
                    listMissing = true
                }
            } else {
                report.discard()
            }
        }
        guard result.committed else {
            let why =
                if result.outcome.fatal {
                    // No rows at all is not a file read in part.
                    result.outcome.rejections.allSatisfy { !$0.isFatal || $0.reason == .noRows }
                        ? "import.nothingToImport" : "import.nothingCommittedFatal"
                } else {
                    skipInvalid ? "import.nothingCommittedSkipping" : "import.nothingCommitted"
                }
            Console.err("tuopin: " + s.text(why, ["count": s.count(result.rejectedRows)]))
            throw ExitCode(1)
        }
        Console.out(
            s.text(
                result.outcome.unchangedRows > 0 ? "import.doneUnchanged" : "import.done",
                [
                    "rows": s.count(result.outcome.written), "read": s.count(result.outcome.readRows),
                    "rejected": s.count(result.rejectedRows), "unchanged": s.count(result.outcome.unchangedRows),
                ]))
        if listMissing { throw ExitCode(2) }
    }
}

/// Prints rejections as they are found (up to a limit) and hands every one to the file. A row
/// refused only because its household was (`householdRejected`) is printed after every row's own
/// fault: the faults found late, on a household's whole history or membership, come after the
/// rows of later files that they take with them, and the fault must be read first.
final class RejectionPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private let file: RejectedRowsFile?
    private(set) var count = 0
    private var printed = 0
    /// The worded follow-on rows held back, up to the limit.
    private var followOn: [String] = []

    init(limit: Int, file: RejectedRowsFile?) {
        self.limit = limit
        self.file = file
    }

    func take(_ r: ImportRejection) {
        let words = Rejections.wording(r, Console.strings)
        lock.lock()
        defer { lock.unlock() }
        count += 1
        file?.write(r, words)
        if case .householdRejected = r.reason {
            if followOn.count < limit { followOn.append(words) }
            return
        }
        printed += 1
        if printed <= limit { Console.err(words) }
    }

    /// Prints the follow-on rows held back, then how many rows were not printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        for words in followOn.prefix(max(0, limit - printed)) { Console.err(words) }
        let shown = min(printed, limit) + min(followOn.count, max(0, limit - min(printed, limit)))
        if count > shown { Console.err(Console.strings.text("import.moreRejections", ["count": Console.strings.count(count - shown)])) }
    }
}
