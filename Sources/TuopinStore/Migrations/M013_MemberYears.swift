/// Members' yearly attributes (REFERENCE §2.2 `MemberYear`): schooling, health and disability,
/// work, insurance and assistance as the year's visit recorded them, with the household the
/// member belonged to that year (so a year's facts go and come with their household).
struct M013_MemberYears: Migration {
    let version = 13
    let name = "member years"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE member_year (
                county_code TEXT NOT NULL,
                id_type TEXT NOT NULL,
                id_number TEXT NOT NULL,
                year INTEGER NOT NULL,
                household_number TEXT NOT NULL,
                education TEXT NOT NULL,
                student_status TEXT NOT NULL,
                health TEXT NOT NULL,
                disability_category TEXT,
                disability_grade INTEGER,
                labour_capacity TEXT NOT NULL,
                migrant_work TEXT,
                months_worked INTEGER,
                is_active_soldier BOOLEAN NOT NULL,
                medical_insured BOOLEAN NOT NULL,
                serious_illness_insured BOOLEAN NOT NULL,
                resident_pension BOOLEAN NOT NULL,
                employee_pension BOOLEAN NOT NULL,
                receives_dibao BOOLEAN NOT NULL,
                receives_tekun BOOLEAN NOT NULL,
                public_welfare_job BOOLEAN NOT NULL,
                months_employed INTEGER,
                PRIMARY KEY (county_code, id_type, id_number, year),
                FOREIGN KEY (county_code, id_type, id_number) REFERENCES member (county_code, id_type, id_number),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
            "CREATE INDEX member_year_household ON member_year (county_code, household_number, year)",
        ]
    }
}
