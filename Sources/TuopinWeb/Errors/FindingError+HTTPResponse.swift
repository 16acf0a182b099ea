import Hummingbird
import TuopinServices

/// A finding outside the registry or the user's scope, or an unknown area, is not found (404);
/// a refused finding or step is the request's fault (422 at its form, 400 elsewhere).
extension FindingError: PageError {
    public var status: HTTPResponse.Status {
        switch self {
        case .notFound, .areaNotFound: .notFound
        case .refused, .householdOutsideArea: .unprocessableContent
        }
    }
}
