import Hummingbird
import TuopinServices

/// A listing over a registry with several top areas (or none) needs an area named: the request's
/// fault (400), worded with the areas to choose from.
extension AreaNeeded: PageError {
    public var status: HTTPResponse.Status { .badRequest }
}
