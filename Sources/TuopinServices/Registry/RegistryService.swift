import Foundation
import TuopinCore
import TuopinStore

/// Moves registry data in and out (the CSV exchange format, docs/CSV-FORMAT.md) inside the
/// user's scope, as jobs with progress, each audited: export (who, what, which masking) and
/// import (one entry per batch, with counts and the digest of every file).
public struct RegistryService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Exports `area` (default: the user's whole scope) into `directory`. Unmasked files need
    /// `exportUnmasked`; masked ones hide what `Masking` says.
    public func export(
        to directory: URL, area: AdminCode? = nil, masked: Bool, by user: User,
        progress: ProgressSink? = nil
    ) async throws -> RegistryExport.Summary {
        let target = area ?? user.scope.code
        try await environment.authorize(user, masked ? .export : .exportUnmasked, area: target)
        let total = RegistryFile.allCases.count
        progress?(JobProgress(phase: "progress.export", done: 0, total: total))
        let summary = try await environment.reporting.read { db in
            try await RegistryExport.export(db, to: directory, area: target, masked: masked) { _, done in
                progress?(JobProgress(phase: "progress.export", done: done, total: total))
            }
        }
        let rows = Dictionary(uniqueKeysWithValues: summary.rows.map { ($0.key.fileName, AuditValue.int($0.value)) })
        _ = try await environment.store.transaction { tx in
            try await environment.audit.record(
                AuditEntry(
                    .export, entity: "export:" + directory.lastPathComponent, area: target,
                    detail: ["masked": .bool(masked), "area": .text(target?.rawValue ?? "all"), "rows": .object(rows)]),
                by: user, in: tx)
        }
        return summary
    }

    public struct ImportResult: Sendable {
        /// What the import found and wrote.
        public var outcome: ImportOutcome
        /// The rejections reported after the transaction (rows rejected once written).
        public var late: [ImportRejection]

        /// Whether rows were committed (all of them, or the good households with partial commits).
        public var committed: Bool { outcome.committed }

        /// Every rejection kept (the first `ImportOutcome.keptRejections`), by file and line.
        public var rejections: [ImportRejection] {
            let lateRows = Set(late.map { "\($0.file.rawValue)#\($0.line)" })
            return (outcome.rejections.filter { !lateRows.contains("\($0.file.rawValue)#\($0.line)") } + late)
                .sorted { ($0.file, $0.line) < ($1.file, $1.line) }
        }

        /// Distinct rows not committed.
        public var rejectedRows: Int { outcome.rejectedRows }
    }

    /// Imports a folder in one transaction with its audit entry: every row checked (rows outside
    /// the user's scope are rejected), the good rows committed when none is rejected, the
    /// households without a fault when `commitPartial` is set, and nothing otherwise or when a
    /// file cannot be read whole. Each rejection goes to `sink` as it is found; `progress` hears
    /// the bytes read of the files' total, then the commit.
    public func importFolder(
        _ directory: URL, commitPartial: Bool, by user: User, sink: RegistryImport.RejectionSink? = nil,
        progress: ProgressSink? = nil
    ) async throws -> ImportResult {
        try await environment.authorize(user, .importRegistry, area: user.scope.code)
        progress?(JobProgress(phase: "progress.import.validate", done: 0, total: 1))
        let today = environment.today
        let outcome: ImportOutcome, pending: PendingReport
        do {
            // The import checks every reference it writes (its tests run `PRAGMA foreign_key_check`).
            (outcome, pending) = try await environment.store.transaction(checkingForeignKeys: false) { tx in
                let (outcome, pending) = try await RegistryImport.run(
                    directory: directory, in: tx, scope: user.scope, today: today,
                    partial: commitPartial, sink: sink, progress: Self.bytes(progress))
                let area = outcome.counties.count == 1 ? outcome.counties.first.flatMap { try? AdminCode($0) } : user.scope.code
                var detail: [String: AuditValue] = Dictionary(
                    uniqueKeysWithValues: outcome.writtenRows.map { ($0.key.rawValue, AuditValue.int($0.value)) })
                detail["files"] = .list(outcome.files.map { .object(["file": .text($0.file), "bytes": .int($0.bytes), "sha256": .text($0.sha256)]) })
                detail["rejectedRows"] = .int(outcome.rejectedRows)
                detail["partial"] = .bool(outcome.rejectedRows > 0)
                try await environment.audit.record(
                    AuditEntry(.importRegistry, entity: "import:" + directory.lastPathComponent, area: area, detail: detail), by: user, in: tx)
                progress?(JobProgress(phase: "progress.import.commit", done: 0, total: 1))
                return (outcome, pending)
            }
        } catch let refused as RegistryImport.NotCommitted {
            return ImportResult(outcome: refused.outcome, late: RegistryImport.report(refused.pending, directory: directory, sink: sink))
        }
        progress?(JobProgress(phase: "progress.import.commit", done: 1, total: 1))
        // Planner statistics only speed later reads: the rows are committed whether or not they are gathered.
        try? await environment.store.optimize()
        return ImportResult(outcome: outcome, late: RegistryImport.report(pending, directory: directory, sink: sink))
    }

    /// Whether `user` may import into their scope at all (the upload page asks before it offers
    /// its form); a refusal is audited and thrown as `AccessDenied`.
    public func authorizeImport(by user: User) async throws {
        try await environment.authorize(user, .importRegistry, area: user.scope.code)
    }

    /// Checks a folder as `importFolder` would import it, and commits nothing: every row is read,
    /// held to the rules and to the registry as it stands, and written inside a transaction that
    /// is then rolled back. The outcome's `writtenRows` are the rows an import of the households
    /// without a fault would write (`committed` stays false); no audit entry is made, since
    /// nothing changes. The web upload shows this report before the user commits or cancels.
    public func checkFolder(
        _ directory: URL, by user: User, sink: RegistryImport.RejectionSink? = nil, progress: ProgressSink? = nil
    ) async throws -> ImportResult {
        try await environment.authorize(user, .importRegistry, area: user.scope.code)
        progress?(JobProgress(phase: "progress.import.validate", done: 0, total: 1))
        let today = environment.today
        do {
            try await environment.store.transaction(checkingForeignKeys: false) { tx -> Never in
                var (outcome, pending) = try await RegistryImport.run(
                    directory: directory, in: tx, scope: user.scope, today: today, partial: true, sink: sink,
                    progress: Self.bytes(progress))
                outcome.committed = false
                throw RegistryImport.NotCommitted(outcome: outcome, pending: pending)
            }
        } catch let checked as RegistryImport.NotCommitted {
            return ImportResult(outcome: checked.outcome, late: RegistryImport.report(checked.pending, directory: directory, sink: sink))
        }
    }

    /// The import's bytes read, as the validation phase of a job.
    static func bytes(_ progress: ProgressSink?) -> RegistryImport.ProgressSink? {
        guard let progress else { return nil }
        return { done, total in progress(JobProgress(phase: "progress.import.validate", done: done, total: max(total, 1))) }
    }

    /// Writes a prepared batch (the demo's counties) with one audit entry, inside the user's scope.
    public func load(_ batch: ImportBatch, action: AuditAction, entity: String, by user: User) async throws {
        let area = Self.area(of: batch, user: user)
        try await environment.authorize(user, .importRegistry, area: area)
        for code in batch.households.map(\.village) + batch.areas.map(\.code) where !user.scope.contains(code) {
            try await environment.authorize(user, .importRegistry, area: code)
        }
        try await environment.store.transaction { tx in
            try await RegistryWriter.write(batch, in: tx)
            try await environment.audit.record(AuditEntry(action, entity: entity, area: area, detail: Self.counts(batch)), by: user, in: tx)
        }
    }

    /// Whether the registry holds no household yet (asked before loading a whole registry, so
    /// only by a user whose scope is the whole registry).
    public func isEmpty(by user: User) async throws -> Bool { try await householdCount(by: user) == 0 }

    /// The households the whole registry holds (the same question, counted).
    public func householdCount(by user: User) async throws -> Int {
        try await environment.authorize(user, .importRegistry, area: nil)
        return try await RegistryQuery.householdCount(environment.store.sql)
    }

    /// The batch's area for its audit entry: its one county, else the user's scope.
    static func area(of batch: ImportBatch, user: User) -> AdminCode? {
        let counties = Set(batch.households.map(\.county) + batch.areas.compactMap(\.code.county) + batch.profiles.compactMap(\.village.county))
        if counties.count == 1, let only = counties.first { return only }
        return user.scope.code
    }

    static func counts(_ b: ImportBatch) -> [String: AuditValue] {
        [
            "areas": .int(b.areas.count), "areaEvents": .int(b.areaEvents.count), "villageProfiles": .int(b.profiles.count),
            "households": .int(b.households.count), "statusEvents": .int(b.events.count), "members": .int(b.members.count),
            "memberships": .int(b.memberships.count), "incomes": .int(b.incomes.count), "householdYears": .int(b.householdYears.count),
            "memberYears": .int(b.memberYears.count), "groupTags": .int(b.groupTags.count),
        ]
    }
}
