/// Published figures stored as a "reported" series beside the recomputed ones (REFERENCE §5.5,
/// §4.4): an area's headline indicator on a date, with its source. Seeded with the figures of the
/// Hengyang Daily page and the 衡东 report; an administrator adds others.
struct M016_ReportedFigures: Migration {
    let version = 16
    let name = "reported figures"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE reported_figure (
                area_code TEXT NOT NULL,
                as_of TEXT NOT NULL,
                indicator TEXT NOT NULL,
                value TEXT NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (area_code, as_of, indicator))
            """
        ]
    }

    func seed(_ tx: StoreTransaction) async throws {
        for figure in ReportedFigureQuery.seed { try await ReportedFigureQuery.save(figure, in: tx) }
    }
}
