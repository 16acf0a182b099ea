import Foundation
import TuopinCore
import TuopinStore

/// Appends entries to the hash-chained audit log, always inside the transaction of the change
/// they record, so the change and its entry commit together or not at all.
public struct AuditLog: Sendable {
    let now: @Sendable () -> Date

    /// Appends `entry` as done by `user`, in `tx`.
    @discardableResult
    public func record(_ entry: AuditEntry, by user: User, in tx: StoreTransaction) async throws -> AuditRow {
        try await record(entry, actor: user.username.rawValue, osUser: user.osUser, in: tx)
    }

    /// Appends an entry whose actor is not a known user (a failed sign-in under an unknown name).
    @discardableResult
    public func record(_ entry: AuditEntry, actor: String, osUser: String?, in tx: StoreTransaction) async throws -> AuditRow {
        let head = try await AuditQuery.lockHead(entry.chain, in: tx)
        var row = AuditRow(
            countyCode: entry.chain, sequence: head.sequence + 1, instant: Instant(now()).description, actor: actor,
            osUser: osUser, action: entry.action.token, entity: entry.entity, area: entry.area?.rawValue,
            before: AuditValue.json(entry.before), after: AuditValue.json(entry.after), detail: AuditValue.json(entry.detail),
            previousHash: head.hash, hash: "")
        row.hash = AuditHash.hash(row)
        try await AuditQuery.insert(row, in: tx)
        try await AuditQuery.advanceHead(entry.chain, sequence: row.sequence, hash: row.hash, in: tx)
        return row
    }

    /// Records an entry in a transaction of its own (sign-ins, refusals: events that change
    /// nothing else).
    @discardableResult
    public func recordAlone(_ entry: AuditEntry, actor: String, osUser: String?, in store: Store) async throws -> AuditRow {
        try await store.transaction { tx in try await record(entry, actor: actor, osUser: osUser, in: tx) }
    }
}
