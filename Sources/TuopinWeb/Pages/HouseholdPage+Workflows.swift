import TuopinCore
import TuopinServices
import TuopinStrings

/// The household page's workflow forms: record a measure, record the exit (with the exit test
/// on this year's facts shown check by check), start a case's risk elimination.
extension HouseholdPage {
    /// The exit test as the page shows it beside the exit form.
    struct ExitPreview {
        var year: Int
        var decision: Decision?
        /// Why the test cannot run (no facts recorded for the year).
        var problem: String?
        /// Whether the user may record the exit against a failed test (a county officer).
        var mayOverride = false

        init(year: Int, decision: Decision? = nil, problem: String? = nil) {
            self.year = year
            self.decision = decision
            self.problem = problem
        }
    }

    /// A workflow form the service refused: which form, the reasons, what was entered.
    struct Refusal {
        var form: String
        var message: String
        var entered: FormData
        /// Reasons by field, shown next to each.
        var fields: [String: String] = [:]
    }

    static func measureForm(_ file: HouseholdFileService.HouseholdFile, today: CivilDate, s: Localizer, refused: Refusal?) -> [String: Any] {
        let entered = refused?.form == "measure" ? refused?.entered : nil
        func value(_ name: String, _ fallback: String = "") -> String { entered?[name] ?? fallback }
        let kind = value("kind")
        var form: [String: Any] = [
            "action": "/households/\(file.household.number.rawValue)/measures", "heading": s.text("household.measure.heading"),
            "kindLabel": s.text("household.measure.kind"), "projectLabel": s.text("household.measure.project"),
            "scaleLabel": s.text("household.measure.scale"), "amountLabel": s.text("household.measure.amountYuan"),
            "fundingLabel": s.text("household.measure.funding"), "deadlineLabel": s.text("household.measure.deadline"),
            "startLabel": s.text("household.measure.start"), "submit": s.text("household.measure.submit"),
            "categoriesLabel": s.text("household.measure.categories"), "headingsLabel": s.text("household.measure.headings"),
            "categories": MeasureCategory.allCases.map { c in
                let token = MeasureKind.category(c).token
                return ["value": token, "label": s.label(c.label), "selected": token == kind] as [String: Any]
            },
            "headings": MeasureHeading.allCases.map { h in
                let token = MeasureKind.heading(h).token
                return ["value": token, "label": s.label(h.label), "selected": token == kind] as [String: Any]
            },
            "fundings": [["value": "", "label": "—", "selected": false] as [String: Any]]
                + FundingSource.allCases.map { ["value": $0.token, "label": s.label($0.label), "selected": $0.token == value("funding")] },
            "project": value("project"), "scale": value("scale"), "amount": value("amount"), "deadline": value("deadline"),
            "start": value("start", today.description),
        ]
        if let entered, let message = refused?.message, !entered.fields.isEmpty { form["error"] = message }
        return form
    }

    static func exitForm(
        _ file: HouseholdFileService.HouseholdFile, preview: ExitPreview, today: CivilDate, s: Localizer, refused: Refusal?
    ) -> [String: Any] {
        var form: [String: Any] = [
            "action": "/households/\(file.household.number.rawValue)/exit", "heading": s.text("household.exit.heading"),
            "testHeading": s.text("household.exit.test", ["year": String(preview.year)]), "dateLabel": s.text("household.open.date"),
            "today": today.description, "noteLabel": s.text("household.open.note"), "submit": s.text("household.exit.submit"),
        ]
        if let decision = preview.decision {
            form["checks"] = decision.checks.map { check in
                ["passed": check.passed, "mark": check.passed ? "✔" : "✘", "text": s.explain(check)] as [String: Any]
            }
            form["hasChecks"] = !decision.checks.isEmpty
            form["verdict"] = s.text(decision.passed ? "household.exit.passes" : "household.exit.fails")
            form["verdictClass"] = decision.passed ? "notice" : "alert"
        }
        if let problem = preview.problem { form["problem"] = problem }
        if preview.mayOverride {
            form["override"] = true
            form["overrideLabel"] = s.text("household.exit.override")
        }
        if refused?.form == "exit", let r = refused {
            form["error"] = r.message
            form["note"] = r.entered["note"] ?? ""
        }
        return form
    }

    /// The form that starts the risk elimination of a case under monitoring (M7): the method,
    /// the year's per-capita income, whether it is stable and rigid spending controlled, the
    /// guarantees secured, the case's risks still present, a new risk.
    static func eliminationForm(_ c: MonitoringCase, household: HouseholdNumber, today: CivilDate, s: Localizer) -> [String: Any] {
        let id = c.reference
        return [
            "action": "/households/\(household.rawValue)/cases/\(c.reference)/eliminate", "heading": s.text("household.eliminate.heading"),
            "methodId": "method-\(id)", "methodLabel": s.text("household.eliminate.method"),
            "methods": EliminationMethod.allCases.map { ["value": $0.token, "label": s.label($0.label)] },
            "dateId": "eliminate-date-\(id)", "dateLabel": s.text("household.open.date"), "today": today.description,
            "incomeId": "income-\(id)", "incomeLabel": s.text("household.eliminate.income"),
            "stableId": "stable-\(id)", "stableLabel": s.text("household.eliminate.stable"),
            "spendingId": "spending-\(id)", "spendingLabel": s.text("household.eliminate.spending"),
            "securedLabel": s.text("household.eliminate.secured"),
            "guarantees": BasicGuarantee.allCases.map {
                ["name": "secured.\($0.token)", "id": "secured-\(id)-\($0.token)", "label": s.label($0.label)]
            },
            "remainingLabel": s.text("household.eliminate.remaining"),
            "risks": c.risks.map { ["name": "remaining.\($0.token)", "id": "remaining-\(id)-\($0.token)", "label": s.label($0.label)] },
            "newRiskId": "new-risk-\(id)", "newRiskLabel": s.text("household.eliminate.newRisk"),
            "noteId": "eliminate-note-\(id)", "noteLabel": s.text("household.open.note"), "submit": s.text("household.eliminate.submit"),
        ]
    }
}
