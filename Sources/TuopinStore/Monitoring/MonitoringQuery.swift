import SQLKit
import TuopinCore

/// Reads and writes monitoring cases and their append-only steps.
public enum MonitoringQuery {
    static let caseColumns = """
        county_code, case_number, household_number, village_code, channel, lead_date, identification_template,
        elimination_template, deadline, state, stage, outcome, category, risks, green_channel, no_labour_safety_net,
        previous_case, identified_on, elimination_method, closed_on, last_step_date, local_risks
        """

    /// The next free case number in a county (the caller holds the write transaction).
    public static func nextNumber(county: String, in tx: StoreTransaction) async throws -> Int {
        let row = try await tx.sql.raw(
            "SELECT COALESCE(MAX(case_number), 0) + 1 AS n FROM monitoring_case WHERE county_code = \(bind: county)"
        ).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 1)
    }

    /// Inserts a new case; `sweepYear` marks a lead opened by the sweep of that year.
    public static func insert(_ c: MonitoringCase, sweepYear: Int? = nil, in tx: StoreTransaction) async throws {
        let county = String(c.village.rawValue.prefix(6))
        try await tx.sql.raw(
            """
            INSERT INTO monitoring_case (\(unsafeRaw: caseColumns), sweep_year)
            VALUES (\(bind: county), \(bind: c.number), \(bind: c.household.rawValue), \(bind: c.village.rawValue),
                    \(bind: c.channel.token), \(bind: c.leadDate.description), \(bind: c.identificationTemplate),
                    \(bind: c.eliminationTemplate), \(bind: c.deadline?.description), \(bind: c.state.token), \(bind: c.state.stage),
                    \(bind: c.state.outcome), \(bind: c.category?.token), \(bind: c.risks.map(\.token).joined(separator: ",")),
                    \(bind: c.greenChannel), \(bind: c.noLabourSafetyNet), \(bind: c.previousCase), \(bind: c.identifiedOn?.description),
                    \(bind: c.eliminationMethod?.token), \(bind: c.closedOn?.description), \(bind: c.lastStepDate.description),
                    \(bind: localRisksText(c)), \(bind: sweepYear))
            """
        ).run()
    }

    /// Writes the case's changing columns back.
    public static func update(_ c: MonitoringCase, in tx: StoreTransaction) async throws {
        let county = String(c.village.rawValue.prefix(6))
        try await tx.sql.raw(
            """
            UPDATE monitoring_case SET state = \(bind: c.state.token), stage = \(bind: c.state.stage), outcome = \(bind: c.state.outcome),
                category = \(bind: c.category?.token), risks = \(bind: c.risks.map(\.token).joined(separator: ",")),
                green_channel = \(bind: c.greenChannel), no_labour_safety_net = \(bind: c.noLabourSafetyNet),
                identified_on = \(bind: c.identifiedOn?.description), elimination_method = \(bind: c.eliminationMethod?.token),
                closed_on = \(bind: c.closedOn?.description), last_step_date = \(bind: c.lastStepDate.description),
                local_risks = \(bind: localRisksText(c))
            WHERE county_code = \(bind: county) AND case_number = \(bind: c.number)
            """
        ).run()
    }

    /// The village of a household inside `area` (anywhere when nil); nil if there is none.
    public static func village(of household: HouseholdNumber, within area: AdminCode?, _ sql: any SQLDatabase) async throws -> AdminCode? {
        let filter = area.map(AreaFilter.init) ?? AreaFilter(countyPattern: "%", codePattern: "%")
        let row = try await sql.raw(
            """
            SELECT village_code FROM household
            WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
              AND household_number = \(bind: household.rawValue)
            """
        ).first()
        return try row.map { try $0.storedAdminCode("village_code", table: "household", key: household.rawValue) }
    }

    public static func find(county: String, number: Int, _ sql: any SQLDatabase) async throws -> MonitoringCase? {
        try await sql.raw(
            "SELECT \(unsafeRaw: caseColumns) FROM monitoring_case WHERE county_code = \(bind: county) AND case_number = \(bind: number)"
        ).first().map(monitoringCase)
    }

    /// A household's cases, newest first.
    public static func cases(county: String, household: HouseholdNumber, _ sql: any SQLDatabase) async throws -> [MonitoringCase] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: caseColumns) FROM monitoring_case
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) ORDER BY case_number DESC
            """
        ).all().map(monitoringCase)
    }

    /// The cases of an area, optionally only those in one state, by county and number.
    public static func cases(
        in area: AdminCode, state: String? = nil, limit: Int = 10_000, _ sql: any SQLDatabase
    ) async throws
        -> [MonitoringCase]
    {
        let filter = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: caseColumns) FROM monitoring_case
            WHERE county_code LIKE \(bind: filter.countyPattern) AND village_code LIKE \(bind: filter.codePattern)
            """
        if let state { query += " AND state = \(bind: state)" }
        query += " ORDER BY county_code, case_number LIMIT \(bind: limit)"
        return try await sql.raw(
            query
        ).all().map(monitoringCase)
    }

    static func monitoringCase(_ row: any SQLRow) throws -> MonitoringCase {
        let t = "monitoring_case"
        let key = row.rawText("county_code") + "-" + row.rawText("case_number")
        func optionalDate(_ column: String) throws -> CivilDate? {
            try row.decodeNil(column: column) ? nil : try row.storedDate(column, table: t, key: key)
        }
        func optionalText(_ column: String) throws -> String? { try row.storedOptionalText(column, table: t, key: key) }
        let stage = try row.decodeNil(column: "stage") ? nil : Int(try row.storedInt("stage", table: t, key: key))
        let stateText = try row.storedText("state", table: t, key: key)
        guard let state = MonitoringState(token: stateText, stage: stage, outcome: try optionalText("outcome")) else {
            throw StoredValueError(table: t, column: "state", key: key, value: stateText)
        }
        let riskText = try row.storedText("risks", table: t, key: key)
        let risks = riskText.split(separator: ",").map { RiskType(token: String($0)) }
        guard risks.allSatisfy({ $0 != nil }) else { throw StoredValueError(table: t, column: "risks", key: key, value: riskText) }
        let localText = try row.storedText("local_risks", table: t, key: key)
        guard let localRisks = Self.localRisks(localText) else {
            throw StoredValueError(table: t, column: "local_risks", key: key, value: localText)
        }
        let householdText = try row.storedText("household_number", table: t, key: key)
        guard let household = try? HouseholdNumber(householdText) else {
            throw StoredValueError(table: t, column: "household_number", key: key, value: householdText)
        }
        func code<T: CodeListValue>(_ column: String, _ type: T.Type) throws -> T? {
            guard let text = try optionalText(column) else { return nil }
            guard let value = T(token: text) else { throw StoredValueError(table: t, column: column, key: key, value: text) }
            return value
        }
        do {
            return try MonitoringCase(
                number: Int(try row.storedInt("case_number", table: t, key: key)), household: household,
                village: try row.storedAdminCode("village_code", table: t, key: key),
                channel: try row.storedCode("channel", as: DiscoveryChannel.self, table: t, key: key),
                leadDate: try row.storedDate("lead_date", table: t, key: key),
                identificationTemplate: try row.storedText("identification_template", table: t, key: key),
                eliminationTemplate: try row.storedText("elimination_template", table: t, key: key), deadline: try optionalDate("deadline"),
                state: state, category: try code("category", MonitoringCategory.self), risks: risks.compactMap { $0 },
                greenChannel: try row.storedBool("green_channel", table: t, key: key),
                noLabourSafetyNet: try row.storedBool("no_labour_safety_net", table: t, key: key),
                previousCase: try row.decodeNil(column: "previous_case") ? nil : Int(try row.storedInt("previous_case", table: t, key: key)),
                identifiedOn: try optionalDate("identified_on"), eliminationMethod: try code("elimination_method", EliminationMethod.self),
                closedOn: try optionalDate("closed_on"), lastStepDate: try row.storedDate("last_step_date", table: t, key: key),
                localRisks: localRisks)
        } catch is MonitoringRefusal {
            throw StoredValueError(table: t, column: "risks", key: key, value: riskText)
        }
    }

    // MARK: steps

    public static func append(_ step: MonitoringStepEntry, in tx: StoreTransaction) async throws {
        let row = try await tx.sql.raw(
            """
            SELECT COALESCE(MAX(sequence), 0) + 1 AS n FROM monitoring_step
            WHERE county_code = \(bind: step.county) AND case_number = \(bind: step.caseNumber)
            """
        ).first()
        let sequence = try row?.decode(column: "n", as: Int64.self) ?? 1
        try await tx.sql.raw(
            """
            INSERT INTO monitoring_step (county_code, case_number, sequence, transition, step, stage, step_date, actor, level,
                                         notice_from, notice_to, note, state_after, recorded_at)
            VALUES (\(bind: step.county), \(bind: step.caseNumber), \(bind: sequence), \(bind: step.transition.rawValue),
                    \(bind: step.step?.token), \(bind: step.stage), \(bind: step.date.description), \(bind: step.actor),
                    \(bind: step.level?.token), \(bind: step.notice?.from.description), \(bind: step.notice?.to.description),
                    \(bind: step.note), \(bind: step.stateAfter), \(bind: step.recordedAt))
            """
        ).run()
    }

    public static func steps(county: String, number: Int, _ sql: any SQLDatabase) async throws -> [MonitoringStepEntry] {
        let rows = try await sql.raw(
            """
            SELECT county_code, case_number, transition, step, stage, step_date, actor, level, notice_from, notice_to, note,
                   state_after, recorded_at
            FROM monitoring_step WHERE county_code = \(bind: county) AND case_number = \(bind: number) ORDER BY sequence
            """
        ).all()
        return try rows.map { row in
            let t = "monitoring_step", key = "\(county)-\(number)"
            let transitionText = try row.storedText("transition", table: t, key: key)
            guard let transition = MonitoringTransition(rawValue: transitionText) else {
                throw StoredValueError(table: t, column: "transition", key: key, value: transitionText)
            }
            let from = try row.decodeNil(column: "notice_from") ? nil : try row.storedDate("notice_from", table: t, key: key)
            let to = try row.decodeNil(column: "notice_to") ? nil : try row.storedDate("notice_to", table: t, key: key)
            let stepText = try row.storedOptionalText("step", table: t, key: key)
            let levelText = try row.storedOptionalText("level", table: t, key: key)
            return MonitoringStepEntry(
                county: county, caseNumber: number, transition: transition, step: stepText.flatMap(WorkflowStep.init(token:)),
                stage: try row.decodeNil(column: "stage") ? nil : Int(try row.storedInt("stage", table: t, key: key)),
                date: try row.storedDate("step_date", table: t, key: key), actor: try row.storedText("actor", table: t, key: key),
                level: levelText.flatMap(ApprovalLevel.init(token:)), notice: from.flatMap { f in to.map { NoticePeriod(from: f, to: $0) } },
                note: try row.storedText("note", table: t, key: key), stateAfter: try row.storedText("state_after", table: t, key: key),
                recordedAt: try row.storedText("recorded_at", table: t, key: key))
        }
    }
}

/// One recorded transition of a case: who did what, at which stage, on which day.
public struct MonitoringStepEntry: Sendable, Hashable, Codable {
    public var county: String
    public var caseNumber: Int
    public var transition: MonitoringTransition
    public var step: WorkflowStep?
    public var stage: Int?
    public var date: CivilDate
    public var actor: String
    public var level: ApprovalLevel?
    public var notice: NoticePeriod?
    public var note: String
    /// The case's state token after the transition.
    public var stateAfter: String
    /// When it was recorded (the instant, ISO 8601).
    public var recordedAt: String

    public init(
        county: String, caseNumber: Int, transition: MonitoringTransition, step: WorkflowStep?, stage: Int?, date: CivilDate, actor: String,
        level: ApprovalLevel?, notice: NoticePeriod?, note: String, stateAfter: String, recordedAt: String
    ) {
        self.county = county
        self.caseNumber = caseNumber
        self.transition = transition
        self.step = step
        self.stage = stage
        self.date = date
        self.actor = actor
        self.level = level
        self.notice = notice
        self.note = note
        self.stateAfter = stateAfter
        self.recordedAt = recordedAt
    }
}

extension MonitoringQuery {
    /// The notices recorded in an area's cases: (case county, number, template id, stage, days).
    public static func notices(in area: AdminCode, _ sql: any SQLDatabase) async throws -> [RecordedNotice] {
        let filter = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT s.county_code, s.case_number, s.stage, s.step_date, s.notice_from, s.notice_to, s.state_after,
                   c.identification_template, c.elimination_template, c.village_code, c.household_number
            FROM monitoring_step s JOIN monitoring_case c ON c.county_code = s.county_code AND c.case_number = s.case_number
            WHERE s.county_code LIKE \(bind: filter.countyPattern) AND c.village_code LIKE \(bind: filter.codePattern)
              AND s.notice_from IS NOT NULL
            ORDER BY s.county_code, s.case_number, s.sequence
            """
        ).all()
        return try rows.map { row in
            let t = "monitoring_step", key = row.rawText("county_code") + "-" + row.rawText("case_number")
            let from = try row.storedDate("notice_from", table: t, key: key), to = try row.storedDate("notice_to", table: t, key: key)
            let stateAfter = try row.storedText("state_after", table: t, key: key)
            return RecordedNotice(
                county: try row.storedText("county_code", table: t, key: key), caseNumber: Int(try row.storedInt("case_number", table: t, key: key)),
                village: try row.storedAdminCode("village_code", table: t, key: key),
                household: try row.storedText("household_number", table: t, key: key),
                // A step of an elimination leaves the case eliminating or eliminated.
                template: stateAfter == "eliminating" || stateAfter == "riskEliminated"
                    ? try row.storedText("elimination_template", table: t, key: key)
                    : try row.storedText("identification_template", table: t, key: key),
                stage: try row.decodeNil(column: "stage") ? nil : Int(try row.storedInt("stage", table: t, key: key)),
                notice: NoticePeriod(from: from, to: to))
        }
    }

    /// Of the households with a case in `monitoring` in an area, those with a current member
    /// who can work (ordinary, skilled, weak or half labour).
    public static func ableToWorkMonitored(in area: AdminCode, _ sql: any SQLDatabase) async throws -> Set<String> {
        let filter = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT DISTINCT ms.county_code, ms.household_number FROM membership ms
            JOIN member m ON m.county_code = ms.county_code AND m.id_type = ms.id_type AND m.id_number = ms.id_number
            JOIN monitoring_case c ON c.county_code = ms.county_code AND c.household_number = ms.household_number
            WHERE c.county_code LIKE \(bind: filter.countyPattern) AND c.village_code LIKE \(bind: filter.codePattern)
              AND c.state = 'monitoring' AND ms.to_date IS NULL
              AND m.labour_capacity IN ('ordinary', 'skilled', 'weakOrHalf')
            """
        ).all()
        return Set(try rows.map { try $0.storedText("household_number", table: "membership", key: "") })
    }
}

/// A notice as recorded at a step of a case.
public struct RecordedNotice: Sendable, Hashable {
    public var county: String
    public var caseNumber: Int
    public var village: AdminCode
    public var household: String
    public var template: String
    public var stage: Int?
    public var notice: NoticePeriod
}

extension MonitoringQuery {
    /// The local risk codes as stored: `base:local` pairs, comma-separated, in the risks' order.
    static func localRisksText(_ c: MonitoringCase) -> String {
        c.risks.compactMap { risk in c.localRisks[risk].map { risk.token + ":" + $0 } }.joined(separator: ",")
    }

    static func localRisks(_ text: String) -> [RiskType: String]? {
        var local: [RiskType: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let risk = RiskType(token: String(parts[0])) else { return nil }
            local[risk] = String(parts[1])
        }
        return local
    }

    static let caseTable = BulkTable(
        "monitoring_case", caseColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } + ["sweep_year"])
    static let stepTable = BulkTable(
        "monitoring_step",
        [
            "county_code", "case_number", "sequence", "transition", "step", "stage", "step_date", "actor", "level", "notice_from", "notice_to",
            "note",
            "state_after", "recorded_at",
        ])

    /// From how many cases a bulk insert pauses the per-row triggers and raises each county's
    /// version once instead (on SQLite, dropping and creating the triggers again costs about as
    /// much as a thousand rows' triggers, and makes every connection prepare its statements again).
    public static let pausingFrom = 1_000

    /// Inserts new cases, each with its first step, in bulk (a sweep's leads). Each county's
    /// version is raised, so that no cached figure outlives the new cases: by the triggers,
    /// once per case, or, from `pausing` cases on, once per county with the triggers paused.
    public static func insertOpened(
        _ cases: [(MonitoringCase, MonitoringStepEntry)], sweepYear: Int?, pausingFrom pausing: Int = pausingFrom, in tx: StoreTransaction
    ) async throws {
        func text(_ s: String?) -> StoreValue { s.map { .text($0) } ?? .null }
        func int(_ n: Int?) -> StoreValue { n.map { .int(Int64($0)) } ?? .null }
        let caseRows: [[StoreValue]] = cases.map { c, _ in
            [
                .text(String(c.village.rawValue.prefix(6))), .int(Int64(c.number)), .text(c.household.rawValue), .text(c.village.rawValue),
                .text(c.channel.token), .text(c.leadDate.description), .text(c.identificationTemplate), .text(c.eliminationTemplate),
                text(c.deadline?.description), .text(c.state.token), int(c.state.stage), text(c.state.outcome), text(c.category?.token),
                .text(c.risks.map(\.token).joined(separator: ",")), .bool(c.greenChannel), .bool(c.noLabourSafetyNet), int(c.previousCase),
                text(c.identifiedOn?.description), text(c.eliminationMethod?.token), text(c.closedOn?.description), .text(c.lastStepDate.description),
                .text(localRisksText(c)), int(sweepYear),
            ]
        }
        let stepRows: [[StoreValue]] = cases.map { _, s in
            [
                .text(s.county), .int(Int64(s.caseNumber)), .int(1), .text(s.transition.rawValue), text(s.step?.token), int(s.stage),
                .text(s.date.description), .text(s.actor), text(s.level?.token), text(s.notice?.from.description), text(s.notice?.to.description),
                .text(s.note), .text(s.stateAfter), .text(s.recordedAt),
            ]
        }
        let write = {
            try await BulkLoad.insert(caseRows, into: caseTable, in: tx)
            try await BulkLoad.insert(stepRows, into: stepTable, in: tx)
        }
        guard cases.count >= pausing else { return try await write() }
        try await RegistryProjection.pausedVersioning(counties: Set(cases.map(\.1.county)), in: tx, write)
    }
}

extension MonitoringQuery {
    /// For a notice: each case's household head name and current size, by case reference.
    public static func heads(of cases: [MonitoringCase], _ sql: any SQLDatabase) async throws -> [String: (name: String, size: Int)] {
        var result: [String: (String, Int)] = [:]
        for c in cases {
            let county = String(c.village.rawValue.prefix(6))
            let rows = try await sql.raw(
                """
                SELECT ms.relation, m.name FROM membership ms
                JOIN member m ON m.county_code = ms.county_code AND m.id_type = ms.id_type AND m.id_number = ms.id_number
                WHERE ms.county_code = \(bind: county) AND ms.household_number = \(bind: c.household.rawValue) AND ms.to_date IS NULL
                """
            ).all()
            let head = try rows.first { try $0.storedText("relation", table: "membership", key: c.household.rawValue) == "head" }
            result[c.reference] = (try head.map { try $0.storedText("name", table: "member", key: c.household.rawValue) } ?? "", rows.count)
        }
        return result
    }

    public static func areaName(_ code: AdminCode, _ sql: any SQLDatabase) async throws -> String {
        try await sql.raw("SELECT name FROM area WHERE code = \(bind: code.rawValue)").first().map {
            try $0.storedText("name", table: "area", key: code.rawValue)
        }
            ?? code.rawValue
    }
}

extension MonitoringQuery {
    /// How many cases not closed follow the template `id` (in either procedure).
    public static func openCases(usingTemplate id: String, _ sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM monitoring_case
            WHERE state IN ('identifying', 'monitoring', 'eliminating') AND (identification_template = \(bind: id) OR elimination_template = \(bind: id))
            """
        ).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }
}
