import TuopinCore
import TuopinServices
import TuopinStrings

/// The household page's yearly home-visit form: filled with the latest year's facts (or the
/// entered values after a refusal), each refusal next to its field.
extension HouseholdPage {
    static func yearForm(_ file: HouseholdFileService.HouseholdFile, today: CivilDate, s: Localizer, refused: Refusal?) -> [String: Any] {
        let mine = refused?.form == "year" ? refused : nil
        let latest = file.latestYear.flatMap { $0.year == today.year ? $0 : nil }
        func value(_ name: String, _ stored: String?) -> String { mine?.entered[name] ?? stored ?? "" }
        func field(_ name: String, _ label: String, _ input: [String: Any]) -> [String: Any] {
            var f: [String: Any] = ["name": name, "id": "year-\(name)", "label": s.text(label), "error": false]
            f.merge(input) { $1 }
            if let error = mine?.fields[name] {
                f["error"] = error
                f["errorId"] = "year-\(name)-error"
            }
            return f
        }
        func tristate(_ name: String, _ stored: Bool?) -> [[String: Any]] {
            let chosen = value(name, stored.map { $0 ? "true" : "false" })
            return [("", "—"), ("true", s.text("household.yes")), ("false", s.text("household.no"))].map {
                ["value": $0.0, "label": $0.1, "selected": $0.0 == chosen]
            }
        }
        let grade = value("danger_grade", latest?.living.dangerGrade?.token)
        var form: [String: Any] = [
            "action": "/households/\(file.household.number.rawValue)/year", "heading": s.text("household.year.heading"),
            "submit": s.text("household.year.submit"), "securedLabel": s.text("household.eliminate.secured"),
            "guarantees": BasicGuarantee.allCases.map { g -> [String: Any] in
                let checked = mine.map { $0.entered["secured.\(g.token)"] == "1" } ?? latest?.securedGuarantees.contains(g) ?? false
                return ["name": "secured.\(g.token)", "id": "year-secured-\(g.token)", "label": s.label(g.label), "checked": checked]
            },
            "medicalId": "year-medical", "medicalLabel": s.text("household.year.medicalAssistance"),
            "medical": mine.map { $0.entered["medical_assistance"] == "1" } ?? latest?.medicalAssistanceAvailable ?? true,
            "texts": [
                field("year", "household.year", ["value": value("year", String(today.year)), "mode": "numeric", "max": "4"]),
                field(
                    "floor_area", "household.year.floorArea",
                    ["value": value("floor_area", latest?.living.floorArea?.text), "mode": "decimal", "max": "10"]),
                field(
                    "built_year", "household.year.builtYear",
                    ["value": value("built_year", latest?.living.builtYear.map(String.init)), "mode": "numeric", "max": "4"]),
            ],
            "selects": [
                field(
                    "danger_grade", "household.dangerGrade",
                    [
                        "options": [["value": "", "label": "—", "selected": grade.isEmpty] as [String: Any]]
                            + DangerGrade.allCases.map { ["value": $0.token, "label": s.label($0.label), "selected": $0.token == grade] }
                    ]),
                field("safe_drinking_water", "household.safeWater", ["options": tristate("safe_drinking_water", latest?.living.safeDrinkingWater)]),
                field("sanitary_toilet", "household.toilet", ["options": tristate("sanitary_toilet", latest?.living.sanitaryToilet)]),
            ],
        ]
        if let mine {
            form["error"] = mine.message
            form["open"] = true
        }
        return form
    }
}

extension HouseholdPage {
    /// The yearly income form: the year (this one), the size (the current members), every
    /// component in yuan; refilled as entered after a refusal, each reason next to its field.
    static func incomeForm(
        _ file: HouseholdFileService.HouseholdFile, stored: IncomeRecord?, today: CivilDate, s: Localizer, refused: Refusal?
    ) -> [String: Any] {
        let mine = refused?.form == "income" ? refused : nil
        func field(_ name: String, _ label: String, _ fallback: String, mode: String) -> [String: Any] {
            var f: [String: Any] = [
                "name": name, "id": "income-\(name)", "label": label, "value": mine?.entered[name] ?? fallback, "mode": mode, "error": false,
            ]
            if let error = mine?.fields[name] {
                f["error"] = error
                f["errorId"] = "income-\(name)-error"
            }
            return f
        }
        let current = file.members.filter { $0.to == nil }.count
        var form: [String: Any] = [
            "action": "/households/\(file.household.number.rawValue)/income", "heading": s.text("household.income.heading"),
            "submit": s.text("household.income.submit"), "itemsLabel": s.text("household.income.items"),
            "texts": [
                field("year", s.text("household.year"), String(today.year), mode: "numeric"),
                field(
                    "household_size", s.text("household.income.size"),
                    stored.map { String($0.householdSize) } ?? (current > 0 ? String(current) : ""),
                    mode: "numeric"),
            ],
            "items": IncomeItem.allCases.map { item in
                field(item.token, s.label(item.label), stored.flatMap { $0[item] == .zero ? nil : $0[item].yuanText } ?? "", mode: "decimal")
            },
            "keepHint": s.text("household.income.keep"),
        ]
        if let mine {
            form["error"] = mine.message
            form["open"] = true
        }
        return form
    }
}
