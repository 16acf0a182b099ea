/// Sample checks of the registry's quality (三率: 错退, 漏评, 错评): who checked which area for
/// which evaluation year, how many people they looked at and what they found. R-10 adds them up by
/// area; a county's checks of a year feed its exit evaluation. Keyed by county like every
/// distributed table.
struct M024_QualityAssessments: Migration {
    let version = 24
    let name = "quality assessments"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE quality_assessment (
                county_code TEXT NOT NULL,
                assessment_number INTEGER NOT NULL,
                area_code TEXT NOT NULL,
                assessment_year INTEGER NOT NULL,
                body TEXT NOT NULL,
                sampled_exited BIGINT NOT NULL,
                wrongly_exited BIGINT NOT NULL,
                sampled_non_enrolled BIGINT NOT NULL,
                verified_missed BIGINT NOT NULL,
                sampled_enrolled BIGINT NOT NULL,
                wrongly_included BIGINT NOT NULL,
                checked_on TEXT NOT NULL,
                note TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                PRIMARY KEY (county_code, assessment_number))
            """,
            "CREATE INDEX quality_assessment_year ON quality_assessment (assessment_year, area_code)",
        ]
    }
}
