/// Indexes for the as-of queries: a household's events in date order (the window in
/// `StatusCountQuery` reads them without a table lookup) and memberships by span.
struct M004_AsOfIndexes: Migration {
    let version = 4
    let name = "as-of indexes"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            "CREATE INDEX status_event_asof ON status_event (county_code, household_number, effective_date, sequence, status)",
            "CREATE INDEX membership_span ON membership (county_code, household_number, from_date, to_date)",
        ]
    }
}
