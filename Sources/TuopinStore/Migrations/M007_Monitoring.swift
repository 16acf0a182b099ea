import SQLKit
import TuopinCore

/// Return-to-poverty monitoring (REFERENCE §3.7–3.10): the holiday table that working-day
/// deadlines count on, the workflow templates, the cases and their append-only steps. Seeds
/// the holidays of 2021–2026, the reference templates, and unconfirmed monitoring thresholds
/// for 2020 and 2022–2026 so that a sweep of any of those years runs and says which threshold it used.
struct M007_Monitoring: Migration {
    let version = 7
    let name = "monitoring"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE work_calendar_day (
                day TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                name TEXT NOT NULL)
            """,
            """
            CREATE TABLE workflow_template (
                id TEXT PRIMARY KEY,
                purpose TEXT NOT NULL,
                region TEXT NOT NULL,
                from_year INTEGER NOT NULL,
                name_zh TEXT NOT NULL,
                name_en TEXT NOT NULL,
                stages TEXT NOT NULL,
                deadline_days INTEGER,
                day_kind TEXT NOT NULL)
            """,
            """
            CREATE TABLE monitoring_case (
                county_code TEXT NOT NULL,
                case_number INTEGER NOT NULL,
                household_number TEXT NOT NULL,
                village_code TEXT NOT NULL,
                channel TEXT NOT NULL,
                lead_date TEXT NOT NULL,
                identification_template TEXT NOT NULL,
                elimination_template TEXT NOT NULL,
                deadline TEXT,
                state TEXT NOT NULL,
                stage INTEGER,
                outcome TEXT,
                category TEXT,
                risks TEXT NOT NULL,
                green_channel BOOLEAN NOT NULL,
                no_labour_safety_net BOOLEAN NOT NULL,
                previous_case INTEGER,
                identified_on TEXT,
                elimination_method TEXT,
                closed_on TEXT,
                last_step_date TEXT NOT NULL,
                sweep_year INTEGER,
                PRIMARY KEY (county_code, case_number),
                FOREIGN KEY (county_code, household_number) REFERENCES household (county_code, household_number))
            """,
            "CREATE INDEX monitoring_case_household ON monitoring_case (county_code, household_number)",
            "CREATE INDEX monitoring_case_village ON monitoring_case (county_code, village_code, state)",
            """
            CREATE TABLE monitoring_step (
                county_code TEXT NOT NULL,
                case_number INTEGER NOT NULL,
                sequence INTEGER NOT NULL,
                transition TEXT NOT NULL,
                step TEXT,
                stage INTEGER,
                step_date TEXT NOT NULL,
                actor TEXT NOT NULL,
                level TEXT,
                notice_from TEXT,
                notice_to TEXT,
                note TEXT NOT NULL DEFAULT '',
                state_after TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (county_code, case_number, sequence),
                FOREIGN KEY (county_code, case_number) REFERENCES monitoring_case (county_code, case_number))
            """,
        ]
    }

    func seed(_ tx: StoreTransaction) async throws {
        for day in ChinaHolidays.days { try await WorkflowQuery.save(day, in: tx) }
        for template in WorkflowTemplate.reference { try await WorkflowQuery.save(template, in: tx) }
        let existing = try await PolicyQuery.monitoringThresholds(tx.sql)
        for threshold in PolicySeed.unconfirmedThresholds where existing.threshold(year: threshold.year, region: threshold.region) == nil {
            try await PolicyQuery.save(threshold, in: tx)
        }
    }
}
