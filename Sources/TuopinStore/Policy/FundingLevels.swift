import SQLKit
import TuopinCore

/// The `funding_level` table: the level each funding source is reported under in R-09, with
/// whether the grouping is confirmed and where it comes from.
public enum FundingLevels {
    public struct Row: Sendable, Equatable {
        public var funding: FundingSource
        public var level: FundingLevel
        public var confirmed: Bool
        public var source: String

        public init(funding: FundingSource, level: FundingLevel, confirmed: Bool, source: String) {
            self.funding = funding
            self.level = level
            self.confirmed = confirmed
            self.source = source
        }
    }

    public static let seed: [Row] = FundingSource.allCases.map {
        Row(
            funding: $0, level: FundingLevel.reference[$0] ?? .other, confirmed: false,
            source: "R-09 default grouping (REFERENCE §4.1: unconfirmed — make configurable)")
    }

    /// Every source's row, in the code list's order (a source without a row takes the default).
    public static func rows(_ sql: any SQLDatabase) async throws -> [Row] {
        let t = "funding_level"
        var stored: [FundingSource: Row] = [:]
        for row in try await sql.raw("SELECT funding_source, funding_level, confirmed, source FROM funding_level").all() {
            let key = row.rawText("funding_source")
            guard let funding = FundingSource(token: key) else { continue }
            stored[funding] = Row(
                funding: funding, level: try row.storedCode("funding_level", as: FundingLevel.self, table: t, key: key),
                confirmed: try row.storedBool("confirmed", table: t, key: key), source: try row.storedText("source", table: t, key: key))
        }
        return FundingSource.allCases.map { source in stored[source] ?? seed.first { $0.funding == source }! }
    }

    static func insert(_ row: Row, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO funding_level (funding_source, funding_level, confirmed, source)
            VALUES (\(bind: row.funding.token), \(bind: row.level.token), \(bind: row.confirmed), \(bind: row.source))
            """
        ).run()
    }

    public static func save(_ row: Row, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM funding_level WHERE funding_source = \(bind: row.funding.token)").run()
        try await insert(row, in: tx)
    }
}
