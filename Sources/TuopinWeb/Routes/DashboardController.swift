import Hummingbird
import TuopinCore
import TuopinServices

/// `/`: the headline figures of an area and a row per child area, as of a date. Opens on the
/// user's scope and today (Asia/Shanghai, from the environment's clock); `?area=` and `?as-of=`
/// choose others. An area outside the scope is refused by the service (a worded 403).
struct DashboardController: Sendable {
    let statistics: StatisticsService
    let site: Site
    let today: @Sendable () -> CivilDate

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self).get("/", use: dashboard)
    }

    func dashboard(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let query = request.uri.queryParameters
        var date = today()
        if let text = query.get("as-of"), !text.isEmpty {
            do { date = try CivilDate(text) } catch let e as CivilDate.ParseError { throw BadParameter("as-of", e) }
        }
        var area: AdminCode? = nil
        if let text = query.get("area"), !text.isEmpty {
            do { area = try AdminCode(text) } catch { throw BadParameter("area", error) }
        }
        return try await DashboardPage.render(area: area, asOf: date, user: user, statistics: statistics, site: site, context: context)
    }
}
