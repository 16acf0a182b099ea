import SQLKit
import TuopinCore

/// Reads and writes the sample checks of the registry's quality, and adds up, for an area and a
/// year, the checks and the approval surveys' answers under each of its children.
public enum QualityAssessmentQuery {
    static let columns = """
        county_code, assessment_number, area_code, assessment_year, body, sampled_exited, wrongly_exited, sampled_non_enrolled,
        verified_missed, sampled_enrolled, wrongly_included, checked_on, note, recorded_by
        """

    /// Stores a check; returns its key.
    public static func insert(_ a: QualityAssessment, in tx: StoreTransaction) async throws -> AssessmentKey {
        let county = a.key.county
        let row = try await tx.sql.raw(
            "SELECT COALESCE(MAX(assessment_number), 0) + 1 AS n FROM quality_assessment WHERE county_code = \(bind: county)"
        ).first()
        let key = AssessmentKey(county: county, number: Int(try row?.decode(column: "n", as: Int64.self) ?? 1))
        let s = a.sample
        try await tx.sql.raw(
            """
            INSERT INTO quality_assessment (\(unsafeRaw: columns))
            VALUES (\(bind: county), \(bind: key.number), \(bind: a.area.rawValue), \(bind: a.year), \(bind: a.body.token),
                    \(bind: s.sampledExited), \(bind: s.wronglyExited), \(bind: s.sampledNonEnrolled), \(bind: s.verifiedMissed),
                    \(bind: s.sampledEnrolled), \(bind: s.wronglyIncluded), \(bind: a.checkedOn.description), \(bind: a.note), \(bind: a.recordedBy))
            """
        ).run()
        return key
    }

    /// The checks of an area or of any area inside it, the latest first.
    public static func assessments(in area: AdminCode, year: Int? = nil, _ sql: any SQLDatabase) async throws -> [QualityAssessment] {
        let areas = AreaFilter(area)
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM quality_assessment
            WHERE \(areas.counties("county_code")) AND area_code LIKE \(bind: areas.codePattern)
            """
        if let year { query += " AND assessment_year = \(bind: year)" }
        query += " ORDER BY checked_on DESC, county_code, assessment_number DESC"
        return try await sql.raw(query).all().map(assessment)
    }

    /// The year's checks inside `area`, added up by the area each was made in.
    public static func samples(in area: AdminCode, year: Int, _ sql: any SQLDatabase) async throws -> [String: QualitySample] {
        let areas = AreaFilter(area)
        let rows = try await sql.raw(
            """
            SELECT area_code,
                   CAST(SUM(sampled_exited) AS BIGINT) AS se, CAST(SUM(wrongly_exited) AS BIGINT) AS we,
                   CAST(SUM(sampled_non_enrolled) AS BIGINT) AS sn, CAST(SUM(verified_missed) AS BIGINT) AS vm,
                   CAST(SUM(sampled_enrolled) AS BIGINT) AS sen, CAST(SUM(wrongly_included) AS BIGINT) AS wi
            FROM quality_assessment
            WHERE \(areas.counties("county_code")) AND area_code LIKE \(bind: areas.codePattern) AND assessment_year = \(bind: year)
            GROUP BY area_code
            """
        ).all()
        var out: [String: QualitySample] = [:]
        for row in rows {
            func n(_ c: String) throws -> Int64 { try row.decode(column: c, as: Int64?.self) ?? 0 }
            out[try row.decode(column: "area_code", as: String.self)] = QualitySample(
                sampledExited: try n("se"), wronglyExited: try n("we"), sampledNonEnrolled: try n("sn"), verifiedMissed: try n("vm"),
                sampledEnrolled: try n("sen"), wronglyIncluded: try n("wi"))
        }
        return out
    }

    /// The answers to the year's approval surveys inside `area` (households reached, and of them
    /// approving), added up by the village or township each household was drawn in. A household
    /// sampled by several surveys of the year counts once, with its answer to the latest.
    public static func approval(in area: AdminCode, year: Int, _ sql: any SQLDatabase) async throws -> [String: (surveyed: Int64, approving: Int64)] {
        let areas = AreaFilter(area)
        let reached = Satisfaction.allCases.filter(\.surveyed).map(\.token)
        let approving = Satisfaction.allCases.filter(\.approves).map(\.token)
        let rows = try await sql.raw(
            """
            SELECT stratum_code,
                   CAST(SUM(CASE WHEN answer IN (\(binds: reached)) THEN 1 ELSE 0 END) AS BIGINT) AS surveyed,
                   CAST(SUM(CASE WHEN answer IN (\(binds: approving)) THEN 1 ELSE 0 END) AS BIGINT) AS approving
            FROM (
                SELECT s.stratum_code, s.answer,
                       ROW_NUMBER() OVER (PARTITION BY s.county_code, s.household_number ORDER BY v.drawn_on DESC, s.survey_number DESC) AS rn
                FROM survey_sample s
                JOIN approval_survey v ON v.county_code = s.county_code AND v.survey_number = s.survey_number
                WHERE \(areas.counties("s.county_code")) AND s.stratum_code LIKE \(bind: areas.codePattern) AND v.survey_year = \(bind: year)
                  AND s.answer IS NOT NULL
            ) answers
            WHERE rn = 1
            GROUP BY stratum_code
            """
        ).all()
        var out: [String: (surveyed: Int64, approving: Int64)] = [:]
        for row in rows {
            out[try row.decode(column: "stratum_code", as: String.self)] = (
                try row.decode(column: "surveyed", as: Int64?.self) ?? 0, try row.decode(column: "approving", as: Int64?.self) ?? 0
            )
        }
        return out
    }

    static func assessment(_ row: any SQLRow) throws -> QualityAssessment {
        let t = "quality_assessment"
        let k = row.rawText("county_code") + "-" + row.rawText("assessment_number")
        func n(_ c: String) throws -> Int64 { try row.storedInt(c, table: t, key: k) }
        return QualityAssessment(
            key: AssessmentKey(county: try row.storedText("county_code", table: t, key: k), number: Int(try n("assessment_number"))),
            area: try row.storedAdminCode("area_code", table: t, key: k), year: try row.storedYear("assessment_year", table: t, key: k),
            body: try row.storedCode("body", as: AssessmentBody.self, table: t, key: k),
            sample: QualitySample(
                sampledExited: try n("sampled_exited"), wronglyExited: try n("wrongly_exited"), sampledNonEnrolled: try n("sampled_non_enrolled"),
                verifiedMissed: try n("verified_missed"), sampledEnrolled: try n("sampled_enrolled"), wronglyIncluded: try n("wrongly_included")),
            checkedOn: try row.storedDate("checked_on", table: t, key: k), note: try row.storedText("note", table: t, key: k),
            recordedBy: try row.storedText("recorded_by", table: t, key: k))
    }
}
