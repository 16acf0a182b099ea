import TuopinCore
import TuopinStore

/// Reads and edits the policy tables (poverty lines, monitoring thresholds): thresholds are
/// data an administrator changes, never constants in code (DESIGN principle 2). Every change
/// is audited with the row before and after.
public struct PolicyService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Anyone signed in may read the policy values that decide their cases.
    public func povertyLines(by user: User) async throws -> PovertyLineTable {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await PolicyQuery.povertyLines(environment.store.sql)
    }

    public func monitoringThresholds(by user: User) async throws -> MonitoringThresholdTable {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await PolicyQuery.monitoringThresholds(environment.store.sql)
    }

    /// Sets the line for its (year, region, standard), replacing any earlier row.
    public func save(_ line: PovertyLine, by user: User) async throws {
        let area = line.region.area
        try await environment.authorize(user, .editPolicy, area: area)
        try await environment.store.transaction { tx in
            let old = try await PolicyQuery.povertyLines(tx.sql).rows.first {
                $0.year == line.year && $0.region == line.region && $0.standard == line.standard
            }
            try await PolicyQuery.save(line, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .policyLineSet, entity: "povertyLine:\(line.year)/\(line.region.token)/\(line.standard.token)", area: area,
                    before: old.map(Self.values), after: Self.values(line)),
                by: user, in: tx)
        }
    }

    public func save(_ threshold: MonitoringThreshold, by user: User) async throws {
        let area = threshold.region.area
        try await environment.authorize(user, .editPolicy, area: area)
        try await environment.store.transaction { tx in
            let old = try await PolicyQuery.monitoringThresholds(tx.sql).rows.first { $0.year == threshold.year && $0.region == threshold.region }
            try await PolicyQuery.save(threshold, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .policyThresholdSet, entity: "monitoringThreshold:\(threshold.year)/\(threshold.region.token)", area: area,
                    before: old.map(Self.values), after: Self.values(threshold)),
                by: user, in: tx)
        }
    }

    static func values(_ l: PovertyLine) -> [String: AuditValue] {
        [
            "amount": .text(l.amount.yuanText), "exitComparison": .text(l.exitComparison.token), "confirmed": .bool(l.confirmed),
            "source": .text(l.source),
        ]
    }

    static func values(_ t: MonitoringThreshold) -> [String: AuditValue] {
        [
            "amount": .text(t.amountPerCapita.yuanText), "withinComparison": .text(t.withinComparison.token), "confirmed": .bool(t.confirmed),
            "source": .text(t.source),
        ]
    }
}
