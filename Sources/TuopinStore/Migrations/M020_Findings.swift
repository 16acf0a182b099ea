/// The rectification ledger (问题整改台账, R-11): findings with their source, area, category,
/// responsible unit and deadline, and the steps of their rectification with evidence. Keyed by
/// county like every distributed table; a finding about the whole city is kept under its code.
struct M020_Findings: Migration {
    let version = 20
    let name = "findings and rectification"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE finding (
                county_code TEXT NOT NULL,
                finding_number INTEGER NOT NULL,
                area_code TEXT NOT NULL,
                source TEXT NOT NULL,
                category TEXT NOT NULL,
                description TEXT NOT NULL,
                responsible_unit TEXT NOT NULL,
                found_on TEXT NOT NULL,
                deadline TEXT NOT NULL,
                state TEXT NOT NULL,
                household_number TEXT,
                recorded_by TEXT NOT NULL,
                rectified_on TEXT,
                rectified_by TEXT,
                rectified_role TEXT,
                closed_on TEXT,
                last_step_date TEXT NOT NULL,
                PRIMARY KEY (county_code, finding_number))
            """,
            "CREATE INDEX finding_area ON finding (county_code, area_code)",
            "CREATE INDEX finding_open ON finding (state, deadline)",
            """
            CREATE TABLE finding_step (
                county_code TEXT NOT NULL,
                finding_number INTEGER NOT NULL,
                step_number INTEGER NOT NULL,
                kind TEXT NOT NULL,
                step_date TEXT NOT NULL,
                note TEXT NOT NULL,
                evidence TEXT NOT NULL,
                username TEXT NOT NULL,
                role TEXT NOT NULL,
                PRIMARY KEY (county_code, finding_number, step_number))
            """,
        ]
    }
}
