import Foundation
import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The household page's yearly home-visit form (入户核实): 两不愁三保障 and safe water secured,
/// medical assistance, the house's danger grade, floor area and building year, safe drinking
/// water and a sanitary toilet, held to the import's yearly rules with each refusal next to its
/// field. The year's facts replace that year's row; the exit test reads them.
extension HouseholdsController {
    func year(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let number = try Self.number(context)
        let f = context.form
        let s = site.strings[context.language]
        var errors: [String: String] = [:]
        func integer(_ name: String) -> Int? {
            guard let text = f.value(name) else { return nil }
            guard let n = Int(text) else {
                errors[name] = s.text("household.edit.notAYear", ["text": String(text.prefix(20))])
                return nil
            }
            return n
        }
        func flag(_ name: String) -> Bool? { f.value(name).map { $0 == "true" } }
        let year = integer("year")
        if f.value("year") == nil { errors["year"] = s.text("household.open.missing") }
        var area: FixedDecimal?
        if let text = f.value("floor_area") {
            if let d = try? FixedDecimal(text) { area = d } else { errors["floor_area"] = NotAnAmount(text: text).message(s) }
        }
        var grade: DangerGrade?
        if let text = f.value("danger_grade") {
            if let g = DangerGrade(token: text) { grade = g } else { errors["danger_grade"] = UnknownValue(value: text).message(s) }
        }
        let built = integer("built_year")
        var save: (() async throws -> Void)?
        if errors.isEmpty, let year {
            // The form's fields replace theirs; what it does not show (measured water, structure,
            // fuels, land …) stays as stored for the year.
            var facts = try await registry.year(number, year, by: user) ?? HouseholdYear(household: number, year: year, securedGuarantees: [])
            facts.securedGuarantees = Set(BasicGuarantee.allCases.filter { f["secured.\($0.token)"] == "1" })
            facts.medicalAssistanceAvailable = f["medical_assistance"] == "1"
            facts.living.dangerGrade = grade
            facts.living.floorArea = area
            facts.living.builtYear = built
            facts.living.safeDrinkingWater = flag("safe_drinking_water")
            facts.living.sanitaryToilet = flag("sanitary_toilet")
            let complete = facts
            save = { _ = try await registry.setYear(complete, by: user) }
        }
        return try await fieldForm(
            request, context, form: "year", user: user, number: number, errors: errors, field: HouseholdService.yearField, save: save)
    }
}

/// The household page's yearly income form: the year, the household size and each income
/// component in yuan, held to the import's income rules, each refusal next to its field.
extension HouseholdsController {
    func income(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let number = try Self.number(context)
        let f = context.form
        let s = site.strings[context.language]
        var errors: [String: String] = [:]
        var year: Int?, size: Int?
        for (name, target) in [("year", 0), ("household_size", 1)] {
            guard let text = f.value(name) else {
                errors[name] = s.text("household.open.missing")
                continue
            }
            guard let n = Int(text) else {
                errors[name] = s.text("household.income.notANumber", ["text": String(text.prefix(20))])
                continue
            }
            if target == 0 { year = n } else { size = n }
        }
        // A component left empty keeps the value stored for the year (0 sets it to nothing).
        var stored: IncomeRecord?
        if let year { stored = try await registry.income(number, year: year, by: user) }
        var amounts: [IncomeItem: Money] = [:]
        for item in IncomeItem.allCases {
            guard let text = f.value(item.token) else {
                if let stored, stored[item] != .zero { amounts[item] = stored[item] }
                continue
            }
            // Negative amounts go to the rules (DQ-009), which say so at the field.
            guard let money = try? Money(yuan: text) else {
                errors[item.token] = NotAnAmount(text: text).message(s)
                continue
            }
            amounts[item] = money
        }
        var save: (() async throws -> Void)?
        if errors.isEmpty, let year, let size {
            let record = IncomeRecord(household: number, year: year, householdSize: size, amounts: amounts)
            save = { try await registry.setIncome(record, by: user) }
        }
        return try await fieldForm(
            request, context, form: "income", user: user, number: number, errors: errors, field: HouseholdService.incomeField, save: save)
    }
}
