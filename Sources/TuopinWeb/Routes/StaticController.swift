import Hummingbird

/// The stylesheet, the field form's script and its service worker, served from memory (no CDN,
/// no build step). Need no sign-in. The service worker is served from the root so that it may
/// keep the field pages under `/campaigns/`.
struct StaticController: Sendable {
    let site: Site

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get("static/style.css", use: stylesheet)
            .get("static/field.js") { _, _ in script("field", cache: "no-cache") }
            .get("static/signin.js") { _, _ in script("signin", cache: "max-age=3600") }
            .get("field-sw.js") { _, _ in script("field-sw", cache: "no-cache") }
    }

    func stylesheet(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: site.stylesheet)))
    }

    func script(_ name: String, cache: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(string: site.scripts[name] ?? "")))
    }
}
