import Hummingbird
import TuopinCore
import TuopinServices

/// `/`: the city's headline figures and a row per county, as of a date (`?as-of=`), in the
/// chosen language (`?lang=zh|en`, remembered in a cookie).
struct DashboardRoutes: Sendable {
    let statistics: StatisticsService
    let site: Site

    /// The day the Hengyang Daily figures describe; the dashboard opens on it until a date is chosen.
    static let defaultDate = CivilDate(year: 2020, month: 10, day: 15)!

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, context -> Response in
            let strings = site.strings[request.language]!
            var date = Self.defaultDate
            if let text = request.uri.queryParameters.get("as-of"), !text.isEmpty {
                guard let parsed = try? CivilDate(text) else { throw HTTPError(.badRequest) }
                date = parsed
            }
            var area: AdminCode? = nil
            if let text = request.uri.queryParameters.get("area"), !text.isEmpty {
                guard let parsed = try? AdminCode(text) else { throw HTTPError(.badRequest) }
                area = parsed
            }
            let page = try await DashboardPage.render(area: area, asOf: date, statistics: statistics, site: site, strings: strings)
            var response = try page.response(from: request, context: context)
            if request.uri.queryParameters.get("lang") != nil {
                response.setCookie(.init(name: "lang", value: strings.language.rawValue, path: "/", secure: false, httpOnly: true, sameSite: .lax))
            }
            return response
        }
    }
}
