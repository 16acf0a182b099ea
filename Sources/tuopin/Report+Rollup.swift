import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

extension Report {
    /// `tuopin report rollup R-03 --area CODE [--as-of DATE] [--children] [--format …]`.
    struct Rollup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "A roll-up report (R-03 structure, R-04 conditions, R-05 measures, R-06 monitoring, R-13 helpers, R-15 changes) for an area as of a date."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, xlsx }

        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The report: R-03, R-04, R-05, R-06, R-13 or R-15 (or structure, conditions, measures, monitoring, helpers, changes).")
        var report: String
        @Option(help: "Area code.") var area: String
        @Option(name: .customLong("as-of"), help: "Date YYYY-MM-DD (default: today in Asia/Shanghai).") var asOf: String?
        @Flag(help: "Also one block per child area (the counties of a city, the townships of a county …).") var children = false
        @Option(help: "Output format.") var format: Format = .table
        @Option(help: "The file to write (needed with --format xlsx).") var output: String?

        func validate() throws {
            guard RollupReport(id: report) != nil else {
                throw ValidationError(
                    Console.strings.text("rollup.unknown", ["id": report, "known": RollupReport.allCases.map(\.rawValue).joined(separator: ", ")]))
            }
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.date(asOf)
            if format == .xlsx && output == nil { throw ValidationError(Console.strings.text("stats.xlsxOutput")) }
        }

        func run() async throws {
            guard let id = RollupReport(id: report) else { return }
            let answer = try await withServices(db, acting) { env, user in
                try await RollupService(env).rollup(id, of: try AdminCode(area), asOf: try MonitorInput.date(asOf) ?? env.today, by: user)
            }
            let s = Console.strings
            let blocks = [(answer.area, answer.cells)] + (children ? answer.children : [])
            switch format {
            case .json: Console.out(MonitorOutput.json(RollupExport.Shown(answer, children: children, s)))
            case .csv: Console.out(RollupExport.csv(blocks, answer: answer, s))
            case .table: Console.out(RollupOutput.table(blocks, answer: answer, s))
            case .xlsx:
                do {
                    try RollupExport.workbook(blocks, answer: answer, s).data().write(to: URL(fileURLWithPath: output ?? ""))
                } catch { throw Failure.exit(error) }
                Console.err(s.text("stats.written", ["file": output ?? ""]))
            }
        }
    }
}

/// How a roll-up answer is written on the console: a table per area (the JSON, CSV and Excel
/// forms are the services' `RollupExport`, shared with the web).
enum RollupOutput {
    static func table(_ blocks: [(area: Area, cells: [RollupCell])], answer: RollupService.Answer, _ s: Localizer) -> String {
        blocks.map { area, cells in
            var lines = [
                s.text(
                    "rollup.title",
                    [
                        "id": answer.report.rawValue, "report": s.label(answer.report.label), "area": area.name, "code": area.code.rawValue,
                        "date": answer.asOf.description,
                    ]),
                s.text("rollup.header"),
            ]
            var last: RollupDimension?
            for c in cells {
                let r = RollupExport.row(c, s)
                lines.append(
                    [
                        last == c.dimension ? "" : s.label(c.dimension.label), r.label, s.count(c.households), s.count(c.people), r.amountYuan ?? "",
                    ].joined(separator: "\t"))
                last = c.dimension
            }
            if cells.isEmpty { lines.append(s.text("rollup.none")) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
