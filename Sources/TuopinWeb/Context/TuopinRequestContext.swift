import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStrings

/// The request context every route gets: the signed-in user (from the session), the page
/// language and, for a form post, its fields and files (read once by `CSRFMiddleware`).
public struct TuopinRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var language: Language = .zh
    /// The session behind the cookie, if any: signed in (`user` set) or anonymous.
    public var session: SignInService.Active?
    /// The posted form of a non-GET request.
    public var form = FormData()
    /// The files of a multipart form post, written to a scratch folder that is removed once the
    /// route has answered (a route keeps a file by moving it).
    var files: [MultipartForm.UploadedFile] = []

    public init(source: Source) { coreContext = .init(source: source) }

    /// The signed-in user, or nil.
    public var user: User? { session?.user }

    /// The signed-in user; throws `SignInRequired` (a redirect to the sign-in page) otherwise.
    public func requireUser() throws -> User {
        guard let user else { throw SignInRequired() }
        return user
    }
}
