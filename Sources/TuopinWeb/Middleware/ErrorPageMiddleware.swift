import Hummingbird
import Logging
import TuopinStrings

/// Any error a route throws becomes a response, never a stack trace: a `PageError` a worded page
/// with its status, another `HTTPResponseError` its own response (a redirect), Hummingbird's
/// own errors a page for their status, and anything else a 500 page (logged by type only,
/// since an error may hold private data).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = TuopinRequestContext
    let site: Site

    /// Words for the statuses Hummingbird raises itself (no route, a method not allowed, a body too large).
    static let statusMessages: [HTTPResponse.Status: String] = [
        .notFound: "error.page.notFound", .badRequest: "error.page.badRequest", .methodNotAllowed: "error.page.notFound",
        .contentTooLarge: "error.page.tooLarge", .forbidden: "error.page.forbidden",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any PageError {
            if error.status == .internalServerError {
                context.logger.error("stored value unusable", metadata: ["error": "\(type(of: error))", "path": "\(request.uri.path)"])
            }
            return try page(site.strings[context.language].describe(error), status: error.status, context: context).response(
                from: request, context: context)
        } catch let error as HTTPError {
            let key = Self.statusMessages[error.status] ?? "error.page.internal"
            return try page(site.strings[context.language].text(key), status: error.status, context: context).response(
                from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))", "path": "\(request.uri.path)"])
            let s = site.strings[context.language]
            return try page(s.text("error.page.internal"), status: .internalServerError, context: context).response(from: request, context: context)
        }
    }

    func page(_ message: String, status: HTTPResponse.Status, context: Context) -> HTML {
        let s = site.strings[context.language]
        return site.page("error", ["message": message, "home": s.text("error.page.home")], context: context, title: message, status: status)
    }
}
