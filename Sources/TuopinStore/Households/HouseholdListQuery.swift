import SQLKit
import TuopinCore

/// The households of an area for the list and search pages, a page at a time, from the
/// maintained projection (`household_current`: status and people now) with each household's
/// current head.
///
/// ```swift
/// let (rows, total) = try await HouseholdListQuery.page(sql, HouseholdListQuery.Filter(area: village, text: "刘"), offset: 0, limit: 50)
/// ```
public enum HouseholdListQuery {
    public struct Filter: Sendable, Equatable {
        public var area: AdminCode
        /// A household number (or its first digits), an ID number (of anyone who was ever a
        /// member), or part of a current member's name.
        public var text: String?
        public var status: PovertyStatus?
        public var attribute: PovertyAttribute?
        public var cause: PovertyCause?
        /// Only households with a monitoring case open today (led, not closed).
        public var monitored = false
        /// Only households whose open case is identified in this monitoring category.
        public var category: MonitoringCategory?
        /// Only households tagged now (the tag not ended) with this special group's token.
        public var group: String?

        public init(
            area: AdminCode, text: String? = nil, status: PovertyStatus? = nil, attribute: PovertyAttribute? = nil, cause: PovertyCause? = nil,
            monitored: Bool = false
        ) {
            self.area = area
            self.text = text
            self.status = status
            self.attribute = attribute
            self.cause = cause
            self.monitored = monitored
        }
    }

    public struct Row: Sendable, Equatable {
        public var household: HouseholdNumber
        public var village: AdminCode
        public var villageName: String
        public var status: PovertyStatus?
        public var attribute: PovertyAttribute
        public var people: Int
        /// The current head's name and ID number (nil when the household has none).
        public var headName: String?
        public var headIdNumber: String?
    }

    /// One page of the households the filter selects, by household number, and how many it selects.
    public static func page(_ sql: any SQLDatabase, _ filter: Filter, offset: Int, limit: Int) async throws -> (rows: [Row], total: Int) {
        let conditions = Self.conditions(filter)
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM household_current c JOIN household h ON \(joinOn) WHERE \(conditions)").first()
            .map { Int(try $0.storedInt("n", table: "household_current", key: filter.area.rawValue)) } ?? 0
        let rows = try await sql.raw(
            """
            SELECT c.household_number, c.village_code, COALESCE(a.name, c.village_code) AS village_name, c.status, c.people, h.poverty_attribute,
                   (SELECT m.name FROM membership ms JOIN member m ON m.county_code = ms.county_code AND m.id_type = ms.id_type AND m.id_number = ms.id_number
                    WHERE ms.county_code = c.county_code AND ms.household_number = c.household_number AND ms.to_date IS NULL
                      AND ms.relation = \(bind: RelationToHead.head.token) ORDER BY ms.from_date DESC LIMIT 1) AS head_name,
                   (SELECT ms.id_number FROM membership ms
                    WHERE ms.county_code = c.county_code AND ms.household_number = c.household_number AND ms.to_date IS NULL
                      AND ms.relation = \(bind: RelationToHead.head.token) ORDER BY ms.from_date DESC LIMIT 1) AS head_id
            FROM household_current c
            JOIN household h ON \(joinOn)
            LEFT JOIN area a ON a.code = c.village_code
            WHERE \(conditions)
            ORDER BY c.household_number
            LIMIT \(bind: max(0, limit)) OFFSET \(bind: max(0, offset))
            """
        ).all().map { row in
            let t = "household_current", key = row.rawText("household_number")
            return Row(
                household: try row.storedHousehold("household_number", table: t, key: key),
                village: try row.storedAdminCode("village_code", table: t, key: key),
                villageName: try row.storedText("village_name", table: "area", key: key),
                status: try row.storedOptionalText("status", table: t, key: key).map {
                    guard let s = PovertyStatus(token: $0) else { throw StoredValueError(table: t, column: "status", key: key, value: $0) }
                    return s
                },
                attribute: try row.storedCode("poverty_attribute", as: PovertyAttribute.self, table: "household", key: key),
                people: Int(try row.storedInt("people", table: t, key: key)),
                headName: try row.storedOptionalText("head_name", table: "member", key: key),
                headIdNumber: try row.storedOptionalText("head_id", table: "membership", key: key))
        }
        return (rows, total)
    }

    static let joinOn: SQLQueryString = "h.county_code = c.county_code AND h.household_number = c.household_number"

    /// The filter as SQL over `c` (household_current) and `h` (household). Values are bound;
    /// `LIKE` patterns escape the user's `%`, `_` and `\`.
    static func conditions(_ f: Filter) -> SQLQueryString {
        let area = AreaFilter(f.area)
        var sql: SQLQueryString = "\(area.counties("c.county_code")) AND c.village_code LIKE \(bind: area.codePattern)"
        if let status = f.status { sql += " AND c.status = \(bind: status.token)" }
        if let attribute = f.attribute { sql += " AND h.poverty_attribute = \(bind: attribute.token)" }
        if let cause = f.cause { sql += " AND h.main_cause = \(bind: cause.token)" }
        if f.monitored {
            sql += """
                 AND EXISTS (SELECT 1 FROM monitoring_case mc WHERE mc.county_code = c.county_code AND mc.household_number = c.household_number
                             AND mc.closed_on IS NULL)
                """
        }
        if let category = f.category {
            sql += """
                 AND EXISTS (SELECT 1 FROM monitoring_case mc WHERE mc.county_code = c.county_code AND mc.household_number = c.household_number
                             AND mc.closed_on IS NULL AND mc.category = \(bind: category.token))
                """
        }
        if let group = f.group {
            sql += """
                 AND EXISTS (SELECT 1 FROM special_group_tag g WHERE g.county_code = c.county_code AND g.household_number = c.household_number
                             AND g.group_token = \(bind: group) AND g.to_date IS NULL)
                """
        }
        let text = (f.text ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return sql }
        let isDigits = text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        if text.utf8.count == 18 && text.utf8.dropLast().allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            // An ID number: households any person of that number ever belonged to.
            sql += """
                 AND (c.county_code, c.household_number) IN (
                     SELECT ms.county_code, ms.household_number FROM membership ms
                     WHERE \(area.counties("ms.county_code")) AND ms.id_type = \(bind: IdentityType.residentIdentityCard.token)
                       AND ms.id_number = \(bind: text.uppercased()))
                """
        } else if isDigits {
            sql += " AND c.household_number LIKE \(bind: escaped(text) + "%") ESCAPE '\\'"
        } else {
            // A name: the matching people first (one pass over the area's members), then their
            // current households.
            sql += """
                 AND (c.county_code, c.household_number) IN (
                     SELECT ms.county_code, ms.household_number FROM member m
                     JOIN membership ms ON ms.county_code = m.county_code AND ms.id_type = m.id_type AND ms.id_number = m.id_number
                       AND ms.to_date IS NULL
                     WHERE \(area.counties("m.county_code")) AND m.name LIKE \(bind: "%" + escaped(text) + "%") ESCAPE '\\')
                """
        }
        return sql
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
