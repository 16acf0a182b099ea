import Hummingbird
import TuopinServices

/// A refused change to a user: 404 for an unknown one, 409 for a name taken, 400 otherwise.
extension UserError: PageError {
    public var status: HTTPResponse.Status {
        switch self {
        case .unknownUser: .notFound
        case .alreadyExists: .conflict
        case .disabled: .forbidden
        case .scopeNotAllowed, .passwordRejected, .cannotChangeOwnAccess: .badRequest
        }
    }
}
