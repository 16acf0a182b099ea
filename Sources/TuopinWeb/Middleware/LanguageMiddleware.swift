import Hummingbird
import TuopinStrings

/// The page language: `?lang=` if given (and then remembered in a cookie), else the `lang`
/// cookie, else Chinese.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = TuopinRequestContext
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let asked = request.uri.queryParameters.get("lang")
        context.language = Language(tag: asked ?? request.cookies["lang"]?.value)
        var response = try await next(request, context)
        if asked != nil {
            response.setCookie(
                .init(
                    name: "lang", value: context.language.rawValue, path: "/", secure: secureCookies, httpOnly: true,
                    sameSite: .lax))
        }
        return response
    }
}
