import Foundation
import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore

/// `/reports/quality`: R-10, the quality KPIs (三率一度) of an area inside the user's scope for an
/// evaluation year, in all and by child area, each KPI with its sample and whether it is met, a
/// link down to each child, and the same rows as CSV or Excel (`?format=csv|xlsx`).
struct QualityController: Sendable {
    let assessments: QualityAssessmentService
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
        var year = today().year
        if let text = q.get("year"), !text.isEmpty {
            guard let y = Int(text) else { throw BadParameter("year", UnknownValue(value: text)) }
            guard RegistryYear.contains(y), y <= today().year else { throw BadParameter("year", QualityAssessmentError.year(y)) }
            year = y
        }
        let code = try await ReportsController.area(q.get("area"), of: user, statistics: statistics)
        let report = try await assessments.kpis(of: code, year: year, by: user)
        let file = "R-10-\(code.rawValue)-\(year)"
        switch q.get("format") ?? "" {
        case "csv":
            return ReportsController.download(
                Data(("\u{FEFF}" + QualityKpiExport.csv(report, s) + "\n").utf8), type: "text/csv; charset=utf-8", name: file + ".csv")
        case "xlsx":
            return ReportsController.download(
                QualityKpiExport.workbook(report, s).data(), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                name: file + ".xlsx")
        case "": break
        case let other: throw BadParameter("format", UnknownValue(value: other))
        }
        return try QualityPage.render(report, site: site, context: context).response(from: request, context: context)
    }
}
