import HTTPTypes
import Hummingbird
import TuopinServices

/// Every request that is not GET or HEAD must carry the session's CSRF token, in the form
/// field `_csrf` or the `X-CSRF-Token` header; otherwise it is refused with 403 and nothing runs.
/// The form is read here once (up to 64 KiB) and handed to the route in the context.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TuopinRequestContext
    static let field = "_csrf"
    static let maximumFormBytes = 64 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        var context = context
        let isForm = request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
        if isForm {
            let body = try await request.collectBody(upTo: Self.maximumFormBytes)
            context.form = FormData(urlEncoded: String(buffer: body))
        }
        let sent = context.form[Self.field] ?? request.headers[.xCSRFToken] ?? ""
        guard let expected = context.session?.csrfToken, SessionToken.matches(sent, expected) else { throw CSRFRejected() }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xCSRFToken = HTTPField.Name("X-CSRF-Token")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
