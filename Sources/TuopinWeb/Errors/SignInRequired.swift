import Hummingbird

/// A page that needs a signed-in user, asked for without one: a redirect to the sign-in page
/// that comes back to the page afterwards.
public struct SignInRequired: HTTPResponseError {
    public init() {}

    public var status: HTTPResponse.Status { .seeOther }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let next = request.uri.path == "/" && (request.uri.query ?? "").isEmpty ? "" : "?next=" + Site.queryEscape(request.uri.description)
        return Response(status: .seeOther, headers: [.location: "/login" + next, .cacheControl: "no-store"])
    }
}
