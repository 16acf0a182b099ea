import Foundation
import HTTPTypes
import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/reports`: the roll-up reports (R-03 … R-15) of an area inside the user's scope as of any
/// date, with the press statement of that area and date, a link down to each child area, and
/// the same figures as CSV or Excel (`?format=csv|xlsx`: the area and its children), and the
/// area's incidence by year since 2014 as a chart (SVG drawn here: it prints, needs no script).
struct ReportsController: Sendable {
    let rollups: RollupService
    let reports: ReportService
    let statistics: StatisticsService
    let site: Site
    let today: @Sendable () -> CivilDate

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self).get(use: report)
    }

    func report(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        let s = site.strings[context.language]
        let id = q.get("report").flatMap { $0.isEmpty ? nil : $0 } ?? RollupReport.structure.rawValue
        guard let kind = RollupReport(id: id) else { throw BadParameter("report", UnknownValue(value: id)) }
        var date = today()
        if let text = q.get("as-of"), !text.isEmpty {
            do { date = try CivilDate(text) } catch let e as CivilDate.ParseError { throw BadParameter("as-of", e) }
        }
        let code = try await Self.area(q.get("area"), of: user, statistics: statistics)
        let answer = try await rollups.rollup(kind, of: code, asOf: date, by: user)
        let blocks = [(answer.area, answer.cells)] + answer.children
        let file = "\(answer.report.rawValue)-\(code.rawValue)-\(date.description)"
        switch q.get("format") ?? "" {
        case "csv":
            return Self.download(
                Data(("\u{FEFF}" + RollupExport.csv(blocks, answer: answer, s) + "\n").utf8), type: "text/csv; charset=utf-8", name: file + ".csv")
        case "xlsx":
            return Self.download(
                RollupExport.workbook(blocks, answer: answer, s).data(),
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: file + ".xlsx")
        case "": break
        case let other: throw BadParameter("format", UnknownValue(value: other))
        }
        let press = try await reports.press(of: code, asOf: date, by: user)
        // Incidence at each year's end since enrolment (2014), up to the date shown.
        let (name, points) = try await statistics.incidenceByYear(of: code, from: 2014, through: date, by: user)
        let chart = Charts.line(points, title: s.text("chart.incidence", ["name": name, "from": "2014", "to": String(max(2014, date.year))]))
        return try ReportsPage.render(answer: answer, press: PressStatement.lines(press.summary, s), chart: chart, site: site, context: context)
            .response(from: request, context: context)
    }

    /// The `area` a report page asks for, else the user's home area; a bad or missing one is the parameter's fault.
    static func area(_ text: String?, of user: User, statistics: StatisticsService) async throws -> AdminCode {
        if let text, !text.isEmpty {
            do { return try AdminCode(text) } catch { throw BadParameter("area", error) }
        }
        guard let home = try await statistics.home(of: user) else { throw BadParameter("area", MissingValue()) }
        return home
    }

    static func download(_ data: Data, type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
