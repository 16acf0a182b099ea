import Hummingbird
import TuopinServices

/// A survey outside the registry or the user's scope, or an unknown area, is not found (404); a
/// refused draw or answer is the request's fault (422 at its form).
extension SurveyError: PageError {
    public var status: HTTPResponse.Status {
        switch self {
        case .notFound, .areaNotFound: .notFound
        case .refused, .noHouseholds, .notSampled: .unprocessableContent
        }
    }
}
