import Hummingbird
import TuopinServices

/// A petition outside the registry or the user's scope, or an unknown area, is not found (404); a
/// refused petition or step is the request's fault (422 at its form).
extension PetitionError: PageError {
    public var status: HTTPResponse.Status {
        switch self {
        case .notFound, .areaNotFound: .notFound
        case .refused, .householdOutsideArea: .unprocessableContent
        }
    }
}
