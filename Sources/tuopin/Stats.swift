import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Households and people by status, incidence and poor villages for an area, as of a date.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, xlsx }

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var acting: ActingOptions

    @Option(help: "Area code at any level: 430400 city, 430481 county, 430481100 township, 12-digit village.")
    var area: String

    @Option(name: .customLong("as-of"), help: "Date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: String?

    @Option(help: "Output format.")
    var format: Format = .table

    @Flag(help: "One row per child area (the counties of a city, the townships of a county …).")
    var children = false

    @Option(help: "The file to write (needed with --format xlsx).")
    var output: String?

    @Option(
        name: .customLong("suppress-below"),
        help: "Published tables (csv, xlsx): show counts from 1 to K−1 as \"<K\", and the cells hidden to protect them as \"x\".")
    var suppressBelow: Int?

    func validate() throws {
        do { _ = try AdminCode(area) } catch {
            throw ValidationError(Console.strings.text("error.area.invalid", ["reason": Rejections.adminCode(error, Console.strings)]))
        }
        if let asOf, (try? CivilDate(asOf)) == nil {
            throw ValidationError(Console.strings.text("error.date.invalid", ["text": asOf]))
        }
        if format == .xlsx && output == nil { throw ValidationError(Console.strings.text("stats.xlsxOutput")) }
        if let k = suppressBelow, k < 2 || k > 1_000 || !(format == .csv || format == .xlsx) {
            throw ValidationError(Console.strings.text("stats.suppression"))
        }
    }

    func run() async throws {
        let code: AdminCode
        do { code = try AdminCode(area) } catch { throw Failure.exit(error) }
        let (summaries, reported) = try await withServices(db, acting) { environment, user in
            let date = try asOf.map(CivilDate.init) ?? environment.today
            let service = StatisticsService(environment)
            let summaries =
                children
                ? try await service.breakdown(of: code, asOf: date, by: user) : [try await service.summary(of: code, asOf: date, by: user)]
            return (summaries, try await ReportService(environment).comparisons(for: summaries, by: user))
        }
        do {
            switch format {
            case .json: Console.out(try StatsOutput.json(summaries, single: !children, reported: reported))
            case .csv: Console.out(StatsOutput.csv(summaries, suppressBelow: suppressBelow))
            case .table: Console.out(StatsOutput.table(summaries, strings: Console.strings, reported: reported))
            case .xlsx:
                try StatsOutput.workbook(summaries, strings: Console.strings, suppressBelow: suppressBelow).data()
                    .write(to: URL(fileURLWithPath: output ?? ""))
                Console.err(Console.strings.text("stats.written", ["file": output ?? ""]))
            }
        } catch { throw Failure.exit(error) }
    }
}
