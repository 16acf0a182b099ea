import TuopinCore

/// The registry's CSV exchange format (docs/CSV-FORMAT.md): one file per kind of row, UTF-8,
/// a header line naming the columns, RFC 4180 quoting. Export writes these columns in this order;
/// import finds them by name, so column order in hand-made files does not matter.
public enum RegistryFile: String, CaseIterable, Sendable, Comparable {
    case areas
    case areaEvents = "area_events"
    case villageProfiles = "village_profiles"
    /// The special-group code table (built-in and added groups), before the tags that name them.
    case specialGroups = "special_groups"
    /// The local codes an administrator added to the causes, risks and measure kinds (REFERENCE §2.6).
    case localCodes = "local_codes"
    case households
    case statusEvents = "status_events"
    case members
    case incomes
    /// Yearly facts (REFERENCE §2.1, §2.4): optional files; rows of households in this import.
    case householdYears = "household_years"
    case memberYears = "member_years"
    case householdGroups = "household_groups"

    public var fileName: String { rawValue + ".csv" }

    /// The format file another name is a spelling of, if any: compared by the name's part before
    /// its first dot, in lower case, without spaces, underscores or hyphens, and without a final
    /// "s" (`MEMBERS.CSV`, ` members.csv `, `members.csv.txt`, `Members.xlsx`, `member.csv`,
    /// `status-events.csv`, `areaEvents.csv`). The exact name is one of its own spellings.
    public static func lookalike(_ name: String) -> RegistryFile? {
        let wanted = key(name)
        guard !wanted.isEmpty else { return nil }
        return allCases.first { key($0.fileName) == wanted }
    }

    private static func key(_ name: String) -> String {
        let folded = name.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
        let stem = folded.prefix { $0 != "." }
        return String(stem.hasSuffix("s") ? stem.dropLast() : stem)
    }

    public var columns: [String] {
        switch self {
        case .areas: ["code", "name", "kind"]
        case .areaEvents: ["area_code", "kind", "effective_date", "document"]
        case .villageProfiles: ["village_code", "year", "rural_registered_population", "collective_income"] + VillageConditionColumns.names
        case .specialGroups: ["token", "name_zh", "name_en"]
        case .localCodes: ["list", "token", "name_zh", "name_en", "base"]
        case .households:
            [
                "household_number", "village_code", "identification_standard", "poverty_attribute", "main_cause", "secondary_causes",
                "first_identified_year", "planned_exit_year", "is_military_martyr_family", "is_one_child", "is_two_daughters",
                "phone", "bank_account", "local_causes",
            ]
        case .statusEvents: ["household_number", "sequence", "kind", "status", "effective_date", "note"]
        case .members:
            [
                "household_number", "relation", "from_date", "to_date", "end_reason", "id_type", "id_number", "name", "sex",
                "birth_date", "ethnicity", "education", "student_status", "health", "labour_capacity", "medical_insured",
                "serious_illness_insured", "resident_pension", "receives_dibao", "receives_tekun",
            ]
        case .incomes: ["household_number", "year", "household_size"] + IncomeItem.allCases.map(\.token)
        case .householdYears:
            [
                "household_number", "year", "guarantees", "water_litres", "water_round_trip_minutes", "water_lift_metres",
                "water_shortage_days", "medical_assistance", "danger_grade", "structure", "floor_area", "built_year", "renovation_year",
                "safe_drinking_water", "water_source", "road_km", "access_road", "sanitary_toilet", "fuels", "arable_land", "forest_land",
                "relocation_site",
            ]
        case .memberYears:
            [
                "household_number", "id_type", "id_number", "year", "education", "student_status", "health", "disability_category",
                "disability_grade", "labour_capacity", "migrant_work", "months_worked", "is_active_soldier", "medical_insured",
                "serious_illness_insured", "resident_pension", "employee_pension", "receives_dibao", "receives_tekun", "public_welfare_job",
                "months_employed",
            ]
        case .householdGroups: ["household_number", "group", "from_date", "to_date", "note"]
        }
    }

    /// Files whose rows belong to a household: a rejected row rejects its household whole.
    public var isHouseholdOwned: Bool {
        switch self {
        case .areas, .areaEvents, .villageProfiles, .specialGroups, .localCodes: false
        default: true
        }
    }

    /// Columns that may be left empty.
    public var optionalColumns: Set<String> {
        switch self {
        case .areaEvents: ["document"]
        case .villageProfiles: Set(["collective_income"] + VillageConditionColumns.names)
        case .specialGroups, .localCodes: ["name_en"]
        case .households: ["secondary_causes", "planned_exit_year", "phone", "bank_account", "local_causes"]
        case .statusEvents: ["note"]
        case .members: ["to_date", "end_reason"]
        case .householdYears:
            [
                "guarantees", "water_litres", "water_round_trip_minutes", "water_lift_metres", "water_shortage_days", "danger_grade",
                "structure", "floor_area", "built_year", "renovation_year", "safe_drinking_water", "water_source", "road_km", "access_road",
                "sanitary_toilet", "fuels", "arable_land", "forest_land", "relocation_site",
            ]
        case .memberYears: ["disability_category", "disability_grade", "migrant_work", "months_worked", "months_employed"]
        case .householdGroups: ["to_date", "note"]
        default: []
        }
    }

    /// Optional columns added to the format after files were first written: a header may lack
    /// them (the column is then empty in every row), so files exported before still import.
    public var laterColumns: Set<String> {
        switch self {
        case .households: ["local_causes"]
        case .villageProfiles: Set(VillageConditionColumns.names)
        default: []
        }
    }

    /// Import order: what a row refers to is read before it.
    public static func < (a: RegistryFile, b: RegistryFile) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// CSV spellings of booleans: `true`/`false` as written, and `1`/`0`, `是`/`否` by hand.
enum CSVBool {
    static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "是", "yes", "y": true
        case "false", "0", "否", "no", "n": false
        default: nil
        }
    }
}
