import Hummingbird
import TuopinStrings

/// A form post without the session's CSRF token (or without a session): 403, nothing done.
public struct CSRFRejected: PageError {
    public init() {}

    public var status: HTTPResponse.Status { .forbidden }

    public func message(_ s: Localizer) -> String { s.text("error.page.csrf") }
}
