/// The registry: households, their status events, members and memberships, yearly incomes.
/// Every table carries `county_code` first in its key (DESIGN principle 5).
struct M002_Registry: Migration {
    let version = 2
    let name = "registry"

    func statements(for dialect: StoreDialect) -> [String] {
        let incomeColumns = IncomeColumns.names.map { "    \($0) BIGINT NOT NULL DEFAULT 0" }.joined(separator: ",\n")
        return [
            """
            CREATE TABLE household (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                village_code TEXT NOT NULL,
                identification_standard TEXT NOT NULL,
                poverty_attribute TEXT NOT NULL,
                main_cause TEXT NOT NULL,
                secondary_causes TEXT NOT NULL DEFAULT '',
                first_identified_year INTEGER NOT NULL,
                planned_exit_year INTEGER,
                is_military_martyr_family BOOLEAN NOT NULL DEFAULT FALSE,
                is_one_child BOOLEAN NOT NULL DEFAULT FALSE,
                is_two_daughters BOOLEAN NOT NULL DEFAULT FALSE,
                phone TEXT,
                bank_account TEXT,
                PRIMARY KEY (county_code, household_number))
            """,
            "CREATE INDEX household_village ON household (county_code, village_code)",
            """
            CREATE TABLE status_event (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                effective_date TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (county_code, household_number, sequence),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
            """
            CREATE TABLE member (
                county_code TEXT NOT NULL,
                id_type TEXT NOT NULL,
                id_number TEXT NOT NULL,
                name TEXT NOT NULL,
                sex TEXT NOT NULL,
                birth_date TEXT NOT NULL,
                ethnicity TEXT NOT NULL,
                education TEXT NOT NULL,
                student_status TEXT NOT NULL,
                health TEXT NOT NULL,
                labour_capacity TEXT NOT NULL,
                medical_insured BOOLEAN NOT NULL,
                serious_illness_insured BOOLEAN NOT NULL,
                resident_pension BOOLEAN NOT NULL,
                receives_dibao BOOLEAN NOT NULL,
                receives_tekun BOOLEAN NOT NULL,
                PRIMARY KEY (county_code, id_type, id_number))
            """,
            "CREATE UNIQUE INDEX member_identity ON member (id_type, id_number)",
            """
            CREATE TABLE membership (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                id_type TEXT NOT NULL,
                id_number TEXT NOT NULL,
                relation TEXT NOT NULL,
                from_date TEXT NOT NULL,
                to_date TEXT,
                end_reason TEXT,
                PRIMARY KEY (county_code, household_number, id_type, id_number, from_date),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number),
                FOREIGN KEY (county_code, id_type, id_number) REFERENCES member (county_code, id_type, id_number))
            """,
            """
            CREATE TABLE income_record (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                year INTEGER NOT NULL,
                household_size INTEGER NOT NULL,
            \(incomeColumns),
                PRIMARY KEY (county_code, household_number, year),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
        ]
    }
}
