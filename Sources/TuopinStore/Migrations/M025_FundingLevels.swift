import TuopinCore

/// The level each funding source is reported under in R-09, seeded with `FundingLevel.reference`
/// and marked unconfirmed (REFERENCE §4.1: make configurable). One row per source; not keyed by
/// county, so a sharded installation reads it as a reference table.
struct M025_FundingLevels: Migration {
    let version = 25
    let name = "funding levels"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE funding_level (
                funding_source TEXT PRIMARY KEY,
                funding_level TEXT NOT NULL,
                confirmed BOOLEAN NOT NULL,
                source TEXT NOT NULL)
            """
        ]
    }

    func seed(_ tx: StoreTransaction) async throws {
        for row in FundingLevels.seed { try await FundingLevels.insert(row, in: tx) }
    }
}
