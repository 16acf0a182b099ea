import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export areas, households, members and incomes as CSV files (docs/CSV-FORMAT.md) into a folder, within your scope.")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var acting: ActingOptions

    @Argument(help: "Folder to write; created if missing, files in it replaced.")
    var directory: String

    @Option(help: "Only this area (any level); default your whole scope.")
    var area: String?

    @Flag(help: "Mask ID numbers, names, birth dates, health, phones and bank accounts (for sharing; cannot be imported back).")
    var masked = false

    func validate() throws {
        if let area, (try? AdminCode(area)) == nil { throw ValidationError(Console.strings.text("error.area.invalid", ["reason": area])) }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: directory)
        let summary = try await withServices(db, acting) { environment, user in
            let printer = ProgressPrinter()
            return try await RegistryService(environment).export(to: url, area: try area.map(AdminCode.init), masked: masked, by: user) {
                printer.report($0)
            }
        }
        let s = Console.strings
        let list = RegistryFile.allCases.map { "\($0.fileName) \(s.count(summary.rows[$0] ?? 0))" }.joined(separator: ", ")
        Console.out(s.text("export.done", ["directory": url.path, "summary": list]) + (masked ? s.text("export.masked") : ""))
    }
}
