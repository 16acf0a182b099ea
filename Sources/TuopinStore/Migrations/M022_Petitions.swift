/// Poverty-related petitions and public opinion (涉贫信访舆情): intake, the unit and its reply
/// deadline, the reply, the petitioner's view and the escalations, with each step's record.
/// Keyed by county like every distributed table.
struct M022_Petitions: Migration {
    let version = 22
    let name = "petitions"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE petition (
                county_code TEXT NOT NULL,
                petition_number INTEGER NOT NULL,
                area_code TEXT NOT NULL,
                channel TEXT NOT NULL,
                category TEXT NOT NULL,
                received_on TEXT NOT NULL,
                content TEXT NOT NULL,
                petitioner_name TEXT NOT NULL,
                petitioner_phone TEXT NOT NULL,
                household_number TEXT,
                deadline TEXT NOT NULL,
                state TEXT NOT NULL,
                assigned_unit TEXT,
                reply TEXT,
                replied_on TEXT,
                satisfaction TEXT,
                escalations INTEGER NOT NULL,
                closed_on TEXT,
                last_step_date TEXT NOT NULL,
                PRIMARY KEY (county_code, petition_number))
            """,
            "CREATE INDEX petition_area ON petition (county_code, area_code)",
            """
            CREATE TABLE petition_step (
                county_code TEXT NOT NULL,
                petition_number INTEGER NOT NULL,
                step_number INTEGER NOT NULL,
                kind TEXT NOT NULL,
                step_date TEXT NOT NULL,
                note TEXT NOT NULL,
                username TEXT NOT NULL,
                role TEXT NOT NULL,
                PRIMARY KEY (county_code, petition_number, step_number))
            """,
        ]
    }
}
