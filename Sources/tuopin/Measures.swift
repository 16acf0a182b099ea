import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `tuopin measures`: poverty measures (REFERENCE §4.2, R-14) over the registry, and
/// Alkire–Foster over a matrix file.
struct Measures: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Poverty measures: FGT P0–P2, Watts, Sen, Gini over per-capita net income; Alkire–Foster (af).",
        subcommands: [Income.self, AF.self], defaultSubcommand: Income.self)

    struct Income: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "FGT P0–P2, Watts, Sen and Gini of an area's households on the roll, at their per-capita net income of a year.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "The income year.") var year: Int
        @Option(help: "A line in yuan per person a year instead of the year's poverty line (a what-if).") var line: String?
        @Flag(name: .customLong("household-weighted"), help: "Count households once instead of each person.") var householdWeighted = false
        @Flag(help: "Also print the Lorenz curve's points.") var lorenz = false
        @Flag(help: "Also, for each child area: the households and people below the line and the yearly transfer to lift them to it.")
        var children = false
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            if let line, (try? Money(yuan: line)) == nil {
                throw ValidationError(Console.strings.text("import.reason.invalidAmount", ["value": String(line.prefix(40))]))
            }
        }

        func run() async throws {
            let result = try await withServices(db, acting) { env, user in
                try await PovertyMeasureService(env).measures(
                    area: try area.map(AdminCode.init), year: year, line: try line.map { try Money(yuan: $0) },
                    unit: householdWeighted ? .household : .person, children: children, by: user)
            }
            var report = MeasuresReport(result, lorenz: lorenz)
            report.children = result.children?.map {
                MeasuresReport.Child(
                    code: $0.area.code.rawValue, name: $0.area.name, households: $0.households, people: $0.people, gap: $0.gap.yuanText)
            }
            switch format {
            case .json: Console.out(MonitorOutput.json(report))
            case .table: Console.out(report.table(Console.strings))
            }
        }
    }

    struct AF: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "af",
            abstract:
                "Alkire–Foster, exactly: over the registry's indicators of a year (--area, --year), or over a matrix CSV (a header of indicators, a row per person, an optional weight column)."
        )
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The matrix CSV file (instead of the registry).") var matrix: String?
        @Option(help: "With --matrix: one cutoff per indicator, comma-separated: a value strictly below is a deprivation.") var cutoffs: String?
        @Option(help: "The registry's area (default: your scope).") var area: String?
        @Option(help: "The registry's year.") var year: Int?
        @Option(help: "The registry's indicators, comma-separated: income, housing, water, toilet, medicalInsurance (default: all five).")
        var indicators: String?
        @Option(help: "The line for the income indicator, yuan (default: the year's poverty line).") var line: String?
        @Option(help: "One weight per indicator, comma-separated (1/4 or 1 or 0.25; normalised; default equal).") var weights: String?
        @Option(help: "The poverty cutoff k as an exact fraction, e.g. 1/3.") var k: String
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func parsed() throws -> (cutoffs: [Double], weights: [Ratio]?, k: Ratio) {
            let s = Console.strings
            if (matrix == nil) == (year == nil) || (matrix != nil) != (cutoffs != nil) {
                throw ValidationError(s.text("measures.af.source"))
            }
            let c = try (cutoffs ?? "").split(separator: ",").map { text in
                guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else {
                    throw ValidationError(s.text("measures.af.number", ["value": String(text.prefix(40))]))
                }
                return v
            }
            let w = try weights.map { list in
                try list.split(separator: ",").map { text in
                    guard let r = Ratio(text: String(text)) else {
                        throw ValidationError(s.text("measures.af.number", ["value": String(text.prefix(40))]))
                    }
                    return r
                }
            }
            guard let kk = Ratio(text: k) else { throw ValidationError(s.text("measures.af.number", ["value": String(k.prefix(40))])) }
            return (c, w, kk)
        }

        func chosen() throws -> [DeprivationIndicator] {
            try (indicators?.split(separator: ",").map { try MonitorInput.code(String($0), as: DeprivationIndicator.self) })
                ?? DeprivationIndicator.allCases
        }

        func validate() throws {
            _ = try parsed()
            _ = try chosen()
            try MonitorInput.checkArea(area)
            if let line, (try? Money(yuan: line)) == nil {
                throw ValidationError(Console.strings.text("import.reason.invalidAmount", ["value": String(line.prefix(40))]))
            }
        }

        func run() async throws {
            let s = Console.strings
            let (cutoffs, weights, k) = try parsed()
            guard let matrix else {
                let chosen = try chosen()
                let r = try await withServices(db, acting) { env, user in
                    try await PovertyMeasureService(env).alkireFoster(
                        area: try area.map(AdminCode.init), year: year ?? 0, indicators: chosen, weights: weights, k: k,
                        line: try line.map { try Money(yuan: $0) }, by: user)
                }
                let report = AFReport(r.result, indicators: r.indicators.map { $0.token }, k: k)
                switch format {
                case .json: Console.out(MonitorOutput.json(report))
                case .table:
                    Console.out(
                        s.text(
                            "measures.af.registry",
                            [
                                "area": r.area.rawValue, "year": String(r.year), "line": r.line.yuanText, "households": String(r.households),
                                "without": String(r.withoutFacts),
                            ]))
                    Console.out(report.table(s))
                }
                return
            }
            let m: MatrixFile.Matrix
            switch MatrixFile.read(URL(fileURLWithPath: matrix)) {
            case .success(let read): m = read
            case .failure(let p):
                Console.err(
                    p.line == 0
                        ? s.text("measures.af.unreadable", ["file": matrix])
                        : s.text("measures.af.row", ["line": String(p.line), "field": p.field, "value": p.value]))
                throw ExitCode(1)
            }
            let af: AlkireFoster
            do {
                af = try AlkireFoster(
                    rows: m.rows, cutoffs: cutoffs, weights: weights ?? Array(repeating: Ratio(1, 1), count: cutoffs.count), k: k)
            } catch {
                Console.err(s.text("measures.af.input", ["indicators": String(m.indicators.count), "cutoffs": String(cutoffs.count)]))
                throw ExitCode(64)
            }
            let report = AFReport(af, indicators: m.indicators, k: k)
            switch format {
            case .json: Console.out(MonitorOutput.json(report))
            case .table: Console.out(report.table(s))
            }
        }
    }
}
