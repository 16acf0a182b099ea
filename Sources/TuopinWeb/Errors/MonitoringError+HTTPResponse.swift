import Hummingbird
import TuopinServices

/// A household outside the registry or the user's scope is not found (404); any other refusal
/// of the monitoring procedure is the request's fault (400). Both are worded.
extension MonitoringError: PageError {
    public var status: HTTPResponse.Status {
        switch self {
        case .householdNotFound: .notFound
        default: .badRequest
        }
    }
}
