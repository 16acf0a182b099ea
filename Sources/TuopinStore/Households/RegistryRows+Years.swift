import TuopinCore

/// Rows of the yearly facts and the special-group tags: one mapping per table, shared by the
/// single writes of the lifecycle and the CSV import.
extension RegistryRows {
    public static let householdYear = BulkTable(
        "household_year",
        [
            "county_code", "household_number", "year", "guarantees", "water_litres", "water_round_trip_minutes", "water_lift_metres",
            "water_shortage_days", "medical_assistance", "danger_grade", "structure", "floor_area", "built_year", "renovation_year",
            "safe_drinking_water", "water_source", "road_km", "access_road", "sanitary_toilet", "fuels", "arable_land", "forest_land",
            "relocation_site",
        ])
    public static let memberYear = BulkTable(
        "member_year",
        [
            "county_code", "id_type", "id_number", "year", "household_number", "education", "student_status", "health",
            "disability_category", "disability_grade", "labour_capacity", "migrant_work", "months_worked", "is_active_soldier",
            "medical_insured", "serious_illness_insured", "resident_pension", "employee_pension", "receives_dibao", "receives_tekun",
            "public_welfare_job", "months_employed",
        ])
    public static let specialGroupTag = BulkTable(
        "special_group_tag", ["county_code", "household_number", "group_token", "from_date", "to_date", "note"])

    public static func row(_ y: HouseholdYear, county: String) -> [StoreValue] {
        let l = y.living
        func flag(_ b: Bool?) -> StoreValue { b.map { .bool($0) } ?? .null }
        return [
            .text(county), .text(y.household.rawValue), .int(y.year), .text(guaranteesToken(y.securedGuarantees)),
            .int(y.water?.litresPerPersonPerDay), .int(y.water?.roundTripMinutes), .int(y.water?.verticalLiftMetres),
            .int(y.water?.shortageDaysPerYear), .bool(y.medicalAssistanceAvailable), .text(l.dangerGrade?.token), .text(l.structure?.token),
            .text(l.floorArea?.text), .int(l.builtYear), .int(l.renovationYear), flag(l.safeDrinkingWater), .text(l.waterSource?.token),
            .text(l.distanceToMainRoadKm?.text), .text(l.accessRoad?.token), flag(l.sanitaryToilet),
            .text(l.fuels.map(\.token).joined(separator: ";")),
            .text(l.arableLand?.text), .text(l.forestLand?.text), .text(l.relocationSite),
        ]
    }

    public static func row(_ m: MemberYear, county: String, household: HouseholdNumber) -> [StoreValue] {
        [
            .text(county), .text(m.idType.token), .text(m.idNumber), .int(m.year), .text(household.rawValue), .text(m.education.token),
            .text(m.studentStatus.token), .text(healthToken(m.health)), .text(m.disabilityCategory?.token), .int(m.disabilityGrade),
            .text(m.labourCapacity.token), .text(m.migrantWork?.token), .int(m.monthsWorked), .bool(m.isActiveSoldier), .bool(m.medicalInsured),
            .bool(m.seriousIllnessInsured), .bool(m.residentPension), .bool(m.employeePension), .bool(m.receivesDibao), .bool(m.receivesTekun),
            .bool(m.publicWelfareJob), .int(m.monthsEmployed),
        ]
    }

    public static func row(_ t: SpecialGroupTag, county: String) -> [StoreValue] {
        [.text(county), .text(t.household.rawValue), .text(t.group), .text(t.from.description), .text(t.to?.description), .text(t.note)]
    }

    /// The secured guarantees as a stable `;`-separated list in code-list order.
    public static func guaranteesToken(_ g: Set<BasicGuarantee>) -> String {
        BasicGuarantee.allCases.filter(g.contains).map(\.token).joined(separator: ";")
    }
}
