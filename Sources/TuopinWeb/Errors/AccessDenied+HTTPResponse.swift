import Hummingbird
import TuopinServices

/// A refusal by the access policy: 403 with its reason ("村干部（430481100201）不能查看 430481100202").
extension AccessDenied: PageError {
    public var status: HTTPResponse.Status { .forbidden }
}
