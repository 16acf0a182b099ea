/// Local codes (REFERENCE §2.6, "make configurable"): the values an administrator adds to the
/// causes, risks and measure kinds, each refining a built-in value (its base). The registry's
/// code columns keep the base, so every figure counts a local code under it; the local code
/// chosen is kept beside it.
struct M015_LocalCodes: Migration {
    let version = 15
    let name = "local codes"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE local_code (
                list TEXT NOT NULL,
                token TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                name_en TEXT NOT NULL,
                base TEXT NOT NULL,
                PRIMARY KEY (list, token))
            """,
            // The local causes of a household: each refines its main or a secondary cause.
            "ALTER TABLE household ADD COLUMN local_causes TEXT NOT NULL DEFAULT ''",
            // The local risks of a case: each refines one of its risks.
            "ALTER TABLE monitoring_case ADD COLUMN local_risks TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE assistance_measure ADD COLUMN local_kind TEXT",
        ]
    }
}
