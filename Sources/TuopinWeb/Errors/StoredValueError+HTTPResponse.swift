import Hummingbird
import TuopinStore
import TuopinStrings

/// A value in the database that cannot be used (a year of 0): 500, naming table, row and value,
/// so an administrator can correct it.
extension StoredValueError: PageError {
    public var status: HTTPResponse.Status { .internalServerError }
}
