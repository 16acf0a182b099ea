/// Areas, their poverty designations over time and the village profiles (population per year).
struct M001_Areas: Migration {
    let version = 1
    let name = "areas"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE area (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                level TEXT NOT NULL,
                parent_code TEXT,
                county_code TEXT)
            """,
            "CREATE INDEX area_parent ON area (parent_code)",
            """
            CREATE TABLE area_event (
                county_code TEXT NOT NULL,
                area_code TEXT NOT NULL,
                kind TEXT NOT NULL,
                effective_date TEXT NOT NULL,
                document TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (county_code, area_code, kind, effective_date))
            """,
            """
            CREATE TABLE village_profile (
                county_code TEXT NOT NULL,
                village_code TEXT NOT NULL,
                year INTEGER NOT NULL,
                rural_registered_population BIGINT NOT NULL,
                collective_income_fen BIGINT,
                PRIMARY KEY (county_code, village_code, year))
            """,
        ]
    }
}
