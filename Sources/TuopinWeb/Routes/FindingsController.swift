import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/findings`: the rectification ledger (问题整改台账). The list of an area's findings with the
/// overdue ones marked, the R-11 tallies by source and by child area, and a form to record a
/// finding (county and city offices). `/findings/{430481-12}` is one finding's record, with the
/// step its state and the user's role allow: progress and rectification by the responsible
/// side, return or closure (销号) by another role.
struct FindingsController: Sendable {
    let findings: FindingService
    let site: Site
    let today: @Sendable () -> CivilDate

    /// The longest free texts the forms accept (the rules bound them too).
    static let textLimit = FindingRules.maxDescription

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: list)
            .post(use: record)
            .get(":key", use: show)
            .post(":key/step", use: step)
    }

    func list(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        return try await listPage(
            Query(
                area: try WorklistController.area(q.get("area")), state: try Self.code(q.get("state"), "state"),
                source: try Self.code(q.get("source"), "source"), overdue: q.get("overdue") == "1"),
            user: user, context: context)
    }

    struct Query {
        var area: AdminCode?
        var state: RectificationState?
        var source: FindingSource?
        var overdue = false
    }

    /// Records a finding; a refusal is shown at the form with what was typed.
    func record(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let f = context.form
        let typed = Dictionary(
            uniqueKeysWithValues: ["area", "source", "category", "unit", "foundOn", "deadline", "household", "description"].map {
                ($0, String((f.value($0) ?? "").prefix(Self.textLimit + 1)))
            })
        do {
            let day = today()
            let finding = Finding(
                area: try Self.field("area", typed["area"]!) { try AdminCode($0) },
                source: try Self.field("source", typed["source"]!) { try Self.required(FindingSource(token: $0), $0) },
                category: try Self.field("category", typed["category"]!) { try Self.required(FindingCategory(token: $0), $0) },
                description: typed["description"]!, responsibleUnit: typed["unit"]!,
                foundOn: typed["foundOn"]!.isEmpty ? day : try Self.field("foundOn", typed["foundOn"]!) { try CivilDate($0) },
                deadline: try Self.field("deadline", typed["deadline"]!) { try CivilDate($0) },
                household: typed["household"]!.isEmpty ? nil : try Self.field("household", typed["household"]!) { try HouseholdNumber($0) },
                recordedBy: user.username.rawValue)
            let stored = try await findings.record(finding, by: user)
            return Response(status: .seeOther, headers: [.location: "/findings/\(stored.key)?done=recorded"])
        } catch let refused as any WordedError & Sendable {
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await listPage(
                Query(), user: user, context: context, typed: typed, refused: refused.message(site.strings[context.language]), status: status
            ).response(from: request, context: context)
        }
    }

    func show(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        return try await findingPage(
            try Self.key(context.parameters.get("key")), user: user, context: context, done: request.uri.queryParameters.get("done"))
    }

    /// One step of the rectification; a refusal is shown at the form.
    func step(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let key = try Self.key(context.parameters.get("key"))
        let f = context.form
        // One character over the limit, so that the rules refuse a text too long rather than cut it.
        let note = String((f.value("note") ?? "").prefix(Self.textLimit + 1))
        let evidence = String((f.value("evidence") ?? "").prefix(Self.textLimit + 1))
        do {
            let date = try Self.field("date", f.value("date") ?? "") { try CivilDate($0) }
            let step: FindingService.Step
            switch f.value("kind") {
            case "progress": step = .progress(note: note, evidence: evidence)
            case "rectified": step = .rectified(evidence: evidence, note: note)
            case "returned": step = .returned(reason: note)
            case "closed": step = .closed(note: note)
            default:
                throw BadParameter(
                    "kind", f.value("kind").map { UnknownValue(value: String($0.prefix(40))) as any WordedError & Sendable } ?? MissingValue())
            }
            try await findings.take(step, on: date, finding: key, by: user)
            return Response(status: .seeOther, headers: [.location: "/findings/\(key)?done=\(f.value("kind") ?? "")"])
        } catch let refused as any WordedError & Sendable {
            if case .notFound = refused as? FindingError { throw refused }
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await findingPage(
                key, user: user, context: context, refused: refused.message(site.strings[context.language]),
                typed: ["kind": f.value("kind") ?? "", "note": note, "evidence": evidence, "date": f.value("date") ?? ""], status: status
            ).response(from: request, context: context)
        }
    }

    // MARK: pages

    func listPage(
        _ query: Query, user: User, context: TuopinRequestContext, typed: [String: String] = [:], refused: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let day = today()
        let rows = try await findings.findings(
            in: query.area, .init(state: query.state, source: query.source, overdueOn: query.overdue ? day : nil), by: user)
        let ledger = try await findings.ledger(in: query.area, by: user)
        let area = ledger.area
        var values: [String: Any] = [
            "title": s.text("findings.title"), "areaLabel": s.text("worklist.area"), "area": query.area?.rawValue ?? "",
            "show": s.text("dashboard.show"), "csrf": context.session?.csrfToken ?? "",
            "stateLabel": s.text("findings.state"), "sourceLabel": s.text("findings.source"), "overdueLabel": s.text("findings.overdueOnly"),
            "overdueChecked": query.overdue, "any": s.text("findings.any"),
            "states": RectificationState.allCases.map { ["value": $0.token, "label": s.label($0.label), "selected": $0 == query.state] },
            "sources": FindingSource.allCases.map { ["value": $0.token, "label": s.label($0.label), "selected": $0 == query.source] },
            "listHeading": s.text("findings.listHeading", ["count": s.count(rows.count), "overdue": s.count(ledger.total.overdue)]),
            "hasRows": !rows.isEmpty, "none": s.text("household.none"),
            "columns": ["key", "area", "source", "category", "unit", "deadline", "state", "description"].map {
                ["label": s.text("findings.column." + $0)]
            },
            "rows": rows.map { f -> [String: Any] in
                [
                    "key": f.key.description, "link": "/findings/\(f.key)", "area": f.area.rawValue, "source": s.label(f.source.label),
                    "category": s.label(f.category.label), "unit": f.responsibleUnit, "deadline": f.deadline.description,
                    "state": s.label(f.state.label), "overdue": f.isOverdue(on: day),
                    "overdueText": s.text("findings.overdueDays", ["days": s.count(f.daysOverdue(on: day))]),
                    "description": String(f.description.prefix(80)) + (f.description.count > 80 ? "…" : ""),
                ]
            },
            "ledgerHeading": s.text("findings.ledger.title", ["area": area.rawValue, "date": day.description]),
            "ledgerColumns": ["", "total", "inProgress", "rectified", "closed", "overdue", "closedPercent"].map {
                ["label": $0.isEmpty ? "" : s.text("findings.tally." + $0), "num": !$0.isEmpty]
            },
            "bySourceHeading": s.text("findings.ledger.bySource"), "byAreaHeading": s.text("findings.ledger.byArea"),
            "bySource": ledger.bySource.map { Self.tally(s.label($0.key.label), nil, $0.tally, s) } + [
                Self.tally(s.text("findings.ledger.total"), nil, ledger.total, s)
            ],
            "byArea": ledger.byArea.map { Self.tally($0.name, "/findings?area=\($0.code)", $0.tally, s) }
                + (ledger.atAreaItself.map { [Self.tally(s.text("findings.ledger.itself"), nil, $0, s)] } ?? [])
                + [Self.tally(s.text("findings.ledger.total"), nil, ledger.total, s)],
        ]
        if AccessPolicy.allowed(user.role).contains(.recordFinding) {
            values["newHeading"] = s.text("findings.new")
            values["newForm"] =
                [
                    "action": "/findings", "csrf": context.session?.csrfToken ?? "", "submit": s.text("findings.new.submit"),
                    "error": refused ?? false,
                    "areaLabel": s.text("findings.column.area"), "area": typed["area"] ?? area.rawValue,
                    "sourceLabel": s.text("findings.source"),
                    "sources": FindingSource.allCases.map {
                        ["value": $0.token, "label": s.label($0.label), "selected": $0.token == typed["source"]]
                    },
                    "categoryLabel": s.text("findings.column.category"),
                    "categories": FindingCategory.allCases.map {
                        ["value": $0.token, "label": s.label($0.label), "selected": $0.token == typed["category"]]
                    },
                    "unitLabel": s.text("findings.column.unit"), "unit": typed["unit"] ?? "",
                    "foundOnLabel": s.text("findings.foundOn"), "foundOn": typed["foundOn"] ?? day.description,
                    "deadlineLabel": s.text("findings.column.deadline"), "deadline": typed["deadline"] ?? "",
                    "householdLabel": s.text("findings.household"), "household": typed["household"] ?? "",
                    "descriptionLabel": s.text("findings.column.description"), "description": typed["description"] ?? "",
                ] as [String: Any]
        }
        return site.page("findings", values, context: context, title: s.text("findings.title"), status: status)
    }

    static func tally(_ name: String, _ link: String?, _ t: RectificationTally, _ s: Localizer) -> [String: Any] {
        [
            "name": name, "link": link ?? false, "total": s.count(t.total), "inProgress": s.count(t.inProgress), "rectified": s.count(t.rectified),
            "closed": s.count(t.closed), "overdue": s.count(t.overdue), "late": t.overdue > 0, "closedPercent": t.closedPercent?.description ?? "—",
        ]
    }

    func findingPage(
        _ key: FindingKey, user: User, context: TuopinRequestContext, done: String? = nil, refused: String? = nil, typed: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let day = today()
        let (f, steps) = try await findings.file(key, by: user)
        var facts: [[String: String]] = [
            ["label": s.text("findings.column.area"), "value": f.area.rawValue],
            ["label": s.text("findings.source"), "value": s.label(f.source.label)],
            ["label": s.text("findings.column.category"), "value": s.label(f.category.label)],
            ["label": s.text("findings.column.unit"), "value": f.responsibleUnit],
            ["label": s.text("findings.foundOn"), "value": f.foundOn.description],
            ["label": s.text("findings.column.deadline"), "value": f.deadline.description],
            [
                "label": s.text("findings.state"),
                "value": s.label(f.state.label)
                    + (f.isOverdue(on: day) ? s.text("findings.overdueDays", ["days": s.count(f.daysOverdue(on: day))]) : ""),
            ],
        ]
        if let h = f.household { facts.append(["label": s.text("findings.household"), "value": h.rawValue, "link": "/households/\(h.rawValue)"]) }
        var values: [String: Any] = [
            "title": s.text("findings.one", ["key": key.description]), "description": f.description, "facts": facts,
            "back": s.text("findings.back"),
            "stepsHeading": s.text("findings.steps"),
            "stepColumns": ["date", "kind", "by", "note", "evidence"].map { ["label": s.text("findings.step." + $0)] },
            "steps": steps.map {
                [
                    "date": $0.date.description, "kind": s.label($0.kind.label), "by": $0.username + "（" + s.label($0.role.label) + "）",
                    "note": $0.note, "evidence": $0.evidence,
                ]
            },
        ]
        if f.isOverdue(on: day) {
            values["overdueNote"] = s.text("findings.overdueNote", ["deadline": f.deadline.description, "days": s.count(f.daysOverdue(on: day))])
        }
        if let done, ["recorded", "progress", "rectified", "returned", "closed"].contains(done) { values["done"] = s.text("findings.done." + done) }
        let kinds: [(RectificationStepKind, AccessAction)] =
            switch f.state {
            case .inProgress: [(.progress, .rectifyFinding), (.rectified, .rectifyFinding)]
            case .rectified: [(.closed, .verifyFinding), (.returned, .verifyFinding)]
            case .closed: []
            }
        let allowed = kinds.filter { AccessPolicy.decide(user, $0.1, area: f.area).passed }.map(\.0)
        if !allowed.isEmpty {
            let chosen = allowed.first { $0.token == typed["kind"] } ?? allowed[0]
            values["stepForm"] =
                [
                    "action": "/findings/\(key)/step", "csrf": context.session?.csrfToken ?? "", "heading": s.text("findings.stepForm"),
                    "error": refused ?? false, "kindLabel": s.text("findings.step.kind"),
                    "kinds": allowed.map { ["value": $0.token, "label": s.label($0.label), "selected": $0 == chosen] },
                    "dateLabel": s.text("findings.step.date"), "date": typed["date"] ?? day.description,
                    "noteLabel": s.text("findings.step.noteHint"), "note": typed["note"] ?? "",
                    "evidenceLabel": s.text("findings.step.evidenceHint"), "evidence": typed["evidence"] ?? "",
                    "submit": s.text("findings.step.submit"),
                ] as [String: Any]
        } else if let refused {
            values["refused"] = refused
        }
        return site.page("finding", values, context: context, title: s.text("findings.one", ["key": key.description]), status: status)
    }

    // MARK: reading the request

    static func key(_ text: String?) throws -> FindingKey {
        guard let text, let key = FindingKey(text) else { throw FindingError.notFound(String((text ?? "").prefix(40))) }
        return key
    }

    static func code<T: CodeListValue>(_ text: String?, _ name: String) throws -> T? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = T(token: text) else { throw BadParameter(name, UnknownValue(value: String(text.prefix(40)))) }
        return value
    }

    static func required<T>(_ value: T?, _ text: String) throws -> T {
        guard let value else { throw UnknownValue(value: String(text.prefix(40))) }
        return value
    }

    /// A form field read by `parse`; an empty or unreadable field is refused under its name.
    static func field<T>(_ name: String, _ text: String, _ parse: (String) throws -> T) throws -> T {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { throw BadParameter(name, MissingValue()) }
        do { return try parse(t) } catch let e as any WordedError & Sendable { throw BadParameter(name, e) } catch {
            throw BadParameter(name, UnknownValue(value: String(t.prefix(40))))
        }
    }
}
