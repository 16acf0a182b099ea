/// Yearly household facts (REFERENCE §2.1, §2.4): 两不愁三保障, water access and living
/// conditions per household and year; and special groups as an extensible code table with
/// tags that carry validity dates.
struct M009_YearlyFacts: Migration {
    let version = 9
    let name = "yearly facts and special groups"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE household_year (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                year INTEGER NOT NULL,
                guarantees TEXT NOT NULL,
                water_litres INTEGER,
                water_round_trip_minutes INTEGER,
                water_lift_metres INTEGER,
                water_shortage_days INTEGER,
                medical_assistance BOOLEAN NOT NULL,
                danger_grade TEXT,
                structure TEXT,
                floor_area TEXT,
                built_year INTEGER,
                renovation_year INTEGER,
                safe_drinking_water BOOLEAN,
                water_source TEXT,
                road_km TEXT,
                access_road TEXT,
                sanitary_toilet BOOLEAN,
                fuels TEXT NOT NULL DEFAULT '',
                arable_land TEXT,
                forest_land TEXT,
                relocation_site TEXT,
                PRIMARY KEY (county_code, household_number, year),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
            """
            CREATE TABLE special_group (
                token TEXT PRIMARY KEY,
                name_zh TEXT NOT NULL,
                name_en TEXT NOT NULL,
                built_in BOOLEAN NOT NULL)
            """,
            """
            CREATE TABLE special_group_tag (
                county_code TEXT NOT NULL,
                household_number TEXT NOT NULL,
                group_token TEXT NOT NULL,
                from_date TEXT NOT NULL,
                to_date TEXT,
                note TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (county_code, household_number, group_token, from_date),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number),
                FOREIGN KEY (group_token) REFERENCES special_group (token))
            """,
        ]
    }

    func seed(_ tx: StoreTransaction) async throws {
        for (token, zh, en) in [
            ("relocated", "易地扶贫搬迁户", "relocated household"), ("retiredFisherman", "退捕渔民", "retired fisherman"),
            ("severeDisability", "重度残疾人", "severe disability"), ("elderlyAlone", "独居老人", "elderly living alone"),
        ] {
            try await tx.sql.raw(
                "INSERT INTO special_group (token, name_zh, name_en, built_in) VALUES (\(bind: token), \(bind: zh), \(bind: en), \(bind: true))"
            ).run()
        }
    }
}
