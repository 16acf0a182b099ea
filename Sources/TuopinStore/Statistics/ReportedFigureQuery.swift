import SQLKit
import TuopinCore

/// The reported series: published figures by area, date and indicator.
public enum ReportedFigureQuery {
    public static func save(_ f: ReportedFigure, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM reported_figure WHERE area_code = \(bind: f.area.rawValue) AND as_of = \(bind: f.asOf.description)
              AND indicator = \(bind: f.indicator.token)
            """
        ).run()
        try await tx.sql.raw(
            """
            INSERT INTO reported_figure (area_code, as_of, indicator, value, source)
            VALUES (\(bind: f.area.rawValue), \(bind: f.asOf.description), \(bind: f.indicator.token), \(bind: f.value.description), \(bind: f.source))
            """
        ).run()
    }

    /// The area's figures dated on or before `asOf` (every date when nil), by date then indicator.
    public static func figures(of area: AdminCode, asOf: CivilDate?, _ sql: any SQLDatabase) async throws -> [ReportedFigure] {
        var query: SQLQueryString = "SELECT area_code, as_of, indicator, value, source FROM reported_figure WHERE area_code = \(bind: area.rawValue)"
        if let asOf { query += " AND as_of <= \(bind: asOf.description)" }
        query += " ORDER BY as_of, indicator"
        return try await sql.raw(query).all().map { row in
            let t = "reported_figure", key = row.rawText("area_code") + "@" + row.rawText("as_of")
            let valueText = try row.storedText("value", table: t, key: key)
            guard let value = try? FixedDecimal(valueText) else { throw StoredValueError(table: t, column: "value", key: key, value: valueText) }
            return ReportedFigure(
                area: try row.storedAdminCode("area_code", table: t, key: key), asOf: try row.storedDate("as_of", table: t, key: key),
                indicator: try row.storedCode("indicator", as: HeadlineIndicator.self, table: t, key: key), value: value,
                source: try row.storedText("source", table: t, key: key))
        }
    }

    /// REFERENCE §5.5.
    static var seed: [ReportedFigure] {
        let page = "衡阳日报 2020-10-16（2020-10-15 新闻发布会）"
        let city = page + "；未独立核实"
        let hengdong = "https://tech.sina.com.cn/roll/2020-09-18/doc-iivhuipp5142752.shtml"
        let rows: [(String, String, HeadlineIndicator, String, String)] = [
            ("430481", "2020-10-15", .enrolledHouseholds, "14466", page), ("430481", "2020-10-15", .enrolledPeople, "43172", page),
            ("430481", "2020-10-15", .exitedHouseholds, "13454", page), ("430481", "2020-10-15", .exitedPeople, "40974", page),
            ("430481", "2020-10-15", .remainingHouseholds, "1012", page), ("430481", "2020-10-15", .remainingPeople, "2198", page),
            ("430481", "2020-10-15", .incidencePercent, "0.18", page), ("430481", "2020-10-15", .poorVillagesExited, "34", page),
            ("430400", "2020-10-15", .incidencePercent, "0.26", city), ("430400", "2020-10-15", .baselineIncidencePercent, "7.1", city),
            ("430400", "2020-10-15", .poorVillagesExited, "322", city), ("430400", "2020-10-15", .cumulativeReduction, "307000", city),
            ("430424", "2020-09-18", .enrolledHouseholds, "8306", hengdong), ("430424", "2020-09-18", .enrolledPeople, "25894", hengdong),
            ("430424", "2020-09-18", .exitedHouseholds, "7284", hengdong), ("430424", "2020-09-18", .exitedPeople, "23833", hengdong),
            ("430424", "2020-09-18", .incidencePercent, "0.31", hengdong), ("430424", "2020-09-18", .baselineIncidencePercent, "5.81", hengdong),
            ("430424", "2020-09-18", .poorVillagesExited, "33", hengdong),
        ]
        return rows.map { area, date, indicator, value, source in
            ReportedFigure(
                area: try! AdminCode(area), asOf: try! CivilDate(date), indicator: indicator, value: try! FixedDecimal(value), source: source)
        }
    }
}
