import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStrings
import TuopinWeb

/// `tuopin chart`: the charts as SVG files (they print, and open in any browser).
struct Chart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a chart as an SVG file: incidence by year, or the Lorenz curve of a year's incomes.",
        subcommands: [IncidenceByYear.self, Lorenz.self])

    static func write(_ svg: String, to path: String) throws {
        try Data(Charts.standalone(svg).utf8).write(to: URL(fileURLWithPath: path))
        Console.err(Console.strings.text("chart.written", ["file": path]))
    }

    struct IncidenceByYear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "incidence", abstract: "Poverty incidence at each year's end (today in the current year), 2014 on.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code.") var area: String
        @Option(help: "First year.") var from = 2014
        @Option(help: "Last year (default: this year).") var to: Int?
        @Option(help: "The SVG file to write.") var output: String

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let (name, points, last) = try await withServices(db, acting) { env, user in
                let last = min(to ?? env.today.year, env.today.year)
                let through = min(CivilDate(year: max(from, last), month: 12, day: 31)!, env.today)
                let (name, points) = try await StatisticsService(env).incidenceByYear(of: try AdminCode(area), from: from, through: through, by: user)
                return (name, points, last)
            }
            let title = Console.strings.text("chart.incidence", ["name": name, "from": String(from), "to": String(last)])
            try Chart.write(Charts.line(points, title: title), to: output)
        }
    }

    struct Lorenz: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The Lorenz curve of per-capita net income of an area's households on the roll.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code.") var area: String
        @Option(help: "The income year.") var year: Int
        @Option(help: "The SVG file to write.") var output: String

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let (result, name) = try await withServices(db, acting) { env, user in
                let r = try await PovertyMeasureService(env).measures(area: try AdminCode(area), year: year, line: nil, by: user)
                return (r, try await StatisticsService(env).path(to: r.area, by: user).last?.area.name ?? area)
            }
            let title = Console.strings.text("chart.lorenz", ["name": name, "year": String(year)])
            try Chart.write(Charts.lorenz(result.measures.lorenz, gini: result.measures.gini, title: title), to: output)
        }
    }
}
