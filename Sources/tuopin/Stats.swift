import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinWeb

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Households and people by status, incidence and poor villages for an area, as of a date.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var db: DatabaseOptions

    @Option(help: "Area code at any level: 430400 city, 430481 county, 430481100 township, 12-digit village.")
    var area: String

    @Option(name: .customLong("as-of"), help: "Date YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Output format.")
    var format: Format = .table

    @Flag(help: "One row per child area (the counties of a city, the townships of a county …).")
    var children = false

    func validate() throws {
        do { _ = try AdminCode(area) } catch let e as AdminCode.ParseError {
            throw ValidationError(Console.strings.text("error.area.invalid", ["reason": Rejections.adminCode(e, Console.strings)]))
        }
        if let asOf, (try? CivilDate(asOf)) == nil {
            throw ValidationError(Console.strings.text("error.date.invalid", ["text": asOf]))
        }
    }

    func run() async throws {
        do {
            let code = try AdminCode(area)
            let date = try asOf.map(CivilDate.init) ?? Self.today()
            let store = try await db.openStore()
            let service = StatisticsService(store: store)
            let summaries: [AreaSummary]
            do {
                summaries = children ? try await service.breakdown(of: code, asOf: date) : [try await service.summary(of: code, asOf: date)]
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            switch format {
            case .json: Console.out(try StatsOutput.json(summaries, single: !children))
            case .csv: Console.out(StatsOutput.csv(summaries))
            case .table: Console.out(StatsOutput.table(summaries, strings: Console.strings))
            }
        } catch { throw Failure.exit(error) }
    }

    /// Today in China Standard Time (UTC+8), where the registry's dates are kept.
    static func today() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
