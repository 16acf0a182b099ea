import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export areas, households, members and incomes as CSV files (docs/CSV-FORMAT.md) into a folder.")

    @OptionGroup var db: DatabaseOptions

    @Argument(help: "Folder to write; created if missing, files in it replaced.")
    var directory: String

    @Option(help: "Only this area (any level); default the whole registry.")
    var area: String?

    @Flag(help: "Mask ID numbers and leave out phones and bank accounts (for sharing; cannot be imported back).")
    var masked = false

    func validate() throws {
        if let area, (try? AdminCode(area)) == nil { throw ValidationError(Console.strings.text("error.area.invalid", ["reason": area])) }
    }

    func run() async throws {
        do {
            let store = try await db.openStore()
            let printer = ProgressPrinter()
            let url = URL(fileURLWithPath: directory)
            let summary: RegistryExport.Summary
            do {
                summary = try await RegistryTransfer(store: store).export(to: url, area: try area.map(AdminCode.init), masked: masked) {
                    printer.report($0)
                }
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            let s = Console.strings
            let list = RegistryFile.allCases.map { "\($0.fileName) \(s.count(summary.rows[$0] ?? 0))" }.joined(separator: ", ")
            Console.out(s.text("export.done", ["directory": url.path, "summary": list]) + (masked ? s.text("export.masked") : ""))
        } catch { throw Failure.exit(error) }
    }
}
