/// Visit campaigns (回头看, 入户调查全覆盖, 集中排查): the campaign, its households with their
/// cadres, the visits (each taken once by the id the device gave it), their photos, and the
/// differences with the registry that go to the township for review. Keyed by county like every
/// distributed table.
struct M023_Campaigns: Migration {
    let version = 23
    let name = "visit campaigns"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE campaign (
                county_code TEXT NOT NULL,
                campaign_number INTEGER NOT NULL,
                kind TEXT NOT NULL,
                area_code TEXT NOT NULL,
                title TEXT NOT NULL,
                opens_on TEXT NOT NULL,
                closes_on TEXT NOT NULL,
                target_rule TEXT NOT NULL,
                created_by TEXT NOT NULL,
                PRIMARY KEY (county_code, campaign_number))
            """,
            """
            CREATE TABLE campaign_household (
                county_code TEXT NOT NULL,
                campaign_number INTEGER NOT NULL,
                household_number TEXT NOT NULL,
                village_code TEXT NOT NULL,
                assignee TEXT,
                PRIMARY KEY (county_code, campaign_number, household_number))
            """,
            "CREATE INDEX campaign_household_assignee ON campaign_household (county_code, campaign_number, assignee)",
            """
            CREATE TABLE campaign_visit (
                county_code TEXT NOT NULL,
                visit_id TEXT NOT NULL,
                campaign_number INTEGER NOT NULL,
                household_number TEXT NOT NULL,
                visitor TEXT NOT NULL,
                visited_at TEXT NOT NULL,
                met_with TEXT NOT NULL,
                secured TEXT NOT NULL,
                income_fen BIGINT,
                danger_grade TEXT,
                sanitary_toilet BOOLEAN,
                note TEXT NOT NULL,
                risks TEXT NOT NULL,
                basis TEXT NOT NULL,
                received_on TEXT NOT NULL,
                lead_reference TEXT,
                PRIMARY KEY (county_code, visit_id))
            """,
            "CREATE INDEX campaign_visit_household ON campaign_visit (county_code, campaign_number, household_number)",
            """
            CREATE TABLE visit_photo (
                county_code TEXT NOT NULL,
                visit_id TEXT NOT NULL,
                content_type TEXT NOT NULL,
                data_base64 TEXT NOT NULL,
                PRIMARY KEY (county_code, visit_id))
            """,
            """
            CREATE TABLE visit_difference (
                county_code TEXT NOT NULL,
                difference_number INTEGER NOT NULL,
                campaign_number INTEGER NOT NULL,
                visit_id TEXT NOT NULL,
                household_number TEXT NOT NULL,
                village_code TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                registry_value TEXT NOT NULL,
                visit_value TEXT NOT NULL,
                state TEXT NOT NULL,
                opened_on TEXT NOT NULL,
                decided_by TEXT,
                decided_on TEXT,
                resolution TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (county_code, difference_number))
            """,
            "CREATE INDEX visit_difference_campaign ON visit_difference (county_code, campaign_number, state)",
        ]
    }
}
