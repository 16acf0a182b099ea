import SQLKit
import TuopinCore

/// Reads and writes approval surveys: the survey, the households on the roll it draws from, its
/// sample and the answers.
public enum SurveyQuery {
    static let columns = "county_code, survey_number, area_code, survey_year, title, stratum_level, per_stratum, seed, drawn_on, drawn_by"

    /// The households on the roll now (enrolled, not removed or closed) in the area, by the
    /// village or township they lie in: the candidates of a draw.
    public static func candidates(in area: AdminCode, by stratum: AreaLevel, _ sql: any SQLDatabase) async throws -> [AdminCode: [HouseholdNumber]] {
        let areas = AreaFilter(area)
        let onRoll = [PovertyStatus.notExited, .exitedWithPolicies, .returnedToPoverty, .exitedWithoutPolicies, .plannedExit].map(\.token)
        let rows = try await sql.raw(
            """
            SELECT household_number, village_code FROM household_current
            WHERE \(areas.counties("county_code")) AND village_code LIKE \(bind: areas.codePattern)
              AND status IN (\(binds: onRoll))
            """
        ).all()
        var out: [AdminCode: [HouseholdNumber]] = [:]
        let length = stratum == .township ? 9 : 12
        for row in rows {
            let t = "household_current", k = row.rawText("household_number")
            let village = try row.storedText("village_code", table: t, key: k)
            guard let code = try? AdminCode(String(village.prefix(length))) else {
                throw StoredValueError(table: t, column: "village_code", key: k, value: village)
            }
            guard let number = try? HouseholdNumber(k) else { throw StoredValueError(table: t, column: "household_number", key: k, value: k) }
            out[code, default: []].append(number)
        }
        return out
    }

    /// Stores a survey and its sample; returns the key.
    public static func insert(_ s: ApprovalSurvey, sample: [SurveySample], in tx: StoreTransaction) async throws -> SurveyKey {
        let county = s.key.county
        let row = try await tx.sql.raw(
            "SELECT COALESCE(MAX(survey_number), 0) + 1 AS n FROM approval_survey WHERE county_code = \(bind: county)"
        ).first()
        let key = SurveyKey(county: county, number: Int(try row?.decode(column: "n", as: Int64.self) ?? 1))
        try await tx.sql.raw(
            """
            INSERT INTO approval_survey (\(unsafeRaw: columns))
            VALUES (\(bind: county), \(bind: key.number), \(bind: s.area.rawValue), \(bind: s.year), \(bind: s.title), \(bind: s.stratum.token),
                    \(bind: s.perStratum), \(bind: String(s.seed)), \(bind: s.drawnOn.description), \(bind: s.drawnBy))
            """
        ).run()
        for chunk in stride(from: 0, to: sample.count, by: 200).map({ Array(sample[$0..<min($0 + 200, sample.count)]) }) {
            var query: SQLQueryString = """
                INSERT INTO survey_sample (county_code, survey_number, household_number, stratum_code, draw_order, note) VALUES
                """
            for (i, x) in chunk.enumerated() {
                query +=
                    "\(unsafeRaw: i == 0 ? "" : ",")(\(bind: county), \(bind: key.number), \(bind: x.household.rawValue), \(bind: x.stratum.rawValue), \(bind: x.order), '')"
            }
            try await tx.sql.raw(query).run()
        }
        return key
    }

    /// Records (or corrects) a sampled household's answer; false when the household is not in the sample.
    public static func answer(
        _ key: SurveyKey, household: HouseholdNumber, _ answer: Satisfaction, on date: CivilDate, note: String, by username: String,
        in tx: StoreTransaction
    ) async throws -> Bool {
        let found = try await tx.sql.raw(
            """
            SELECT 1 AS found FROM survey_sample
            WHERE county_code = \(bind: key.county) AND survey_number = \(bind: key.number) AND household_number = \(bind: household.rawValue)
            """
        ).first()
        guard found != nil else { return false }
        try await tx.sql.raw(
            """
            UPDATE survey_sample SET answer = \(bind: answer.token), answered_on = \(bind: date.description), note = \(bind: note),
                answered_by = \(bind: username)
            WHERE county_code = \(bind: key.county) AND survey_number = \(bind: key.number) AND household_number = \(bind: household.rawValue)
            """
        ).run()
        return true
    }

    public static func survey(_ key: SurveyKey, _ sql: any SQLDatabase) async throws -> ApprovalSurvey? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM approval_survey WHERE county_code = \(bind: key.county) AND survey_number = \(bind: key.number)"
        ).first().map(survey)
    }

    /// The surveys of an area or of any area inside it, the latest first.
    public static func surveys(in area: AdminCode, year: Int? = nil, _ sql: any SQLDatabase) async throws -> [ApprovalSurvey] {
        let areas = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM approval_survey
            WHERE \(areas.counties("county_code")) AND area_code LIKE \(bind: areas.codePattern)
            """
        if let year { query += " AND survey_year = \(bind: year)" }
        query += " ORDER BY drawn_on DESC, county_code, survey_number DESC"
        return try await sql.raw(query).all().map(survey)
    }

    public static func sample(of key: SurveyKey, _ sql: any SQLDatabase) async throws -> [SurveySample] {
        let t = "survey_sample"
        return try await sql.raw(
            """
            SELECT household_number, stratum_code, draw_order, answer, answered_on, note FROM survey_sample
            WHERE county_code = \(bind: key.county) AND survey_number = \(bind: key.number) ORDER BY stratum_code, draw_order
            """
        ).all().map { row in
            let k = "\(key)/" + row.rawText("household_number")
            let number = try row.storedText("household_number", table: t, key: k)
            guard let household = try? HouseholdNumber(number) else {
                throw StoredValueError(table: t, column: "household_number", key: k, value: number)
            }
            let answer = try row.storedOptionalText("answer", table: t, key: k).map { text in
                guard let a = Satisfaction(token: text) else { throw StoredValueError(table: t, column: "answer", key: k, value: text) }
                return a
            }
            return SurveySample(
                household: household, stratum: try row.storedAdminCode("stratum_code", table: t, key: k),
                order: Int(try row.storedInt("draw_order", table: t, key: k)), answer: answer,
                answeredOn: try row.decodeNil(column: "answered_on") ? nil : try row.storedDate("answered_on", table: t, key: k),
                note: try row.storedText("note", table: t, key: k))
        }
    }

    static func survey(_ row: any SQLRow) throws -> ApprovalSurvey {
        let t = "approval_survey"
        let k = row.rawText("county_code") + "-" + row.rawText("survey_number")
        let seedText = try row.storedText("seed", table: t, key: k)
        guard let seed = UInt64(seedText) else { throw StoredValueError(table: t, column: "seed", key: k, value: seedText) }
        return ApprovalSurvey(
            key: SurveyKey(
                county: try row.storedText("county_code", table: t, key: k), number: Int(try row.storedInt("survey_number", table: t, key: k))),
            area: try row.storedAdminCode("area_code", table: t, key: k), year: try row.storedYear("survey_year", table: t, key: k),
            title: try row.storedText("title", table: t, key: k), stratum: try row.storedCode("stratum_level", as: AreaLevel.self, table: t, key: k),
            perStratum: Int(try row.storedInt("per_stratum", table: t, key: k)), seed: seed,
            drawnOn: try row.storedDate("drawn_on", table: t, key: k), drawnBy: try row.storedText("drawn_by", table: t, key: k))
    }
}
