/// Public approval surveys (群众认可度): the survey with the seed its sample was drawn from, and
/// each sampled household with its answer. Keyed by county like every distributed table.
struct M021_ApprovalSurveys: Migration {
    let version = 21
    let name = "approval surveys"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE approval_survey (
                county_code TEXT NOT NULL,
                survey_number INTEGER NOT NULL,
                area_code TEXT NOT NULL,
                survey_year INTEGER NOT NULL,
                title TEXT NOT NULL,
                stratum_level TEXT NOT NULL,
                per_stratum INTEGER NOT NULL,
                seed TEXT NOT NULL,
                drawn_on TEXT NOT NULL,
                drawn_by TEXT NOT NULL,
                PRIMARY KEY (county_code, survey_number))
            """,
            """
            CREATE TABLE survey_sample (
                county_code TEXT NOT NULL,
                survey_number INTEGER NOT NULL,
                household_number TEXT NOT NULL,
                stratum_code TEXT NOT NULL,
                draw_order INTEGER NOT NULL,
                answer TEXT,
                answered_on TEXT,
                note TEXT NOT NULL,
                answered_by TEXT,
                PRIMARY KEY (county_code, survey_number, household_number))
            """,
        ]
    }
}
