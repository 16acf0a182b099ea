import Hummingbird
import TuopinStore

/// `/healthz`: 200 when the database answers, 503 when it does not.
struct HealthRoutes: Sendable {
    let store: Store

    func register(on router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ -> Response in
            let healthy = await store.ping()
            let body = healthy ? #"{"status":"ok","database":"ok"}"# : #"{"status":"unavailable","database":"unreachable"}"#
            return Response(status: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
    }
}
