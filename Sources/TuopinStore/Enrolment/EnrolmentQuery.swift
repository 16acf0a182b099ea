import SQLKit
import TuopinCore

/// Enrolment cases and their steps (M014).
public enum EnrolmentQuery {
    /// One recorded step of an enrolment case.
    public struct Step: Hashable, Sendable {
        public var sequence: Int
        public var step: WorkflowStep
        public var stage: Int
        /// `done` or `rejected`.
        public var outcome: String
        public var date: CivilDate
        public var level: ApprovalLevel
        public var notice: NoticePeriod?
        public var actor: String
        public var note: String

        public init(
            sequence: Int = 0, step: WorkflowStep, stage: Int, outcome: String, date: CivilDate, level: ApprovalLevel, notice: NoticePeriod?,
            actor: String, note: String
        ) {
            self.sequence = sequence
            self.step = step
            self.stage = stage
            self.outcome = outcome
            self.date = date
            self.level = level
            self.notice = notice
            self.actor = actor
            self.note = note
        }
    }

    static let columns =
        "county_code, case_number, household_number, village_code, template, application_date, state, stage, last_step_date, closed_on"

    /// Stores a new case under the county's next number and returns it with that number.
    public static func insert(_ c: EnrolmentCase, in tx: StoreTransaction) async throws -> EnrolmentCase {
        let county = String(c.village.rawValue.prefix(6))
        let row = try await tx.sql.raw(
            "SELECT COALESCE(MAX(case_number), 0) + 1 AS n FROM enrolment_case WHERE county_code = \(bind: county)"
        ).first()
        var stored = c
        stored.number = Int(try row?.storedInt("n", table: "enrolment_case", key: county) ?? 1)
        try await tx.sql.raw(
            """
            INSERT INTO enrolment_case (\(unsafeRaw: columns))
            VALUES (\(bind: county), \(bind: stored.number), \(bind: c.household.rawValue), \(bind: c.village.rawValue), \(bind: c.template),
                    \(bind: c.applicationDate.description), \(bind: c.state.token), \(bind: c.state.stage), \(bind: c.lastStepDate.description),
                    \(bind: c.closedOn?.description))
            """
        ).run()
        return stored
    }

    public static func update(_ c: EnrolmentCase, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE enrolment_case SET state = \(bind: c.state.token), stage = \(bind: c.state.stage),
              last_step_date = \(bind: c.lastStepDate.description), closed_on = \(bind: c.closedOn?.description)
            WHERE county_code = \(bind: String(c.village.rawValue.prefix(6))) AND case_number = \(bind: c.number)
            """
        ).run()
    }

    public static func append(_ step: Step, to c: EnrolmentCase, in tx: StoreTransaction) async throws {
        let county = String(c.village.rawValue.prefix(6))
        let row = try await tx.sql.raw(
            """
            SELECT COALESCE(MAX(sequence), 0) + 1 AS n FROM enrolment_step WHERE county_code = \(bind: county) AND case_number = \(bind: c.number)
            """
        ).first()
        let sequence = Int(try row?.storedInt("n", table: "enrolment_step", key: c.reference) ?? 1)
        try await tx.sql.raw(
            """
            INSERT INTO enrolment_step (county_code, case_number, sequence, step, stage, outcome, step_date, level, notice_from, notice_to, actor, note)
            VALUES (\(bind: county), \(bind: c.number), \(bind: sequence), \(bind: step.step.token), \(bind: step.stage), \(bind: step.outcome),
                    \(bind: step.date.description), \(bind: step.level.token), \(bind: step.notice?.from.description),
                    \(bind: step.notice?.to.description), \(bind: step.actor), \(bind: step.note))
            """
        ).run()
    }

    public static func find(county: String, number: Int, _ sql: any SQLDatabase) async throws -> EnrolmentCase? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM enrolment_case WHERE county_code = \(bind: county) AND case_number = \(bind: number)"
        ).first().map(decode)
    }

    /// A household's cases, newest first.
    public static func cases(county: String, household: HouseholdNumber, _ sql: any SQLDatabase) async throws -> [EnrolmentCase] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM enrolment_case
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) ORDER BY case_number DESC
            """
        ).all().map(decode)
    }

    /// The cases of an area, by county and number.
    public static func cases(in area: AdminCode, _ sql: any SQLDatabase) async throws -> [EnrolmentCase] {
        let filter = AreaFilter(area)
        return try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM enrolment_case
            WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
            ORDER BY county_code, case_number
            """
        ).all().map(decode)
    }

    public static func steps(of c: EnrolmentCase, _ sql: any SQLDatabase) async throws -> [Step] {
        let t = "enrolment_step", key = c.reference
        return try await sql.raw(
            """
            SELECT sequence, step, stage, outcome, step_date, level, notice_from, notice_to, actor, note FROM enrolment_step
            WHERE county_code = \(bind: String(c.village.rawValue.prefix(6))) AND case_number = \(bind: c.number) ORDER BY sequence
            """
        ).all().map { row in
            var notice: NoticePeriod?
            if !(try row.decodeNil(column: "notice_from")), !(try row.decodeNil(column: "notice_to")) {
                notice = NoticePeriod(
                    from: try row.storedDate("notice_from", table: t, key: key), to: try row.storedDate("notice_to", table: t, key: key))
            }
            return Step(
                sequence: Int(try row.storedInt("sequence", table: t, key: key)),
                step: try row.storedCode("step", as: WorkflowStep.self, table: t, key: key),
                stage: Int(try row.storedInt("stage", table: t, key: key)), outcome: try row.storedText("outcome", table: t, key: key),
                date: try row.storedDate("step_date", table: t, key: key),
                level: try row.storedCode("level", as: ApprovalLevel.self, table: t, key: key),
                notice: notice, actor: try row.storedText("actor", table: t, key: key), note: try row.storedText("note", table: t, key: key))
        }
    }

    static func decode(_ row: any SQLRow) throws -> EnrolmentCase {
        let t = "enrolment_case", key = row.rawText("county_code") + "-E" + row.rawText("case_number")
        let stage = try row.decodeNil(column: "stage") ? nil : Int(try row.storedInt("stage", table: t, key: key))
        let stateText = try row.storedText("state", table: t, key: key)
        guard let state = EnrolmentCase.State(token: stateText, stage: stage) else {
            throw StoredValueError(table: t, column: "state", key: key, value: stateText)
        }
        let householdText = try row.storedText("household_number", table: t, key: key)
        guard let household = try? HouseholdNumber(householdText) else {
            throw StoredValueError(table: t, column: "household_number", key: key, value: householdText)
        }
        return EnrolmentCase(
            number: Int(try row.storedInt("case_number", table: t, key: key)), household: household,
            village: try row.storedAdminCode("village_code", table: t, key: key), template: try row.storedText("template", table: t, key: key),
            applicationDate: try row.storedDate("application_date", table: t, key: key), state: state,
            lastStepDate: try row.storedDate("last_step_date", table: t, key: key),
            closedOn: try row.decodeNil(column: "closed_on") ? nil : try row.storedDate("closed_on", table: t, key: key))
    }
}
