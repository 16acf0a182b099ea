import Hummingbird
import TuopinStrings

/// An error shown as a worded page with its status: `ErrorPageMiddleware` draws it in the
/// layout, in the request's language. Each error type conforms in a file of its own
/// (`AccessDenied+HTTPResponse.swift` …), so the mapping to HTTP is one declaration per type.
public protocol PageError: HTTPResponseError, WordedError {}

extension PageError {
    /// Outside the middleware (never in the application): the words as plain text.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let strings = try StringTables.load()[(context as? TuopinRequestContext)?.language ?? .zh]
        return Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: message(strings))))
    }
}
