import TuopinCore

/// Parses the rows of the yearly-facts files (household_years.csv, member_years.csv) and the
/// special-group tags (household_groups.csv): fields only, as `ImportRows` does.
extension ImportRows {
    struct HouseholdYearColumns {
        let number, year, guarantees, litres, minutes, lift, shortage, medical, danger, structure, floor, built, renovated: ImportColumn
        let safeWater, source, road, access, toilet, fuels, arable, forest, relocation: ImportColumn
        init(_ c: Columns) {
            (number, year, guarantees, litres, minutes, lift, shortage) = (
                c["household_number"], c["year"], c["guarantees"], c["water_litres"], c["water_round_trip_minutes"], c["water_lift_metres"],
                c["water_shortage_days"]
            )
            (medical, danger, structure, floor, built, renovated) = (
                c["medical_assistance"], c["danger_grade"], c["structure"], c["floor_area"], c["built_year"], c["renovation_year"]
            )
            (safeWater, source, road, access, toilet) = (
                c["safe_drinking_water"], c["water_source"], c["road_km"], c["access_road"], c["sanitary_toilet"]
            )
            (fuels, arable, forest, relocation) = (c["fuels"], c["arable_land"], c["forest_land"], c["relocation_site"])
        }
    }

    struct MemberYearColumns {
        let number, idType, idNumber, year, education, student, health, category, grade, labour, migrant, monthsWorked: ImportColumn
        let soldier, insured, serious, pension, employeePension, dibao, tekun, welfareJob, monthsEmployed: ImportColumn
        init(_ c: Columns) {
            (number, idType, idNumber, year, education, student) = (
                c["household_number"], c["id_type"], c["id_number"], c["year"], c["education"], c["student_status"]
            )
            (health, category, grade, labour, migrant, monthsWorked) = (
                c["health"], c["disability_category"], c["disability_grade"], c["labour_capacity"], c["migrant_work"], c["months_worked"]
            )
            (soldier, insured, serious, pension, employeePension) = (
                c["is_active_soldier"], c["medical_insured"], c["serious_illness_insured"], c["resident_pension"], c["employee_pension"]
            )
            (dibao, tekun, welfareJob, monthsEmployed) = (c["receives_dibao"], c["receives_tekun"], c["public_welfare_job"], c["months_employed"])
        }
    }

    struct SpecialGroupColumns {
        let token, zh, en: ImportColumn
        init(_ c: Columns) { (token, zh, en) = (c["token"], c["name_zh"], c["name_en"]) }
    }

    struct LocalCodeColumns {
        let list, token, zh, en, base: ImportColumn
        init(_ c: Columns) { (list, token, zh, en, base) = (c["list"], c["token"], c["name_zh"], c["name_en"], c["base"]) }
    }

    struct GroupColumns {
        let number, group, from, to, note: ImportColumn
        init(_ c: Columns) { (number, group, from, to, note) = (c["household_number"], c["group"], c["from_date"], c["to_date"], c["note"]) }
    }

    static func householdYear(_ row: inout RowReader, _ c: HouseholdYearColumns) -> HouseholdYear? {
        let number = row.householdNumber(c.number), year = row.int(c.year)
        let guarantees = row.codeList(c.guarantees, BasicGuarantee.self)
        let waterColumns = [c.litres, c.minutes, c.lift, c.shortage]
        let water = waterColumns.map { row.optionalInt($0) }
        var access: WaterAccess?? = .some(nil)
        if water.contains(where: { $0 == nil }) {
            access = nil
        } else if water.contains(where: { $0! != nil }) {
            // The four measures go together: the water test needs them all.
            let values = water.map { $0! }
            for (column, value) in zip(waterColumns, values) where value == nil { row.reject(column.name, .emptyField) }
            if let l = values[0], let m = values[1], let v = values[2], let s = values[3] {
                access = .some(WaterAccess(litresPerPersonPerDay: l, roundTripMinutes: m, verticalLiftMetres: v, shortageDaysPerYear: s))
            }
        }
        let medical = row.bool(c.medical)
        let danger = row.optionalCode(c.danger, DangerGrade.self), structure = row.optionalCode(c.structure, HouseStructure.self)
        let floor = row.optionalDecimal(c.floor), built = row.optionalInt(c.built), renovated = row.optionalInt(c.renovated)
        let safeWater = row.optionalBool(c.safeWater), source = row.optionalCode(c.source, WaterSource.self)
        let road = row.optionalDecimal(c.road), accessRoad = row.optionalCode(c.access, AccessRoad.self)
        let toilet = row.optionalBool(c.toilet), fuels = row.codeList(c.fuels, Fuel.self)
        let arable = row.optionalDecimal(c.arable), forest = row.optionalDecimal(c.forest)
        let relocation = row.optionalText(c.relocation)
        if let relocation, relocation.count > ImportLimits.relocationSite {
            row.reject(c.relocation.name, .tooLong(count: relocation.count, maximum: ImportLimits.relocationSite))
        }
        guard let number, let year, let guarantees, let access, let medical, let danger, let structure, let floor, let built, let renovated,
            let safeWater, let source, let road, let accessRoad, let toilet, let fuels, let arable, let forest, row.isValid
        else { return nil }
        return HouseholdYear(
            household: number, year: year, securedGuarantees: Set(guarantees), water: access, medicalAssistanceAvailable: medical,
            living: LivingConditions(
                dangerGrade: danger, structure: structure, floorArea: floor, builtYear: built, renovationYear: renovated,
                safeDrinkingWater: safeWater, waterSource: source, distanceToMainRoadKm: road, accessRoad: accessRoad, sanitaryToilet: toilet,
                fuels: fuels, arableLand: arable, forestLand: forest, relocationSite: relocation))
    }

    static func memberYear(_ row: inout RowReader, _ c: MemberYearColumns) -> MemberYear? {
        _ = row.householdNumber(c.number)
        let idType = row.code(c.idType, IdentityType.self)
        let idNumber = row.text(c.idNumber, maximum: 32).map {
            idType == .residentIdentityCard && $0.utf8.last == UInt8(ascii: "x") ? String($0.dropLast()) + "X" : $0
        }
        let year = row.int(c.year), education = row.code(c.education, Education.self)
        let studentText = row.text(c.student)
        let student = studentText.flatMap { StudentStatus(token: $0) }
        if let studentText, student == nil { row.reject(c.student.name, .unknownCode(String(studentText.prefix(40)))) }
        let health = row.codeList(c.health, HealthCondition.self)
        if health?.isEmpty == true { row.reject(c.health.name, .emptyField) }
        // The national code (1–7) or the token.
        let category =
            DisabilityCategory(nationalCode: row.raw(c.category)).map { .some($0) } ?? row.optionalCode(c.category, DisabilityCategory.self)
        let grade = row.optionalInt(c.grade)
        let labour = row.code(c.labour, LabourCapacity.self), migrant = row.optionalCode(c.migrant, MigrantWork.self)
        let monthsWorked = row.optionalInt(c.monthsWorked)
        let soldier = row.bool(c.soldier), insured = row.bool(c.insured), serious = row.bool(c.serious), pension = row.bool(c.pension)
        let employeePension = row.bool(c.employeePension), dibao = row.bool(c.dibao), tekun = row.bool(c.tekun)
        let welfareJob = row.bool(c.welfareJob), monthsEmployed = row.optionalInt(c.monthsEmployed)
        guard let idType, let idNumber, let year, let education, let student, let health, let category, let grade, let labour, let migrant,
            let monthsWorked, let soldier, let insured, let serious, let pension, let employeePension, let dibao, let tekun, let welfareJob,
            let monthsEmployed, row.isValid
        else { return nil }
        return MemberYear(
            idType: idType, idNumber: idNumber, year: year, education: education, studentStatus: student, health: Set(health),
            disabilityCategory: category, disabilityGrade: grade, labourCapacity: labour, migrantWork: migrant, monthsWorked: monthsWorked,
            isActiveSoldier: soldier, medicalInsured: insured, seriousIllnessInsured: serious, residentPension: pension,
            employeePension: employeePension, receivesDibao: dibao, receivesTekun: tekun, publicWelfareJob: welfareJob,
            monthsEmployed: monthsEmployed)
    }

    static func groupTag(_ row: inout RowReader, _ c: GroupColumns) -> SpecialGroupTag? {
        let number = row.householdNumber(c.number), group = row.text(c.group, maximum: 40)
        let from = row.date(c.from), to = row.optionalDate(c.to)
        let note = row.optionalText(c.note) ?? ""
        if note.count > ImportLimits.note { row.reject(c.note.name, .tooLong(count: note.count, maximum: ImportLimits.note)) }
        guard let number, let group, let from, let to, row.isValid else { return nil }
        return SpecialGroupTag(household: number, group: group, from: from, to: to, note: note)
    }
}
