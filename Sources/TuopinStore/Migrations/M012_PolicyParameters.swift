/// Single policy values the rules compare with, editable like the lines and thresholds: the
/// large-medical-bill amount and the RL-03 vehicle price (feeds), the sudden-hardship income fall,
/// and the work-team rules. Seeded from `PolicyParameters.seed` with their sources.
struct M012_PolicyParameters: Migration {
    let version = 12
    let name = "policy parameters"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE policy_parameter (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                confirmed BOOLEAN NOT NULL,
                source TEXT NOT NULL)
            """
        ]
    }

    func seed(_ tx: StoreTransaction) async throws {
        for p in PolicyParameters.seed { try await PolicyParameters.save(p, in: tx) }
    }
}
