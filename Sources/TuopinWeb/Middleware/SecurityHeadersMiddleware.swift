import HTTPTypes
import Hummingbird

/// Security headers on every response, error pages included: a content security policy with no
/// inline script or style and no framing, no MIME sniffing, and no referrer outside the site.
/// Behind TLS (`secureCookies`) browsers are also told to keep to HTTPS.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = TuopinRequestContext
    let behindTLS: Bool

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        if behindTLS { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}
