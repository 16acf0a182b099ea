import Hummingbird
import TuopinStrings

/// A query or form field that cannot be read (`?as-of=2020-02-30`, `?area=12ab`): 400 with the
/// field's own error in words.
public struct BadParameter: PageError {
    public var name: String
    public var reason: any WordedError & Sendable

    public init(_ name: String, _ reason: any WordedError & Sendable) {
        self.name = name
        self.reason = reason
    }

    public var status: HTTPResponse.Status { .badRequest }

    public func message(_ s: Localizer) -> String { s.text("error.page.parameter", ["name": name, "reason": reason.message(s)]) }
}
