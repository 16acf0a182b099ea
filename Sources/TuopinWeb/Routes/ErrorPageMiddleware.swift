import Hummingbird
import Logging

/// Any error a route throws becomes a worded page with its status: never a stack trace.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let strings = site.strings[request.language]!
            let status: HTTPResponse.Status
            let key: String
            if let http = error as? HTTPError, http.status == .notFound {
                status = .notFound; key = "error.page.notFound"
            } else if let http = error as? HTTPError, http.status == .badRequest {
                status = .badRequest; key = "error.page.badRequest"
            } else {
                context.logger.error("request failed", metadata: ["error": "\(type(of: error))", "path": "\(request.uri.path)"])
                status = .internalServerError; key = "error.page.internal"
            }
            let page = site.page("error", ["message": strings.text(key), "home": strings.text("error.page.home")],
                                 strings: strings, title: strings.text(key))
            var response = try page.response(from: request, context: context)
            response.status = status
            return response
        }
    }
}
