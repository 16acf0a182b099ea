import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/petitions`: petitions and public opinion (涉贫信访舆情). The R-12 tallies and the list with the
/// overdue marked, a form to receive a petition (county and city offices); `/petitions/{key}` is
/// one petition's record with the step its state and the user's role allow. The petitioner's
/// name and phone are masked for roles without private access.
struct PetitionsController: Sendable {
    let petitions: PetitionService
    let site: Site
    let today: @Sendable () -> CivilDate

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: list)
            .post(use: receive)
            .get(":key", use: show)
            .post(":key/step", use: step)
    }

    func list(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        return try await listPage(
            area: try WorklistController.area(q.get("area")), overdue: q.get("overdue") == "1", user: user, context: context)
    }

    func receive(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let f = context.form
        let typed = Dictionary(
            uniqueKeysWithValues: ["area", "channel", "category", "receivedOn", "deadline", "name", "phone", "household", "content"].map {
                ($0, String((f.value($0) ?? "").prefix(PetitionRules.maxText + 1)))
            })
        do {
            let received =
                typed["receivedOn"]!.isEmpty ? today() : try FindingsController.field("receivedOn", typed["receivedOn"]!) { try CivilDate($0) }
            let p = try await petitions.receive(
                Petition(
                    area: try FindingsController.field("area", typed["area"]!) { try AdminCode($0) },
                    channel: try FindingsController.field("channel", typed["channel"]!) {
                        try FindingsController.required(PetitionChannel(token: $0), $0)
                    },
                    category: try FindingsController.field("category", typed["category"]!) {
                        try FindingsController.required(FindingCategory(token: $0), $0)
                    },
                    receivedOn: received, content: typed["content"]!, petitionerName: typed["name"]!, petitionerPhone: typed["phone"]!,
                    household: typed["household"]!.isEmpty
                        ? nil : try FindingsController.field("household", typed["household"]!) { try HouseholdNumber($0) },
                    deadline: typed["deadline"]!.isEmpty
                        ? try await petitions.defaultDeadline(receivedOn: received)
                        : try FindingsController.field("deadline", typed["deadline"]!) { try CivilDate($0) }),
                by: user)
            return Response(status: .seeOther, headers: [.location: "/petitions/\(p.key)?done=received"])
        } catch let refused as any WordedError & Sendable {
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await listPage(
                area: nil, overdue: false, user: user, context: context, typed: typed, refused: refused.message(site.strings[context.language]),
                status: status
            ).response(from: request, context: context)
        }
    }

    func show(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        return try await petitionPage(
            try Self.key(context.parameters.get("key")), user: user, context: context, done: request.uri.queryParameters.get("done"))
    }

    func step(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let key = try Self.key(context.parameters.get("key"))
        let f = context.form
        let typed = Dictionary(
            uniqueKeysWithValues: ["kind", "date", "unit", "deadline", "text", "answer"].map {
                ($0, String((f.value($0) ?? "").prefix(PetitionRules.maxText + 1)))
            })
        do {
            let date = try FindingsController.field("date", typed["date"]!) { try CivilDate($0) }
            let step: PetitionService.Step
            switch typed["kind"]! {
            case "assigned":
                step = .assign(unit: typed["unit"]!, deadline: try FindingsController.field("deadline", typed["deadline"]!) { try CivilDate($0) })
            case "replied": step = .reply(typed["text"]!)
            case "rated":
                step = .rate(
                    try FindingsController.field("answer", typed["answer"]!) { try FindingsController.required(Satisfaction(token: $0), $0) },
                    note: typed["text"]!)
            case "escalated":
                step = .escalate(
                    unit: typed["unit"]!, deadline: try FindingsController.field("deadline", typed["deadline"]!) { try CivilDate($0) },
                    reason: typed["text"]!)
            default: throw BadParameter("kind", UnknownValue(value: String(typed["kind"]!.prefix(40))))
            }
            try await petitions.take(step, on: date, petition: key, by: user)
            return Response(status: .seeOther, headers: [.location: "/petitions/\(key)?done=\(step.kind.token)"])
        } catch let refused as any WordedError & Sendable {
            if case .notFound = refused as? PetitionError { throw refused }
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await petitionPage(
                key, user: user, context: context, typed: typed, refused: refused.message(site.strings[context.language]), status: status
            ).response(from: request, context: context)
        }
    }

    // MARK: pages

    func listPage(
        area: AdminCode?, overdue: Bool, user: User, context: TuopinRequestContext, typed: [String: String] = [:], refused: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let day = today()
        let rows = try await petitions.petitions(in: area, overdue: overdue, by: user)
        let report = try await petitions.report(in: area, by: user)
        func tally(_ name: String, _ t: PetitionTally) -> [String: Any] {
            [
                "name": name, "total": s.count(t.total), "open": s.count(t.open), "closed": s.count(t.closed), "overdue": s.count(t.overdue),
                "late": t.overdue > 0, "escalated": s.count(t.escalated), "satisfied": t.satisfiedPercent?.description ?? "—",
            ]
        }
        let total = tally(s.text("findings.ledger.total"), report.total)
        var values: [String: Any] = [
            "title": s.text("petitions.title"), "areaLabel": s.text("worklist.area"), "area": area?.rawValue ?? "", "show": s.text("dashboard.show"),
            "overdueLabel": s.text("petitions.overdueOnly"), "overdueChecked": overdue,
            "reportHeading": s.text("petitions.report.title", ["area": report.area.rawValue, "date": day.description]),
            "tallyColumns": ["", "total", "open", "closed", "overdue", "escalated", "satisfied"].map {
                ["label": $0.isEmpty ? "" : s.text("petitions.tally." + $0), "num": !$0.isEmpty]
            },
            "byChannelHeading": s.text("petitions.report.byChannel"), "byAreaHeading": s.text("findings.ledger.byArea"),
            "byChannel": report.byChannel.map { tally(s.label($0.key.label), $0.tally) } + [total],
            "byArea": report.byArea.map { tally($0.code.isEmpty ? s.text("findings.ledger.itself") : $0.name, $0.tally) } + [total],
            "listHeading": s.text("petitions.listHeading", ["count": s.count(rows.count)]), "hasRows": !rows.isEmpty,
            "none": s.text("household.none"),
            "columns": ["key", "area", "channel", "category", "receivedOn", "petitioner", "unit", "deadline", "state"].map {
                ["label": s.text("petitions.column." + $0)]
            },
            "rows": rows.map { p -> [String: Any] in
                [
                    "key": p.key.description, "link": "/petitions/\(p.key)", "area": p.area.rawValue, "channel": s.label(p.channel.label),
                    "category": s.label(p.category.label), "receivedOn": p.receivedOn.description,
                    "petitioner": p.petitionerName.isEmpty ? "—" : p.petitionerName,
                    "unit": p.assignedUnit ?? "—", "deadline": p.deadline.description, "state": s.label(p.state.label),
                    "overdue": p.isOverdue(on: day),
                    "overdueText": s.text("findings.overdueDays", ["days": s.count(p.daysOverdue(on: day))]),
                ]
            },
        ]
        if AccessPolicy.allowed(user.role).contains(.recordFinding) {
            values["receiveForm"] =
                [
                    "heading": s.text("petitions.receive"), "action": "/petitions", "csrf": context.session?.csrfToken ?? "",
                    "error": refused ?? false,
                    "areaLabel": s.text("petitions.column.area"), "area": typed["area"] ?? user.scope.code?.rawValue ?? "",
                    "channelLabel": s.text("petitions.column.channel"),
                    "channels": PetitionChannel.allCases.map {
                        ["value": $0.token, "label": s.label($0.label), "selected": $0.token == typed["channel"]]
                    },
                    "categoryLabel": s.text("petitions.column.category"),
                    "categories": FindingCategory.allCases.map {
                        ["value": $0.token, "label": s.label($0.label), "selected": $0.token == typed["category"]]
                    },
                    "receivedOnLabel": s.text("petitions.column.receivedOn"), "receivedOn": typed["receivedOn"] ?? day.description,
                    "deadlineLabel": s.text("petitions.deadlineHint"), "deadline": typed["deadline"] ?? "",
                    "nameLabel": s.text("petitions.name"), "name": typed["name"] ?? "", "phoneLabel": s.text("petitions.phone"),
                    "phone": typed["phone"] ?? "",
                    "householdLabel": s.text("findings.household"), "household": typed["household"] ?? "",
                    "contentLabel": s.text("petitions.content"), "content": typed["content"] ?? "", "submit": s.text("petitions.receive.submit"),
                ] as [String: Any]
        }
        return site.page("petitions", values, context: context, title: s.text("petitions.title"), status: status)
    }

    func petitionPage(
        _ key: PetitionKey, user: User, context: TuopinRequestContext, done: String? = nil, typed: [String: String] = [:], refused: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let day = today()
        let (p, steps) = try await petitions.file(key, by: user)
        var facts: [[String: String]] = [
            ["label": s.text("petitions.column.area"), "value": p.area.rawValue],
            ["label": s.text("petitions.column.channel"), "value": s.label(p.channel.label)],
            ["label": s.text("petitions.column.category"), "value": s.label(p.category.label)],
            ["label": s.text("petitions.column.receivedOn"), "value": p.receivedOn.description],
            [
                "label": s.text("petitions.column.petitioner"),
                "value": (p.petitionerName.isEmpty ? "—" : p.petitionerName) + (p.petitionerPhone.isEmpty ? "" : " " + p.petitionerPhone),
            ],
            ["label": s.text("petitions.column.unit"), "value": p.assignedUnit ?? "—"],
            ["label": s.text("petitions.column.deadline"), "value": p.deadline.description],
            [
                "label": s.text("petitions.column.state"),
                "value": s.label(p.state.label)
                    + (p.isOverdue(on: day) ? s.text("findings.overdueDays", ["days": s.count(p.daysOverdue(on: day))]) : ""),
            ],
        ]
        if let sat = p.satisfaction { facts.append(["label": s.text("petitions.satisfaction"), "value": s.label(sat.label)]) }
        if p.escalations > 0 { facts.append(["label": s.text("petitions.tally.escalated"), "value": s.count(p.escalations)]) }
        if let h = p.household { facts.append(["label": s.text("findings.household"), "value": h.rawValue, "link": "/households/\(h.rawValue)"]) }
        var values: [String: Any] = [
            "title": s.text("petitions.one", ["key": key.description]), "back": s.text("petitions.back"), "content": p.content, "facts": facts,
            "stepsHeading": s.text("petitions.steps"),
            "stepColumns": ["date", "kind", "by", "note"].map { ["label": s.text("findings.step." + $0)] },
            "steps": steps.map {
                [
                    "date": $0.date.description, "kind": s.label($0.kind.label), "by": $0.username + "（" + s.label($0.role.label) + "）",
                    // The receipt's note is the channel's token.
                    "note": $0.kind == .received ? PetitionChannel(token: $0.note).map { s.label($0.label) } ?? $0.note : $0.note,
                ]
            },
        ]
        if let done, PetitionStepKind(rawValue: done) != nil { values["done"] = s.text("petitions.done." + done) }
        let kinds: [(PetitionStepKind, AccessAction)] =
            switch p.state {
            case .received: [(.assigned, .recordFinding), (.escalated, .recordFinding)]
            case .assigned: [(.replied, .rectifyFinding), (.escalated, .recordFinding)]
            case .replied: [(.rated, .recordFinding), (.escalated, .recordFinding)]
            case .closed: []
            }
        let allowed = kinds.filter { AccessPolicy.decide(user, $0.1, area: p.area).passed }.map(\.0)
        if !allowed.isEmpty {
            let chosen = allowed.first { $0.token == typed["kind"] } ?? allowed[0]
            values["stepForm"] =
                [
                    "heading": s.text("findings.stepForm"), "action": "/petitions/\(key)/step", "csrf": context.session?.csrfToken ?? "",
                    "error": refused ?? false,
                    "kindLabel": s.text("findings.step.kind"),
                    "kinds": allowed.map { ["value": $0.token, "label": s.label($0.label), "selected": $0 == chosen] },
                    "dateLabel": s.text("findings.step.date"), "date": typed["date"] ?? day.description,
                    "unitLabel": s.text("petitions.unitHint"), "unit": typed["unit"] ?? "",
                    "deadlineLabel": s.text("petitions.column.deadline"), "deadline": typed["deadline"] ?? "",
                    "answerLabel": s.text("petitions.satisfaction"),
                    "answers": Satisfaction.allCases.map {
                        ["value": $0.token, "label": s.label($0.label), "selected": $0.token == typed["answer"]]
                    },
                    "textLabel": s.text("petitions.textHint"), "text": typed["text"] ?? "", "submit": s.text("findings.step.submit"),
                ] as [String: Any]
        } else if let refused {
            values["refused"] = refused
        }
        return site.page("petition", values, context: context, title: s.text("petitions.one", ["key": key.description]), status: status)
    }

    static func key(_ text: String?) throws -> PetitionKey {
        guard let text, let key = PetitionKey(text) else { throw PetitionError.notFound(String((text ?? "").prefix(40))) }
        return key
    }
}
