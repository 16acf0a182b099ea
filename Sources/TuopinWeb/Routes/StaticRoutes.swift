import Hummingbird

/// The stylesheet, served from memory (no CDN, no build step).
struct StaticRoutes: Sendable {
    let site: Site

    func register(on router: Router<BasicRequestContext>) {
        router.get("static/style.css") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: site.stylesheet)))
        }
    }
}
