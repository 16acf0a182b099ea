import Foundation
import PostgresKit

/// A member's ID number already held by a county on another server of a sharded installation:
/// the coordinator's `identity_claim` key refused the claim that each shard's writes make
/// (`deploy/sharded`, docs/SCALING.md). One ID number is one person nationwide, a member of one
/// household at a time; within one database the unique index `member_identity` keeps that, and
/// the import and the household forms say so before they write.
public struct IdentityClaimedElsewhere: Error, Equatable, Sendable {
    /// The ID number as the server reported it (empty when it did not).
    public var idNumber: String

    public init(idNumber: String) { self.idNumber = idNumber }

    /// The claim refused in `error`, or nil when `error` is something else. postgres_fdw passes
    /// the coordinator's unique violation on with its message and detail, e.g.
    /// `Key (id_type, id_number)=(resident_id, 430481199001011234) already exists.`
    init?(_ error: any Error) {
        guard let info = (error as? PSQLError)?.serverInfo, info[.sqlState] == PostgresError.Code.uniqueViolation.raw,
            info[.message]?.contains("identity_claim") == true
        else { return nil }
        let detail = info[.detail] ?? ""
        guard let open = detail.range(of: ")=("), let close = detail[open.upperBound...].firstIndex(of: ")") else {
            self.init(idNumber: "")
            return
        }
        let values = detail[open.upperBound..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        self.init(idNumber: values.last ?? "")
    }
}
