import Hummingbird
import TuopinServices

/// Finds the session behind the `tuopin_session` cookie (SHA-256 of the id looked up; expired
/// ones ended) and puts it in the context. Health checks and static files skip it.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = TuopinRequestContext
    static let cookieName = "tuopin_session"
    let signIn: SignInService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard !path.hasPrefix("/static/"), path != "/healthz", let token = request.cookies[Self.cookieName]?.value else {
            return try await next(request, context)
        }
        var context = context
        context.session = try await signIn.resolve(token)
        return try await next(request, context)
    }
}
