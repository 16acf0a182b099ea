import HTTPTypes
import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore

/// `/`: the headline figures of an area and a row per child area, as of a date. Opens on the
/// user's scope and today (Asia/Shanghai, from the environment's clock); `?area=` and `?as-of=`
/// choose others. An area outside the scope is refused by the service (a worded 403).
///
/// A rendered page is kept per user, language, query and day while nothing is committed
/// (`Store.changeStamp`), with the session's form token put back in on each request: an
/// evaluation day's many views of the same figures cost one rendering each.
struct DashboardController: Sendable {
    let statistics: StatisticsService
    let reports: ReportService
    let feeds: FeedService
    let quality: QualityService
    let site: Site
    let today: @Sendable () -> CivilDate
    let pages: KeptPages
    var countdown: TuopinConfiguration.Countdown? = nil
    var dashboardQuality = false
    var findings: FindingService? = nil
    var petitions: PetitionService? = nil
    var campaigns: CampaignService? = nil

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
        // Today's data-quality errors from the area's latest check (the worklist starts it, and the
        // dashboard too with TUOPIN_DASHBOARD_QUALITY=1); a page is kept under the count it shows.
        var qualityErrors: Int?
        if date == today() {
            var home = area
            if home == nil { home = try await statistics.home(of: user) }
            if let code = home {
                qualityErrors = try? await quality.shelved(area: code, start: dashboardQuality, by: user).latest.map {
                    $0.report.findings.filter { $0.severity == .error }.count
                }
            }
        }
        let (chosen, day, errors) = (area, date, qualityErrors)
        let key = [
            user.username.rawValue, user.displayName, context.language.rawValue, request.uri.query ?? "", date.description,
            qualityErrors.map(String.init) ?? "-",
        ]
        return try await pages.page(key, token: context.session?.csrfToken ?? "") {
            try await DashboardPage.render(
                area: chosen, asOf: day, user: user, statistics: statistics, reports: reports, feeds: feeds, site: site, context: context,
                countdown: countdown, qualityErrors: errors, today: today(), findings: findings, petitions: petitions,
                campaigns: campaigns)
        }
    }
}
