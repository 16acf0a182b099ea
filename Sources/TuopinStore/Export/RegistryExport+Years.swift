import SQLKit
import TuopinCore

/// The yearly facts and special-group tags, in the columns of `RegistryFile`.
extension RegistryExport {
    /// Boolean columns that may be unknown (NULL, written as an empty field).
    static let optionalBooleans: Set<String> = Set(["safe_drinking_water", "sanitary_toilet"] + VillageConditionColumns.names)
    /// Special groups that tell a health condition (masked in a masked export).
    static let healthGroups: Set<String> = ["severeDisability"]
    static let booleanColumns: Set<String> = [
        "medical_assistance", "safe_drinking_water", "sanitary_toilet", "is_active_soldier", "medical_insured", "serious_illness_insured",
        "resident_pension", "employee_pension", "receives_dibao", "receives_tekun", "public_welfare_job",
    ]

    /// The special-group code table, every group (a tag names one).
    static func groupRows(sql: any SQLDatabase, _ sink: RowSink) async throws {
        for group in try await SpecialGroupQuery.groups(sql).sorted(by: { $0.token < $1.token }) {
            sink.emit { [group.token, CSVText.neutralized(group.label.zh), CSVText.neutralized(group.label.en)] }
        }
    }

    static func yearRows(of file: RegistryFile, sql: any SQLDatabase, filter: AreaFilter, masked: Bool, _ sink: RowSink) async throws {
        let c = filter.countyPattern, a = filter.codePattern
        let (table, order): (String, String) =
            switch file {
            case .householdYears: ("household_year", "t.year")
            case .memberYears: ("member_year", "t.year, t.id_type, t.id_number")
            default: ("special_group_tag", "t.group_token, t.from_date")
            }
        // The table and order are fixed names from the switch above.
        try await sql.raw(
            """
            SELECT t.* FROM \(unsafeRaw: table) t
            JOIN household h ON h.county_code = t.county_code AND h.household_number = t.household_number
            WHERE t.county_code LIKE \(bind: c) AND h.village_code LIKE \(bind: a)
            ORDER BY t.county_code, t.household_number, \(unsafeRaw: order)
            """
        ).run { row in
            sink.emit {
                try file.columns.map { column in
                    let stored = column == "group" ? "group_token" : column
                    if booleanColumns.contains(column) { return try row.bool(stored) }
                    let value = ["relocation_site", "note"].contains(column) ? try row.text(stored) : try row.csv(stored)
                    guard masked else { return value }
                    switch column {
                    case "id_number": return Masking.identityNumber(value)
                    case "health", "disability_category", "disability_grade", "note": return Masking.privateField(value)
                    // A group that names a health condition is health information too.
                    case "group" where healthGroups.contains(value): return Masking.privateField(value)
                    default: return value
                    }
                }
            }
        }
    }
}
