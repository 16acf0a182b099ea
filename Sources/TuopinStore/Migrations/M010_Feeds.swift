/// Department feeds (REFERENCE §3.12): red-line review items opened by a feed row, kept until a
/// person decides them. A hit never changes a household by itself.
struct M010_Feeds: Migration {
    let version = 10
    let name = "feeds and red-line review items"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE review_item (
                county_code TEXT NOT NULL,
                item_number INTEGER NOT NULL,
                household_number TEXT NOT NULL,
                village_code TEXT NOT NULL,
                red_line TEXT NOT NULL,
                feed TEXT NOT NULL,
                id_type TEXT NOT NULL,
                id_number TEXT NOT NULL,
                event_date TEXT NOT NULL,
                amount_fen BIGINT,
                detail TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL,
                opened_on TEXT NOT NULL,
                resolution TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (county_code, item_number),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
            "CREATE INDEX review_item_household ON review_item (county_code, household_number)",
        ]
    }
}
