import TuopinCore
import TuopinStore
import TuopinStrings

/// Red-line review items are decided by a person (REFERENCE §3.12): confirmed (the household is
/// then removed as ineligible through `HouseholdService.remove`, by someone who may) or dismissed,
/// always with the reason. Deciding never removes anyone by itself.
extension FeedService {
    /// The review items of an area (ID numbers, details and reasons masked unless the user may see
    /// private data).
    public func items(in area: AdminCode?, state: String? = "open", by user: User) async throws -> [FeedQuery.ReviewItem] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        let clear = AccessPolicy.decide(user, .viewPrivate, area: area).passed
        return try await FeedQuery.items(in: area, state: state, environment.store.sql).map { item in
            var item = item
            if !clear {
                // The feed's free text and the decision's reason may name plates, addresses or employers.
                item.idNumber = Masking.identityNumber(item.idNumber)
                item.detail = Masking.privateField(item.detail)
                item.resolution = Masking.privateField(item.resolution)
            }
            return item
        }
    }

    static let openState = "open"

    public enum ReviewDecision: String, Sendable, CaseIterable {
        case confirmed, dismissed
    }

    /// Decides an open item (county level: `approveAtCounty`), with the reason.
    public func decide(_ reference: String, _ decision: ReviewDecision, reason: String, by user: User) async throws {
        let parts = reference.split(separator: "-R")
        guard parts.count == 2, parts[0].count == 6, let number = Int(parts[1]), let county = try? AdminCode(String(parts[0])) else {
            throw ReviewError.notFound(String(reference.prefix(40)))
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ReviewError.reasonRequired }
        let items = try await FeedQuery.items(in: county, state: "open", environment.store.sql)
        guard let item = items.first(where: { $0.reference == reference }), let village = try? AdminCode(item.village), user.scope.contains(village)
        else { throw ReviewError.notFound(reference) }
        try await environment.authorize(user, .approveAtCounty, area: village)
        try await environment.store.transaction { tx in
            guard try await FeedQuery.decide(county: county.rawValue, number: number, state: decision.rawValue, resolution: reason, in: tx) else {
                throw ReviewError.notFound(reference)
            }
            try await environment.audit.record(
                AuditEntry(
                    .reviewDecided, entity: "reviewItem:\(reference)", area: village, before: ["state": .text(Self.openState)],
                    after: ["state": .text(decision.rawValue), "resolution": .text(reason), "redLine": .text(item.redLine)]),
                by: user, in: tx)
        }
    }
}

public enum ReviewError: Error, Equatable, Sendable {
    case notFound(String)
    case reasonRequired
}

extension ReviewError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .notFound(let r): s.text("error.review.notFound", ["item": r])
        case .reasonRequired: s.text("error.review.reason")
        }
    }
}
