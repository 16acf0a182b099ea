import Foundation
import Hummingbird
import Logging
import Mustache
import TuopinServices
import TuopinStore

/// Builds the web application: routes, templates and string tables, all loaded at start-up so
/// a missing one fails the boot, not a request.
public enum WebApplication {
    public typealias App = Application<RouterResponder<BasicRequestContext>>

    public static func build(environment: ServiceEnvironment, host: String = "127.0.0.1", port: Int = 8080,
                             logger: Logger? = nil) throws -> App {
        let router = try buildRouter(environment: environment)
        var log = logger ?? Logger(label: "tuopin.web")
        if logger == nil { log.logLevel = .info }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "tuopin"), logger: log)
    }

    public static func buildRouter(environment: ServiceEnvironment) throws -> Router<BasicRequestContext> {
        let store = environment.store
        let site = try Site.load()
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorPageMiddleware(site: site))
        HealthRoutes(store: store).register(on: router)
        DashboardRoutes(statistics: StatisticsService(store: store), site: site).register(on: router)
        StaticRoutes(site: site).register(on: router)
        return router
    }
}

/// Templates, string tables and static files, loaded once.
public struct Site: Sendable {
    public let strings: [Language: Localizer]
    let templates: MustacheLibrary
    let stylesheet: String

    public enum LoadError: Error { case missingResource(String), badTemplate(String) }

    static func load() throws -> Site {
        let strings = try Localizer.loadAll()
        var library = MustacheLibrary()
        for name in ["layout", "dashboard", "error"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources/templates"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { throw LoadError.missingResource("templates/\(name).mustache") }
            do { try library.register(text, named: name) } catch { throw LoadError.badTemplate(name) }
        }
        guard let css = Bundle.module.url(forResource: "style", withExtension: "css", subdirectory: "Resources/static"),
              let stylesheet = try? String(contentsOf: css, encoding: .utf8) else { throw LoadError.missingResource("static/style.css") }
        return Site(strings: strings, templates: library, stylesheet: stylesheet)
    }

    /// Renders `template` inside the layout.
    func page(_ template: String, _ context: [String: Any], strings: Localizer, title: String) -> HTML {
        let body = templates.render(context, withTemplate: template) ?? ""
        var layout = context
        layout["body"] = body
        layout["title"] = title
        layout["lang"] = strings.language == .zh ? "zh-CN" : "en"
        layout["appName"] = strings.text("app.name")
        layout["switchLanguage"] = strings.text("app.switchLanguage")
        layout["otherLang"] = strings.language == .zh ? "en" : "zh"
        return HTML(templates.render(layout, withTemplate: "layout") ?? body)
    }
}

/// An HTML page response.
public struct HTML: ResponseGenerator, Sendable {
    public let html: String
    public var status: HTTPResponse.Status = .ok

    public init(_ html: String, status: HTTPResponse.Status = .ok) {
        self.html = html
        self.status = status
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension Request {
    /// The page language: `?lang=` if given, else the `lang` cookie, else Chinese.
    var language: Language {
        if let q = uri.queryParameters.get("lang") { return Language(tag: q) }
        if let c = cookies["lang"]?.value { return Language(tag: c) }
        return .zh
    }
}
