import TuopinCore
import TuopinStore

/// Reads and edits the policy tables (poverty lines, monitoring thresholds): thresholds are
/// data an administrator changes, never constants in code (DESIGN principle 2).
public struct PolicyService: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    public func povertyLines() async throws -> PovertyLineTable { try await PolicyQuery.povertyLines(store.sql) }

    public func monitoringThresholds() async throws -> MonitoringThresholdTable { try await PolicyQuery.monitoringThresholds(store.sql) }

    /// Sets the line for its (year, region, standard), replacing any earlier row.
    public func save(_ line: PovertyLine) async throws {
        try await store.transaction { tx in try await PolicyQuery.save(line, in: tx) }
    }

    public func save(_ threshold: MonitoringThreshold) async throws {
        try await store.transaction { tx in try await PolicyQuery.save(threshold, in: tx) }
    }
}
