import Hummingbird
import Logging
import TuopinServices

/// Builds the web application from the one `ServiceEnvironment`: the services once, a
/// controller per part of the app, the middleware every request passes through, and the
/// templates and string tables (loaded at start-up, so a missing one fails the boot).
public enum WebApplication {
    public typealias App = Application<RouterResponder<TuopinRequestContext>>

    public static func build(
        environment: ServiceEnvironment, host: String = "127.0.0.1", port: Int = 8080,
        logger: Logger? = nil
    ) throws -> App {
        let router = try buildRouter(environment: environment)
        var log = logger ?? Logger(label: "tuopin.web")
        if logger == nil { log.logLevel = .info }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "tuopin"), logger: log)
    }

    /// The router, in this order: security headers and the language on every response; error
    /// pages around everything (once outside the session lookup, once inside it so pages know
    /// who is signed in); the session; the CSRF check of every form post; then the routes.
    public static func buildRouter(environment: ServiceEnvironment) throws -> Router<TuopinRequestContext> {
        let site = try Site.load(strings: environment.strings)
        let secure = environment.configuration.secureCookies
        let signIn = SignInService(environment)
        let router = Router(context: TuopinRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware(behindTLS: secure))
        router.add(middleware: LanguageMiddleware(secureCookies: secure))
        router.add(middleware: ErrorPageMiddleware(site: site))
        router.add(middleware: SessionMiddleware(signIn: signIn))
        router.add(middleware: ErrorPageMiddleware(site: site))
        router.add(middleware: CSRFMiddleware(uploadLimit: environment.configuration.uploadLimitBytes))
        router.addRoutes(HealthController(store: environment.store).endpoints)
        router.addRoutes(StaticController(site: site).endpoints)
        router.addRoutes(SignInController(signIn: signIn, site: site, secureCookies: secure).endpoints)
        router.addRoutes(
            DashboardController(
                statistics: StatisticsService(environment), reports: ReportService(environment), feeds: FeedService(environment),
                quality: QualityService(environment), site: site, today: { environment.today },
                pages: KeptPages(store: environment.store), countdown: environment.configuration.countdown,
                dashboardQuality: environment.configuration.dashboardQuality, findings: FindingService(environment),
                petitions: PetitionService(environment), campaigns: CampaignService(environment)
            )
            .endpoints)
        router.addRoutes(
            HouseholdsController(
                households: HouseholdFileService(environment), registry: HouseholdService(environment), monitoring: MonitoringService(environment),
                assistance: AssistanceService(environment), specialGroups: SpecialGroupService(environment),
                statistics: StatisticsService(environment), site: site,
                today: { environment.today }, pages: KeptPages(store: environment.store, capacity: 4_096)
            )
            .endpoints, atPath: "/households")
        router.addRoutes(
            NoticesController(monitoring: MonitoringService(environment), site: site, today: { environment.today }).endpoints, atPath: "/notices")
        router.addRoutes(
            ReportsController(
                rollups: RollupService(environment), reports: ReportService(environment), statistics: StatisticsService(environment), site: site,
                today: { environment.today }
            )
            .endpoints, atPath: "/reports")
        router.addRoutes(
            QualityController(
                assessments: QualityAssessmentService(environment), statistics: StatisticsService(environment), site: site,
                today: { environment.today }
            )
            .endpoints, atPath: "/reports/quality")
        router.addRoutes(
            WorklistController(
                monitoring: MonitoringService(environment), feeds: FeedService(environment), quality: QualityService(environment),
                campaigns: CampaignService(environment), site: site,
                today: { environment.today }
            )
            .endpoints, atPath: "/worklist")
        router.addRoutes(
            FindingsController(findings: FindingService(environment), site: site, today: { environment.today }).endpoints, atPath: "/findings")
        router.addRoutes(
            SurveysController(surveys: SurveyService(environment), site: site, today: { environment.today }).endpoints, atPath: "/surveys")
        router.addRoutes(
            PetitionsController(petitions: PetitionService(environment), site: site, today: { environment.today }).endpoints, atPath: "/petitions")
        router.addRoutes(
            CampaignsController(campaigns: CampaignService(environment), site: site, today: { environment.today }).endpoints, atPath: "/campaigns")
        UploadDesk.clearLeftovers()
        router.addRoutes(
            UploadsController(
                desk: UploadDesk(registry: RegistryService(environment), now: environment.now), registry: RegistryService(environment), site: site,
                uploadLimit: environment.configuration.uploadLimitBytes
            )
            .endpoints, atPath: "/uploads")
        router.addRoutes(AuditController(audit: AuditService(environment), site: site).endpoints, atPath: "/audit")
        router.addRoutes(UsersController(users: UserService(environment), site: site).endpoints, atPath: "/admin/users")
        return router
    }
}
