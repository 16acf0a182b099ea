import TuopinCore
import TuopinStore
import TuopinStrings

/// Reads the audit log within the reader's scope, and verifies every chain.
public struct AuditService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// The newest entries matching `filter` (its scope is replaced by the user's).
    public func list(_ filter: AuditQuery.Filter, by user: User) async throws -> [AuditRow] {
        try await environment.authorize(user, .viewAudit, area: filter.area ?? user.scope.code)
        var f = filter
        f.scope = user.scope
        return try await AuditQuery.list(f, environment.store.sql)
    }

    /// What `verify` found in one chain.
    public struct ChainReport: Sendable, Equatable {
        /// The county code, or "" for the registry-wide chain.
        public var chain: String
        public var entries: Int64
        public var problem: Problem?
    }

    /// The first thing wrong with a chain, and where.
    public enum Problem: Sendable, Equatable {
        /// The entry's fields no longer give its stored hash (a field was changed).
        case hashMismatch(sequence: Int64)
        /// The entry does not point at the hash of the one before it (one was deleted or moved).
        case brokenLink(sequence: Int64)
        /// The entry expected next is missing (deleted, or sequences were changed).
        case missing(sequence: Int64)
        /// The chain's head names another last entry than the log holds.
        case headMismatch(expected: Int64, found: Int64)
        /// An entry could not be read at all.
        case unreadable(sequence: Int64)

        public var sequence: Int64 {
            switch self {
            case .hashMismatch(let s), .brokenLink(let s), .missing(let s), .unreadable(let s): s
            case .headMismatch(_, let found): found
            }
        }
    }

    public struct VerifyError: Error, Equatable, Sendable {
        public var broken: [ChainReport]
    }

    /// Walks every chain from its first entry: sequence without gaps, each hash recomputed, each
    /// link to the previous hash, and the head at the last entry. Reports each chain; the
    /// command fails when any is broken.
    public func verify(by user: User) async throws -> [ChainReport] {
        try await environment.authorize(user, .viewAudit, area: nil)
        return try await environment.store.read { db in
            var reports: [ChainReport] = []
            for head in try await AuditQuery.chains(db.sql) {
                reports.append(try await Self.verify(chain: head, db))
            }
            return reports
        }
    }

    static func verify(chain head: AuditQuery.ChainHead, _ db: StoreReader) async throws -> ChainReport {
        var expected: Int64 = 1
        var previous = AuditRow.genesisHash
        var report = ChainReport(chain: head.chain, entries: 0, problem: nil)
        while true {
            let page: [AuditRow]
            do { page = try await AuditQuery.page(head.chain, after: expected - 1, limit: 2000, db.sql) } catch is StoredValueError {
                report.problem = .unreadable(sequence: expected)
                return report
            }
            if page.isEmpty { break }
            for row in page {
                guard row.sequence == expected else {
                    report.problem = .missing(sequence: expected)
                    return report
                }
                guard AuditHash.hash(row) == row.hash else {
                    report.problem = .hashMismatch(sequence: row.sequence)
                    return report
                }
                guard row.previousHash == previous else {
                    report.problem = .brokenLink(sequence: row.sequence)
                    return report
                }
                previous = row.hash
                expected += 1
                report.entries += 1
            }
        }
        if head.lastSequence != report.entries || (report.entries > 0 && head.lastHash != previous) {
            report.problem = .headMismatch(expected: head.lastSequence, found: report.entries)
        }
        return report
    }
}

extension AuditService.VerifyError: WordedError {
    public func message(_ s: Localizer) -> String {
        broken.map { AuditService.describe($0, s) }.joined(separator: "\n")
    }
}

extension AuditService {
    /// One chain's result in words.
    public static func describe(_ r: ChainReport, _ s: Localizer) -> String {
        let chain = r.chain.isEmpty ? s.text("audit.chain.registry") : r.chain
        guard let problem = r.problem else { return s.text("audit.chain.ok", ["chain": chain, "entries": s.count(Int(r.entries))]) }
        switch problem {
        case .hashMismatch(let n): return s.text("audit.problem.hash", ["chain": chain, "sequence": String(n)])
        case .brokenLink(let n): return s.text("audit.problem.link", ["chain": chain, "sequence": String(n)])
        case .missing(let n): return s.text("audit.problem.missing", ["chain": chain, "sequence": String(n)])
        case .headMismatch(let expected, let found):
            return s.text("audit.problem.head", ["chain": chain, "expected": String(expected), "found": String(found)])
        case .unreadable(let n): return s.text("audit.problem.unreadable", ["chain": chain, "sequence": String(n)])
        }
    }
}
