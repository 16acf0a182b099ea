import Hummingbird

/// The stylesheet, served from memory (no CDN, no build step). Needs no sign-in.
struct StaticController: Sendable {
    let site: Site

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self).get("static/style.css", use: stylesheet)
    }

    func stylesheet(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: site.stylesheet)))
    }
}
