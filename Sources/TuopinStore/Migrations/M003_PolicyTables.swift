import TuopinCore

/// The editable policy tables keyed by (year, region[, standard]), seeded from REFERENCE §3.1–3.2.
struct M003_PolicyTables: Migration {
    let version = 3
    let name = "policy tables"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE poverty_line (
                year INTEGER NOT NULL,
                region TEXT NOT NULL,
                standard TEXT NOT NULL,
                amount_fen BIGINT NOT NULL,
                exit_comparison TEXT NOT NULL,
                confirmed BOOLEAN NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (year, region, standard))
            """,
            """
            CREATE TABLE monitoring_threshold (
                year INTEGER NOT NULL,
                region TEXT NOT NULL,
                amount_fen BIGINT NOT NULL,
                within_comparison TEXT NOT NULL,
                confirmed BOOLEAN NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (year, region))
            """,
        ]
    }

    func seed(_ tx: StoreTransaction) async throws {
        for line in PolicySeed.povertyLines { try await PolicyQuery.save(line, in: tx) }
        for threshold in PolicySeed.monitoringThresholds { try await PolicyQuery.save(threshold, in: tx) }
    }
}
