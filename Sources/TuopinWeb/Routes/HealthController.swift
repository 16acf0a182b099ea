import Hummingbird
import TuopinStore

/// `/healthz`: 200 when the database answers, 503 when it does not. Needs no sign-in.
struct HealthController: Sendable {
    let store: Store

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self).get("healthz", use: health)
    }

    func health(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let healthy = await store.ping()
        let body = healthy ? #"{"status":"ok","database":"ok"}"# : #"{"status":"unavailable","database":"unreachable"}"#
        return Response(
            status: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
