import Hummingbird
import TuopinStore
import TuopinStrings

/// A member's ID number held by a county on another shard: 409, nothing written.
extension IdentityClaimedElsewhere: PageError {
    public var status: HTTPResponse.Status { .conflict }
}
