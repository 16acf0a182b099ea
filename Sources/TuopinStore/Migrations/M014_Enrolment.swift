/// Historical enrolment run as its procedure (REFERENCE §3.8, 两公示一公告): the case of one
/// household's application and its append-only steps, each with its date, level, notice and actor.
struct M014_Enrolment: Migration {
    let version = 14
    let name = "enrolment procedure"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE enrolment_case (
                county_code TEXT NOT NULL,
                case_number INTEGER NOT NULL,
                household_number TEXT NOT NULL,
                village_code TEXT NOT NULL,
                template TEXT NOT NULL,
                application_date TEXT NOT NULL,
                state TEXT NOT NULL,
                stage INTEGER,
                last_step_date TEXT NOT NULL,
                closed_on TEXT,
                PRIMARY KEY (county_code, case_number),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
            "CREATE INDEX enrolment_case_household ON enrolment_case (county_code, household_number)",
            """
            CREATE TABLE enrolment_step (
                county_code TEXT NOT NULL,
                case_number INTEGER NOT NULL,
                sequence INTEGER NOT NULL,
                step TEXT NOT NULL,
                stage INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                step_date TEXT NOT NULL,
                level TEXT NOT NULL,
                notice_from TEXT,
                notice_to TEXT,
                actor TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (county_code, case_number, sequence),
                FOREIGN KEY (county_code, case_number) REFERENCES enrolment_case (county_code, case_number))
            """,
        ]
    }
}
