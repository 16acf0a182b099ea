/// A household looked up by its number alone (a household page's monitoring panel, a member
/// moved in from another household, whether a number is taken) when its county is not known.
/// SQLite answers that from the primary key `(county_code, household_number)` by skip-scan, one
/// probe per county; PostgreSQL 15 cannot skip-scan, and reads the whole key index instead, about
/// 3–4 ms for 100,000 households, twice per household page. So PostgreSQL gets an index on the
/// number; SQLite's import keeps one index fewer to write.
struct M027_HouseholdNumberIndex: Migration {
    let version = 27
    let name = "household number index (PostgreSQL)"

    func statements(for dialect: StoreDialect) -> [String] {
        switch dialect {
        case .sqlite: []
        case .postgres: ["CREATE INDEX household_by_number ON household (household_number)"]
        }
    }
}
