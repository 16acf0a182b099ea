import Hummingbird
import TuopinServices

/// A campaign or difference outside the registry or the user's scope, or an unknown area, is
/// not found (404); a refused campaign, visit or decision is the request's fault (422 at its form).
extension CampaignError: PageError {
    public var status: HTTPResponse.Status {
        switch self {
        case .notFound, .areaNotFound, .differenceNotFound: .notFound
        case .refused, .noHouseholds, .notACadre, .notInCampaign, .visitIdReused, .differenceDecided, .resolutionNeeded, .notADecision:
            .unprocessableContent
        }
    }
}
