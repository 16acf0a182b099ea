import Hummingbird
import TuopinServices

/// An area the registry does not hold: 404, naming the code.
extension StatisticsService.StatisticsError: PageError {
    public var status: HTTPResponse.Status { .notFound }
}
