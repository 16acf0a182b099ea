import TuopinCore

/// The dated phases of each year's dynamic adjustment (REFERENCE §3.11), seeded with 2020's.
struct M011_AdjustmentWindows: Migration {
    let version = 11
    let name = "adjustment windows"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE adjustment_window (
                year INTEGER NOT NULL,
                phase TEXT NOT NULL,
                from_date TEXT NOT NULL,
                to_date TEXT NOT NULL,
                PRIMARY KEY (year, phase))
            """
        ]
    }

    func seed(_ tx: StoreTransaction) async throws {
        for w in AdjustmentWindow.schedule2020 { try await AdjustmentQuery.save(w, in: tx) }
    }
}
