import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin check`: the data-quality catalogue over an area's records.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the data-quality rules (DQ-001…) over an area: counts per rule and every offending record.")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var acting: ActingOptions
    @Option(help: "Area code (default: your scope).") var area: String?
    @Option(name: .customLong("as-of"), help: "Date YYYY-MM-DD (default: today in Asia/Shanghai).") var asOf: String?
    @Option(help: "Output format.") var format: Monitor.Format = .table
    @Flag(help: "Exit with status 1 when any error-level finding remains.") var strict = false
    @Flag(help: "Also count the findings per child area (R-16: townships of a county, villages of a township).") var children = false

    func validate() throws {
        try MonitorInput.checkArea(area)
        _ = try MonitorInput.date(asOf)
    }

    func run() async throws {
        let (report, byArea) = try await withServices(db, acting) { env, user in
            let service = QualityService(env)
            let report = try await service.check(area: try area.map(AdminCode.init), asOf: try MonitorInput.date(asOf) ?? env.today, by: user)
            return (report, children ? try await service.byChildArea(report, by: user) : nil)
        }
        let s = Console.strings
        switch format {
        case .json:
            struct Worded: Encodable {
                var report: QualityReport
                var reasons: [String]
                var children: [QualityAreaCount]?
            }
            Console.out(MonitorOutput.json(Worded(report: report, reasons: report.findings.map { s.explain($0.check) }, children: byArea)))
        case .table:
            Console.out(s.text("check.header"))
            for c in report.counts {
                Console.out([c.rule, s.label(c.severity.label), String(c.count), s.text("dq." + c.rule)].joined(separator: "\t"))
            }
            Console.out("")
            Console.out(s.text("check.findings"))
            for f in report.findings {
                let subject = f.member ?? f.monitoringCase ?? f.measure.map { "#\($0)" } ?? ""
                Console.out([f.rule, s.label(f.severity.label), f.village, f.household, subject, s.explain(f.check)].joined(separator: "\t"))
            }
            if let byArea {
                Console.out("")
                Console.out(s.text("check.children.header"))
                for row in byArea {
                    let rules = row.rules.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    Console.out(
                        [
                            row.area?.code.rawValue ?? "-", row.area?.name ?? s.text("check.children.elsewhere"), String(row.errors),
                            String(row.warnings), rules,
                        ]
                        .joined(separator: "\t"))
                }
            }
            Console.out(
                s.text(
                    "check.summary",
                    ["area": report.area, "date": report.asOf.description, "errors": String(report.errors), "warnings": String(report.warnings)]))
        }
        if strict && report.errors > 0 { throw ExitCode(1) }
    }
}
