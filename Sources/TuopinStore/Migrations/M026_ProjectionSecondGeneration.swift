/// The projection's second generation (see `ProjectionTriggers.Generation`): `household_current`
/// also keeps each household's last status but one with its date, the date of its first status,
/// and its memberships' last change date, the one before it and the people in between. A past
/// date then reads a household from its row unless two of its status changes, or two of its
/// membership changes, lie after that date; the enrolment baseline, before almost every exit,
/// needs almost no lookups. The triggers (SQLite) or the refresh function (PostgreSQL) are
/// replaced by the second generation's, and every county is rebuilt.
struct M026_ProjectionSecondGeneration: Migration {
    let version = 26
    let name = "projection: the last two changes"

    static let columns = [
        "previous_status TEXT", "previous_status_date TEXT", "first_status_date TEXT", "members_changed_on TEXT", "members_changed_before TEXT",
        "people_before INTEGER",
    ]

    func statements(for dialect: StoreDialect) -> [String] {
        let add = Self.columns.map { "ALTER TABLE household_current ADD COLUMN \($0)" }
        switch dialect {
        case .sqlite:
            return ProjectionTriggers.sqliteNames.map { "DROP TRIGGER IF EXISTS \($0)" } + add + ProjectionTriggers.sqlite(.second)
        case .postgres:
            return add + [ProjectionTriggers.postgresRefresh(.second, replacing: true)]
        }
    }

    func seed(_ tx: StoreTransaction) async throws {
        try await RegistryProjection.rebuild(countyPattern: "%", in: tx)
    }
}
