/// The assistance ledger (REFERENCE §2.5): measures per household, responsible cadres and
/// village work teams as time-bounded history. Keyed by `county_code` first like the registry.
struct M008_Assistance: Migration {
    let version = 8
    let name = "assistance"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE assistance_measure (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                measure_number INTEGER NOT NULL,
                kind TEXT NOT NULL,
                project TEXT NOT NULL,
                scale TEXT NOT NULL DEFAULT '',
                amount_fen BIGINT,
                funding TEXT,
                deadline TEXT,
                start_date TEXT NOT NULL,
                end_date TEXT,
                outcome TEXT NOT NULL DEFAULT '',
                outcome_signed BOOLEAN NOT NULL DEFAULT FALSE,
                continues_after_elimination BOOLEAN NOT NULL DEFAULT FALSE,
                PRIMARY KEY (county_code, household_number, measure_number),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
            """
            CREATE TABLE cadre_assignment (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                assignment_number INTEGER NOT NULL,
                name TEXT NOT NULL,
                sex TEXT,
                political_status TEXT NOT NULL DEFAULT '',
                unit TEXT NOT NULL,
                unit_level TEXT NOT NULL,
                phone TEXT NOT NULL DEFAULT '',
                from_date TEXT NOT NULL,
                to_date TEXT,
                PRIMARY KEY (county_code, household_number, assignment_number),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
            """
            CREATE TABLE work_team (
                county_code TEXT NOT NULL,
                team_number INTEGER NOT NULL,
                village_code TEXT NOT NULL,
                sending_unit TEXT NOT NULL,
                from_date TEXT NOT NULL,
                to_date TEXT,
                PRIMARY KEY (county_code, team_number))
            """,
            "CREATE INDEX work_team_village ON work_team (county_code, village_code)",
            """
            CREATE TABLE work_team_member (
                county_code TEXT NOT NULL,
                team_number INTEGER NOT NULL,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                PRIMARY KEY (county_code, team_number, position),
                FOREIGN KEY (county_code, team_number) REFERENCES work_team (county_code, team_number))
            """,
        ]
    }
}
