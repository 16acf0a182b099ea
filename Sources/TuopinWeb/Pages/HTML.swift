import Hummingbird

/// An HTML page response; never cached (pages hold figures and private data).
public struct HTML: ResponseGenerator, Sendable {
    public let html: String
    public var status: HTTPResponse.Status = .ok

    public init(_ html: String, status: HTTPResponse.Status = .ok) {
        self.html = html
        self.status = status
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
