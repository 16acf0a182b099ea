import SQLKit
import TuopinCore

/// The roll-up reports R-03, R-04, R-05, R-06, R-13 and R-15 (`RollupReport`) for an area as of a
/// date, grouped by area key like `StatusCountQuery`: each household's status and people on the
/// date come from the projection rewound to it, so every report rests on the same roll as R-01.
public enum RollupQuery {
    public static func rollup(
        _ sql: any SQLDatabase, _ report: RollupReport, area: AdminCode, asOf: CivilDate, groupBy: AreaLevel? = nil
    ) async throws -> Rollup {
        let q = Parts(filter: AreaFilter(area), date: asOf.description, keyLength: (groupBy ?? area.level).codeLength)
        var rollup = Rollup(report: report)
        for dimension in report.dimensions {
            for row in try await sql.raw(q.query(dimension, year: asOf.year)).all() {
                let key = StatusCountQuery.normalise(try row.storedText("area_key", table: "household", key: area.rawValue))
                let category = try row.storedOptionalText("category", table: dimension.rawValue, key: key) ?? RollupCell.unrecorded
                let households = try row.storedInt("households", table: dimension.rawValue, key: key)
                let people = try row.storedInt("people", table: dimension.rawValue, key: key)
                let amount = try row.storedInt("amount", table: dimension.rawValue, key: key)
                rollup.add(area: key, dimension: dimension, category: category, households: Int(households), people: Int(people), amountFen: amount)
            }
        }
        return rollup
    }

    /// The SQL of each dimension. Tokens and lengths in it come from code, never from input.
    struct Parts {
        let filter: AreaFilter
        let date: String
        let keyLength: Int

        /// Every household of the area with its status (NULL before its first event) and its
        /// people on the date.
        var asOf: SQLQueryString { HouseholdAsOf.rows(filter, on: date) }

        /// The households on the roll (建档立卡) on the date.
        var enrolled: SQLQueryString {
            let statuses = PovertyStatus.allCases.filter(\.isEnrolled).map { "'\($0.token)'" }.joined(separator: ", ")
            return "SELECT * FROM (\(asOf)) households WHERE status IN (\(unsafeRaw: statuses))"
        }

        var key: SQLQueryString { "SUBSTR(r.village_code, 1, \(unsafeRaw: String(keyLength)))" }

        /// R-09: the amounts of the measures begun by the date, per household and `category`
        /// (an expression over `assistance_measure`); a household counts once per category.
        func funds(_ category: SQLQueryString, join: SQLQueryString = "") -> SQLQueryString {
            """
            SELECT \(key) AS area_key, a.category AS category, COUNT(*) AS households, CAST(COALESCE(SUM(r.people), 0) AS BIGINT) AS people,
                   CAST(COALESCE(SUM(a.amount), 0) AS BIGINT) AS amount
            FROM (\(asOf)) r
            JOIN (SELECT county_code, household_number, \(category) AS category, SUM(COALESCE(amount_fen, 0)) AS amount
                  FROM assistance_measure \(join)
                  WHERE county_code LIKE \(bind: filter.countyPattern) AND start_date <= \(bind: date)
                  GROUP BY county_code, household_number, \(category)) a
              ON a.county_code = r.county_code AND a.household_number = r.household_number
            GROUP BY 1, 2
            """
        }

        /// A household dimension: `category` is an expression over the roll `r` and `y`, the
        /// household's yearly row of the date's year (LEFT JOINed when `yearly`).
        func households(_ category: SQLQueryString, year: Int? = nil) -> SQLQueryString {
            let yearly: SQLQueryString =
                year.map {
                    """
                    LEFT JOIN household_year y ON y.county_code = r.county_code AND y.household_number = r.household_number AND y.year = \(bind: $0)
                    """
                } ?? ""
            return """
                SELECT \(key) AS area_key, \(category) AS category, COUNT(*) AS households, CAST(COALESCE(SUM(r.people), 0) AS BIGINT) AS people,
                       CAST(0 AS BIGINT) AS amount
                FROM (\(enrolled)) r
                JOIN household h ON h.county_code = r.county_code AND h.household_number = r.household_number
                \(yearly)
                GROUP BY 1, 2
                """
        }

        /// A member dimension over the enrolled households' members on the date (`m` the member).
        func members(_ category: SQLQueryString) -> SQLQueryString {
            """
            SELECT \(key) AS area_key, \(category) AS category, COUNT(DISTINCT r.county_code || r.household_number) AS households,
                   COUNT(*) AS people, CAST(0 AS BIGINT) AS amount
            FROM (\(enrolled)) r
            JOIN membership ms ON ms.county_code = r.county_code AND ms.household_number = r.household_number
              AND ms.from_date <= \(bind: date) AND (ms.to_date IS NULL OR ms.to_date > \(bind: date))
            JOIN member m ON m.county_code = ms.county_code AND m.id_type = ms.id_type AND m.id_number = ms.id_number
            GROUP BY 1, 2
            """
        }

        /// A monitoring dimension: the households of the area with a case that `condition` (over
        /// the case `mc`) selects, each once per `category` (an expression over `mc`, and `t`, the
        /// risk types, when `perRisk`), with their people on the date.
        func cases(_ category: SQLQueryString, where condition: SQLQueryString, perRisk: Bool = false) -> SQLQueryString {
            let risks = RiskType.allCases.map { "SELECT '\($0.token)' AS token" }.joined(separator: " UNION ALL ")
            let join: SQLQueryString = perRisk ? "JOIN (\(unsafeRaw: risks)) t ON ',' || mc.risks || ',' LIKE '%,' || t.token || ',%'" : ""
            return """
                SELECT \(key) AS area_key, c.category AS category, COUNT(*) AS households, CAST(COALESCE(SUM(r.people), 0) AS BIGINT) AS people,
                       CAST(0 AS BIGINT) AS amount
                FROM (\(asOf)) r
                JOIN (SELECT DISTINCT mc.county_code, mc.household_number, \(category) AS category FROM monitoring_case mc \(join)
                      WHERE mc.county_code LIKE \(bind: filter.countyPattern) AND \(condition)) c
                  ON c.county_code = r.county_code AND c.household_number = r.household_number
                GROUP BY 1, 2
                """
        }

        /// Cases under monitoring on the date: identified by then and not closed.
        var underMonitoring: SQLQueryString {
            "mc.identified_on <= \(bind: date) AND (mc.closed_on IS NULL OR mc.closed_on > \(bind: date)) AND mc.category IS NOT NULL"
        }

        /// `yes`/`no`/unrecorded for a stored boolean.
        func flag(_ column: String) -> SQLQueryString {
            "CASE WHEN \(unsafeRaw: column) IS NULL THEN '\(unsafeRaw: RollupCell.unrecorded)' WHEN \(unsafeRaw: column) THEN 'true' ELSE 'false' END"
        }

        func query(_ dimension: RollupDimension, year: Int) -> SQLQueryString {
            let age: SQLQueryString = """
                (CAST(SUBSTR(\(bind: date), 1, 4) AS INTEGER) - CAST(SUBSTR(m.birth_date, 1, 4) AS INTEGER)
                 - CASE WHEN SUBSTR(m.birth_date, 6, 5) > SUBSTR(\(bind: date), 6, 5) THEN 1 ELSE 0 END)
                """
            switch dimension {
            case .mainCause: return households("h.main_cause")
            case .health: return members("m.health")
            case .labourCapacity: return members("m.labour_capacity")
            case .education: return members("m.education")
            case .studentStatus: return members("m.student_status")
            case .ageBand:
                return members(
                    """
                    CASE WHEN \(age) <= 16 THEN '\(unsafeRaw: AgeBand.upTo16.rawValue)' WHEN \(age) <= 59 THEN '\(unsafeRaw: AgeBand.from17To59.rawValue)'
                         ELSE '\(unsafeRaw: AgeBand.from60.rawValue)' END
                    """)
            case .dangerGrade: return households("COALESCE(y.danger_grade, '\(unsafeRaw: RollupCell.unrecorded)')", year: year)
            case .safeDrinkingWater: return households(flag("y.safe_drinking_water"), year: year)
            case .waterSource: return households("COALESCE(y.water_source, '\(unsafeRaw: RollupCell.unrecorded)')", year: year)
            case .sanitaryToilet: return households(flag("y.sanitary_toilet"), year: year)
            case .accessRoad: return households("COALESCE(y.access_road, '\(unsafeRaw: RollupCell.unrecorded)')", year: year)
            case .measureKind:
                // Measures begun on or before the date, per household and category, with their amounts.
                return """
                    SELECT \(key) AS area_key, a.kind AS category, COUNT(*) AS households, CAST(COALESCE(SUM(r.people), 0) AS BIGINT) AS people,
                           CAST(COALESCE(SUM(a.amount), 0) AS BIGINT) AS amount
                    FROM (\(asOf)) r
                    JOIN (SELECT county_code, household_number, kind, SUM(COALESCE(amount_fen, 0)) AS amount FROM assistance_measure
                          WHERE county_code LIKE \(bind: filter.countyPattern) AND start_date <= \(bind: date)
                          GROUP BY county_code, household_number, kind) a
                      ON a.county_code = r.county_code AND a.household_number = r.household_number
                    GROUP BY 1, 2
                    """
            case .fundingLevel:
                // A source without a row of its own takes the default grouping; a local code's token, other.
                let fallback = FundingLevel.reference.sorted { $0.key.token < $1.key.token }
                    .map { "WHEN '\($0.key.token)' THEN '\($0.value.token)'" }.joined(separator: " ")
                return funds(
                    """
                    CASE WHEN funding IS NULL THEN '\(unsafeRaw: RollupCell.unrecorded)'
                         ELSE COALESCE(fl.funding_level, CASE funding \(unsafeRaw: fallback) ELSE '\(unsafeRaw: FundingLevel.other.token)' END) END
                    """, join: "LEFT JOIN funding_level fl ON fl.funding_source = funding")
            case .fundingSource: return funds("COALESCE(funding, '\(unsafeRaw: RollupCell.unrecorded)')")
            case .fundingProject: return funds("COALESCE(NULLIF(TRIM(project), ''), '\(unsafeRaw: RollupCell.unrecorded)')")
            case .fundingYear: return funds("SUBSTR(start_date, 1, 4)")
            case .monitoredCoverage:
                // Households under monitoring on the date, with or without a measure begun by then.
                return """
                    SELECT \(key) AS area_key,
                           CASE WHEN EXISTS (SELECT 1 FROM assistance_measure a WHERE a.county_code = r.county_code
                                             AND a.household_number = r.household_number AND a.start_date <= \(bind: date))
                                THEN 'true' ELSE 'false' END AS category,
                           COUNT(*) AS households, CAST(COALESCE(SUM(r.people), 0) AS BIGINT) AS people, CAST(0 AS BIGINT) AS amount
                    FROM (\(asOf)) r
                    WHERE EXISTS (SELECT 1 FROM monitoring_case mc WHERE mc.county_code = r.county_code AND mc.household_number = r.household_number
                                  AND mc.identified_on <= \(bind: date) AND (mc.closed_on IS NULL OR mc.closed_on > \(bind: date)))
                    GROUP BY 1, 2
                    """
            case .monitoredCategory: return cases("mc.category", where: underMonitoring)
            case .riskType: return cases("t.token", where: underMonitoring, perRisk: true)
            case .newCases:
                return cases(
                    "mc.category",
                    where: "mc.identified_on >= \(bind: "\(year)-01-01") AND mc.identified_on <= \(bind: date) AND mc.category IS NOT NULL")
            case .eliminationMethod:
                // A case removed later keeps its elimination (as in the monitoring figures).
                return cases("mc.elimination_method", where: "mc.closed_on <= \(bind: date) AND mc.elimination_method IS NOT NULL")
            case .caseState:
                return cases(
                    """
                    CASE WHEN mc.closed_on <= \(bind: date) AND mc.elimination_method IS NOT NULL THEN '\(unsafeRaw: CaseStateOnDate.eliminated.rawValue)'
                         WHEN mc.closed_on <= \(bind: date) THEN '\(unsafeRaw: CaseStateOnDate.closed.rawValue)'
                         WHEN mc.identified_on <= \(bind: date) THEN '\(unsafeRaw: CaseStateOnDate.monitored.rawValue)'
                         ELSE '\(unsafeRaw: CaseStateOnDate.identifying.rawValue)' END
                    """, where: "mc.lead_date <= \(bind: date)")
            case .helper:
                return households(
                    """
                    CASE WHEN EXISTS (SELECT 1 FROM cadre_assignment ca WHERE ca.county_code = r.county_code AND ca.household_number = r.household_number
                                      AND ca.from_date <= \(bind: date) AND (ca.to_date IS NULL OR ca.to_date > \(bind: date)))
                         THEN 'true' ELSE 'false' END
                    """)
            case .changeKind:
                // Status events of the date's year up to the date, a household once per kind.
                return """
                    SELECT \(key) AS area_key, e.kind AS category, COUNT(*) AS households, CAST(COALESCE(SUM(r.people), 0) AS BIGINT) AS people,
                           CAST(0 AS BIGINT) AS amount
                    FROM (\(asOf)) r
                    JOIN (SELECT DISTINCT county_code, household_number, kind FROM status_event
                          WHERE county_code LIKE \(bind: filter.countyPattern) AND effective_date >= \(bind: "\(year)-01-01")
                            AND effective_date <= \(bind: date)) e
                      ON e.county_code = r.county_code AND e.household_number = r.household_number
                    GROUP BY 1, 2
                    """
            }
        }
    }
}
