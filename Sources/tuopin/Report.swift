import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStrings

/// `tuopin report`: the press report and the published ("reported") figures it is held to.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The press report of an area, and the published figures kept beside the recomputed ones.",
        subcommands: [Press.self, Reported.self, Add.self, Rollup.self, Quality.self])

    struct Press: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An area's figures as of a date in the words of a press conference, each published figure beside the recomputed one.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code.") var area: String
        @Option(name: .customLong("as-of"), help: "Date YYYY-MM-DD (default: today in Asia/Shanghai).") var asOf: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.date(asOf)
        }

        func run() async throws {
            let report = try await withServices(db, acting) { env, user in
                try await ReportService(env).press(of: try AdminCode(area), asOf: try MonitorInput.date(asOf) ?? env.today, by: user)
            }
            let s = Console.strings
            let rows = report.comparisons.map(AreaSummaryReport.ReportedComparison.init)
            switch format {
            case .json:
                struct Shown: Encodable {
                    var area: String
                    var asOf: String
                    var statement: [String]
                    var figures: [AreaSummaryReport.ReportedComparison]
                }
                Console.out(
                    MonitorOutput.json(
                        Shown(
                            area: report.summary.area.code.rawValue, asOf: report.summary.asOf.description,
                            statement: PressStatement.lines(report.summary, s), figures: rows)))
            case .table:
                Console.out(s.text("report.press.title", ["area": report.summary.area.name, "date": report.summary.asOf.description]))
                for line in PressStatement.lines(report.summary, s) { Console.out(line) }
                guard !rows.isEmpty else { return }
                Console.out("")
                for line in StatsOutput.comparisonLines(report.comparisons, strings: s) { Console.out(line) }
            }
        }
    }

    struct Reported: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an area's published figures (the reported series).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code.") var area: String

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let figures = try await withServices(db, acting) { env, user in try await ReportService(env).reported(of: try AdminCode(area), by: user) }
            let s = Console.strings
            Console.out(s.text("report.reported.header"))
            for f in figures {
                Console.out([f.asOf.description, s.label(f.indicator.label), f.value.description, f.source].joined(separator: "\t"))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a published figure with its source (administrator).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code.") var area: String
        @Option(name: .customLong("as-of"), help: "The date the figure describes, YYYY-MM-DD.") var asOf: String
        @Option(
            help:
                "enrolledHouseholds, enrolledPeople, exitedHouseholds, exitedPeople, remainingHouseholds, remainingPeople, incidencePercent, baselineIncidencePercent, poorVillagesExited or cumulativeReduction."
        )
        var indicator: String
        @Option(help: "The value as published (0.18 for 0.18%).") var value: String
        @Option(help: "Where it was published.") var source: String

        func figure() throws -> ReportedFigure {
            try MonitorInput.checkArea(area)
            guard let date = try MonitorInput.date(asOf) else { throw ValidationError(Console.strings.text("error.date.invalid", ["text": asOf])) }
            guard let v = try? FixedDecimal(value) else {
                throw ValidationError(Console.strings.text("report.error.value", ["value": String(value.prefix(40))]))
            }
            return ReportedFigure(
                area: try AdminCode(area), asOf: date, indicator: try MonitorInput.code(indicator, as: HeadlineIndicator.self), value: v,
                source: source)
        }

        func validate() throws { _ = try figure() }

        func run() async throws {
            let f = try figure()
            try await withServices(db, acting) { env, user in try await ReportService(env).report(f, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}
