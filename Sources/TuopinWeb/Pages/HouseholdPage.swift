import HTTPTypes
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// One household's file: its facts, members, incomes by year, the latest home visit's
/// 两不愁三保障 and conditions, the status timeline, measures, cadres and monitoring cases
/// with their deadlines. Private fields come masked from the service unless the user may
/// see them; health and birth dates are masked here on the same condition.
enum HouseholdPage {
    /// `error`: a refused step, shown at its case's form (with `status`); `done`: a step recorded.
    static func render(
        _ file: HouseholdFileService.HouseholdFile, today: CivilDate, site: Site, context: TuopinRequestContext,
        error: (reference: String, message: String)? = nil, done: String? = nil, status: HTTPResponse.Status = .ok,
        leadError: String? = nil, canEdit: Bool = false, edit: (values: [String: String], errors: [String: String])? = nil,
        exit: ExitPreview? = nil, refused: Refusal? = nil, storedIncome: IncomeRecord? = nil
    ) -> HTML {
        let s = site.strings[context.language]
        let list = s.language == .zh ? "、" : ", "
        let h = file.household
        let village = file.areaNames.last?.name ?? h.village.rawValue
        let title = s.text("household.title", ["number": h.number.rawValue, "village": village])
        func yes(_ flag: Bool) -> String { s.text(flag ? "household.yes" : "household.no") }
        func date(_ d: CivilDate?) -> String { d?.description ?? "—" }
        var facts: [[String: String]] = [
            ["label": s.text("households.attribute"), "value": s.label(h.povertyAttribute.label)],
            ["label": s.text("household.standard"), "value": s.label(h.identificationStandard.label)],
            ["label": s.text("households.cause"), "value": s.label(h.mainCause.label)],
            [
                "label": s.text("household.secondaryCauses"),
                "value": h.secondaryCauses.isEmpty ? "—" : h.secondaryCauses.map { s.label($0.label) }.joined(separator: list),
            ],
            ["label": s.text("household.firstIdentified"), "value": String(h.firstIdentifiedYear)],
            ["label": s.text("household.plannedExit"), "value": h.plannedExitYear.map(String.init) ?? "—"],
            ["label": s.text("household.phone"), "value": h.phone ?? "—"],
            ["label": s.text("household.bankAccount"), "value": h.bankAccount ?? "—"],
        ]
        if h.isMilitaryMartyrFamily || h.isOneChild || h.isTwoDaughters {
            let flags = [
                (h.isMilitaryMartyrFamily, "household.militaryMartyr"), (h.isOneChild, "household.oneChild"),
                (h.isTwoDaughters, "household.twoDaughters"),
            ]
            facts.append(["label": s.text("household.flags"), "value": flags.filter(\.0).map { s.text($0.1) }.joined(separator: list)])
        }
        let members = file.members.map { line -> [String: String] in
            let m = line.member
            return [
                "name": m.name, "relation": s.label(line.relation.label), "sex": s.label(m.sex.label),
                "birth": file.clear ? m.birthDate.description : Masking.birthDate(m.birthDate), "id": m.idNumber,
                "education": s.label(m.education.label),
                "health": file.clear ? m.health.sorted { $0.token < $1.token }.map { s.label($0.label) }.joined(separator: list) : Masking.hidden,
                "labour": s.label(m.labourCapacity.label), "insured": yes(m.medicalInsured), "from": line.from.description,
                "to": line.to.map { d in
                    d.description
                        + (line.endReason.flatMap(NaturalReductionReason.init(token:)).map {
                            s.language == .zh ? "（" + s.label($0.label) + "）" : " (" + s.label($0.label) + ")"
                        } ?? "")
                } ?? "—",
                "current": line.to == nil ? "current" : "past",
            ]
        }
        var latest: [[String: String]] = []
        if let y = file.latestYear {
            latest = BasicGuarantee.allCases.map {
                ["label": s.label($0.label), "value": s.text(y.securedGuarantees.contains($0) ? "household.secured" : "household.notSecured")]
            }
            latest.append(["label": s.text("household.dangerGrade"), "value": y.living.dangerGrade.map { s.label($0.label) } ?? "—"])
            latest.append(["label": s.text("household.safeWater"), "value": y.living.safeDrinkingWater.map(yes) ?? "—"])
            latest.append(["label": s.text("household.toilet"), "value": y.living.sanitaryToilet.map(yes) ?? "—"])
        }
        let cases = file.cases.map { c -> [String: String] in
            let late = c.identifiedOn == nil && c.closedOn == nil && (c.deadline.map { $0 < today } ?? false)
            return [
                "reference": c.reference, "state": s.label(c.state.label), "category": c.category.map { s.label($0.label) } ?? "—",
                "risks": c.risks.map { s.label($0.label) }.joined(separator: list), "channel": s.label(c.channel.label),
                "lead": c.leadDate.description, "deadline": date(c.deadline), "identified": date(c.identifiedOn), "closed": date(c.closedOn),
                "late": late ? s.text("household.case.late") : "",
            ]
        }
        let open = file.openCases.map { caseFile in
            var values = openCase(
                caseFile, household: h.number, today: today, s: s, error: error?.reference == caseFile.monitoringCase.reference ? error?.message : nil
            )
            if canEdit, caseFile.monitoringCase.state == .monitoring {
                values["eliminate"] = eliminationForm(caseFile.monitoringCase, household: h.number, today: today, s: s)
            }
            return values
        }
        var values: [String: Any] = [
            "title": title, "openCases": open, "csrf": context.session?.csrfToken ?? "",
            "openHeading": s.text("household.open.heading"),
            "breadcrumbs": file.areaNames.map { ["name": $0.name, "link": "/households?area=\($0.code.rawValue)"] },
            "breadcrumbLabel": s.text("dashboard.breadcrumbs"), "backLabel": s.text("household.back"),
            "factsHeading": s.text("household.facts"), "facts": facts,
            "masked": !file.clear, "maskedNote": s.text("household.masked"),
            "membersHeading": s.text("household.members"), "members": members, "hasMembers": !members.isEmpty,
            "memberColumns": ["name", "relation", "sex", "birth", "id", "education", "health", "labour", "insured", "from", "to"].map {
                ["label": s.text("household.member." + $0)]
            },
            "incomesHeading": s.text("household.incomes"), "hasIncomes": !file.incomes.isEmpty,
            "incomes": file.incomes.map { ["year": String($0.year), "perCapita": $0.perCapita.formatted] },
            "yearCol": s.text("household.year"), "perCapitaCol": s.text("household.perCapita"),
            "latest": latest,
            "timelineHeading": s.text("household.timeline"), "hasEvents": !file.events.isEmpty,
            "events": file.events.sorted { ($0.effectiveDate, $0.sequence) < ($1.effectiveDate, $1.sequence) }.map {
                ["date": $0.effectiveDate.description, "kind": s.label($0.kind.label), "status": s.label($0.status.label), "note": $0.note]
            },
            "eventColumns": ["date", "kind", "status", "note"].map { ["label": s.text("household.event." + $0)] },
            "measuresHeading": s.text("household.measures"), "hasMeasures": !file.measures.isEmpty,
            "measures": file.measures.map {
                [
                    "kind": s.label($0.kind.label), "project": $0.project, "amount": $0.amount?.formatted ?? "—", "start": $0.start.description,
                    "end": date($0.end),
                ]
            },
            "measureColumns": ["kind", "project", "amount", "start", "end"].map { ["label": s.text("household.measure." + $0)] },
            "cadresHeading": s.text("household.cadres"), "hasCadres": !file.cadres.isEmpty,
            "cadres": file.cadres.map { ["name": $0.name, "unit": $0.unit, "phone": $0.phone, "from": $0.from.description, "to": date($0.to)] },
            "cadreColumns": ["name", "unit", "phone", "from", "to"].map { ["label": s.text("household.cadre." + $0)] },
            "visitsHeading": s.text("household.visits"), "hasVisits": !file.visits.isEmpty,
            "visitColumns": ["campaign", "at", "visitor", "met", "missing", "income", "photo"].map { ["label": s.text("household.visit." + $0)] },
            "visits": file.visits.map { v -> [String: Any] in
                let x = v.visit.visit
                let missing = BasicGuarantee.allCases.filter { !x.secured.contains($0) }
                return [
                    "campaign": "\(x.campaign) \(v.title)", "link": "/campaigns/\(x.campaign)",
                    "at": x.visitedAt.description.replacingOccurrences(of: "T", with: " "),
                    "visitor": x.visitor, "met": x.metWith,
                    "missing": missing.isEmpty ? s.text("household.visit.allSecured") : missing.map { s.label($0.label) }.joined(separator: "、"),
                    "income": x.perCapitaIncome?.formatted ?? "—",
                    "photo": v.photo && file.clear ? "/campaigns/\(x.campaign)/visits/\(x.id)/photo" : false,
                    "photoLabel": s.text("household.visit.photo"),
                ]
            },
            "casesHeading": s.text("household.cases"), "hasCases": !cases.isEmpty, "cases": cases,
            "caseColumns": ["reference", "state", "category", "risks", "channel", "lead", "deadline", "identified", "closed"].map {
                ["label": s.text("household.case." + $0)]
            },
            "none": s.text("household.none"),
        ]
        if let done { values["done"] = done }
        // Mustache treats "" as true: the heading is set only when there is a year to show.
        if let y = file.latestYear { values["latestHeading"] = s.text("household.latest", ["year": String(y.year)]) }
        if file.openCases.isEmpty { values["lead"] = leadForm(file, today: today, s: s, error: leadError) }
        if canEdit && file.clear { values["edit"] = editForm(file, s: s, edit: edit) }
        if canEdit { values["measureForm"] = measureForm(file, today: today, s: s, refused: refused) }
        if canEdit {
            values["incomeForm"] = incomeForm(file, stored: storedIncome, today: today, s: s, refused: refused)
            values["yearForm"] = yearForm(file, today: today, s: s, refused: refused)
        }
        // Members are chosen and entered by ID number: only for those who may see them.
        if canEdit && file.clear {
            values["joinForm"] = joinForm(file, today: today, s: s, refused: refused)
            if let leave = leaveForm(file, today: today, s: s, refused: refused) { values["leaveForm"] = leave }
        }
        if let exit { values["exitForm"] = exitForm(file, preview: exit, today: today, s: s, refused: refused) }
        return site.page("household", values, context: context, title: title, status: status)
    }

    /// The household's contact form: phone, bank account, planned exit year, each with the
    /// reason next to it when the rules refused it (the import's rules), refilled as entered.
    static func editForm(
        _ file: HouseholdFileService.HouseholdFile, s: Localizer, edit: (values: [String: String], errors: [String: String])?
    ) -> [String: Any] {
        let h = file.household
        let current = [
            "phone": h.phone ?? "", "bank_account": h.bankAccount ?? "", "planned_exit_year": h.plannedExitYear.map(String.init) ?? "",
        ]
        let fields = [
            ("phone", "household.phone", "tel"), ("bank_account", "household.bankAccount", "numeric"),
            ("planned_exit_year", "household.plannedExit", "numeric"),
        ]
        return [
            "action": "/households/\(h.number.rawValue)/edit", "heading": s.text("household.edit.heading"), "submit": s.text("household.edit.submit"),
            "fields": fields.map { name, label, mode -> [String: Any] in
                var field: [String: Any] = [
                    "name": name, "id": "edit-\(name)", "label": s.text(label), "mode": mode, "value": edit?.values[name] ?? current[name] ?? "",
                ]
                if let error = edit?.errors[name] {
                    field["error"] = error
                    field["errorId"] = "edit-\(name)-error"
                }
                return field
            },
        ]
    }

    /// The form that raises a risk lead (M1, or M10 after an eliminated case), when the
    /// household has no open case: how it was found, the day, one to five risks, the green
    /// channel, a note.
    static func leadForm(_ file: HouseholdFileService.HouseholdFile, today: CivilDate, s: Localizer, error: String?) -> [String: Any] {
        var form: [String: Any] = [
            "action": "/households/\(file.household.number.rawValue)/leads", "heading": s.text("household.lead.heading"),
            "channelLabel": s.text("household.case.channel"),
            "channels": DiscoveryChannel.allCases.filter { $0 != .sweep }.map { ["value": $0.token, "label": s.label($0.label)] },
            "dateLabel": s.text("household.lead.date"), "today": today.description, "risksLabel": s.text("household.lead.risks"),
            "risks": RiskType.allCases.map { ["name": "risk.\($0.token)", "id": "lead-risk-\($0.token)", "label": s.label($0.label)] },
            "greenLabel": s.text("household.lead.green"), "noteLabel": s.text("household.open.note"), "submit": s.text("household.lead.submit"),
        ]
        if let error { form["error"] = error }
        return form
    }

    /// An open case: its recorded steps, and the form that records its current step (the
    /// fields that step takes: consent at the home visit, the notice's days, the county's
    /// category and risks).
    static func openCase(_ f: CaseFile, household: HouseholdNumber, today: CivilDate, s: Localizer, error: String?) -> [String: Any] {
        let c = f.monitoringCase
        let stage = f.identification.flatMap { i in f.elimination.flatMap { c.currentStage(identification: i, elimination: $0) } }
        var values: [String: Any] = [
            "reference": c.reference, "heading": s.text("household.open.case", ["reference": c.reference, "state": s.label(c.state.label)]),
            "steps": f.steps.map { step -> [String: String] in
                [
                    "date": step.date.description,
                    "what": s.label(step.transition.label) + (step.step.map { (s.language == .zh ? "：" : ": ") + s.label($0.label) } ?? ""),
                    "level": step.level.map { s.label($0.label) } ?? "", "actor": step.actor, "note": step.note,
                ]
            },
        ]
        if let error { values["error"] = error }
        guard let stage else { return values }
        let id = c.reference
        values["form"] =
            [
                "action": "/households/\(household.rawValue)/cases/\(c.reference)/step",
                "current": s.text("household.open.current", ["step": s.label(stage.step.label), "level": s.label(stage.level.label)]),
                "dateId": "date-\(id)", "dateLabel": s.text("household.open.date"), "today": today.description,
                "noteId": "note-\(id)", "noteLabel": s.text("household.open.note"),
                "consent": stage.step == .homeVerification, "consentId": "consent-\(id)", "consentLabel": s.text("household.open.consent"),
                "notice": stage.step == .publicNotice, "fromId": "from-\(id)", "toId": "to-\(id)",
                "noticeLink": "/notices?village=\(c.village.rawValue)&purpose=\(c.state.token == "eliminating" ? "elimination" : "identification")",
                "noticeLinkLabel": s.text("household.open.noticeLink"),
                "fromLabel": s.text("household.open.noticeFrom"), "toLabel": s.text("household.open.noticeTo"),
                "objectionsId": "objections-\(id)", "objectionsLabel": s.text("household.open.objections"),
                "approval": stage.step == .countyApproval && stage.level == .county, "categoryId": "category-\(id)",
                "categoryLabel": s.text("household.case.category"),
                "categories": MonitoringCategory.allCases.map { ["value": $0.token, "label": s.label($0.label), "selected": $0 == c.category] },
                "risksLabel": s.text("household.case.risks"),
                "risks": RiskType.allCases.map {
                    ["name": "risk.\($0.token)", "id": "risk-\(id)-\($0.token)", "label": s.label($0.label), "checked": c.risks.contains($0)]
                },
                "submit": s.text("household.open.submit"),
            ] as [String: Any]
        if stage.level != .village {
            values["reject"] = [
                "action": "/households/\(household.rawValue)/cases/\(c.reference)/reject", "heading": s.text("household.reject.heading"),
                "dateId": "reject-date-\(id)", "dateLabel": s.text("household.open.date"), "today": today.description,
                "noteId": "reject-note-\(id)", "noteLabel": s.text("household.reject.reason"), "submit": s.text("household.reject.submit"),
            ]
        }
        return values
    }
}
