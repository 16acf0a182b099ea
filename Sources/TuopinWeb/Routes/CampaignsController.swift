import Foundation
import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/campaigns`: visit campaigns (回头看, 入户调查全覆盖, 集中排查). The list of an area's campaigns
/// with a form to start one (county and city offices); `/campaigns/{430481-1}` is a campaign's
/// coverage by area and by cadre, the households not yet visited, a form to reassign one, and
/// the differences visits found with the registry, each with the township's decision form.
/// The field form (`/campaigns/{key}/field`, `CampaignsController+Field`) records visits, also offline.
struct CampaignsController: Sendable {
    let campaigns: CampaignService
    let site: Site
    let today: @Sendable () -> CivilDate

    /// Households listed as not yet visited on the page (the CLI lists them all).
    static let notVisitedShown = 200

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: list)
            .post(use: create)
            .get(":key", use: show)
            .post(":key/assign", use: assign)
            .post(":key/differences/:difference", use: decide)
            .get(":key/field", use: field)
            .post(":key/visits", use: visit)
            .get(":key/visits/:visit/photo", use: photo)
    }

    func list(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        return try await listPage(area: try WorklistController.area(request.uri.queryParameters.get("area")), user: user, context: context)
    }

    func create(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let f = context.form
        let typed = Dictionary(
            uniqueKeysWithValues: ["kind", "area", "title", "opens", "closes", "target", "exitYear", "cadres"].map {
                ($0, String((f.value($0) ?? "").prefix(CampaignRules.maxTitle + 1)))
            })
        do {
            let target: CampaignTarget =
                typed["target"] == "exited"
                ? .exitedIn(try FindingsController.field("exitYear", typed["exitYear"]!) { try FindingsController.required(Int($0), $0) })
                : try FindingsController.field("target", typed["target"]!) { try FindingsController.required(CampaignTarget(token: $0), $0) }
            let (c, _) = try await campaigns.create(
                VisitCampaign(
                    kind: try FindingsController.field("kind", typed["kind"]!) { try FindingsController.required(CampaignKind(token: $0), $0) },
                    area: try FindingsController.field("area", typed["area"]!) { try AdminCode($0) }, title: typed["title"]!,
                    opens: try FindingsController.field("opens", typed["opens"]!) { try CivilDate($0) },
                    closes: try FindingsController.field("closes", typed["closes"]!) { try CivilDate($0) }, target: target, createdBy: ""),
                cadres: typed["cadres"]!.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" }).map(String.init),
                by: user)
            return Response(status: .seeOther, headers: [.location: "/campaigns/\(c.key)?done=created"])
        } catch let refused as any WordedError & Sendable {
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await listPage(
                area: nil, user: user, context: context, typed: typed, refused: refused.message(site.strings[context.language]), status: status
            ).response(from: request, context: context)
        }
    }

    /// The campaign's page, or its roster as CSV or Excel (`?format=csv|xlsx`).
    func show(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let key = try Self.key(context.parameters.get("key"))
        switch request.uri.queryParameters.get("format") ?? "" {
        case "": break
        case "csv", "xlsx":
            let s = site.strings[context.language]
            let (_, lines) = try await campaigns.roster(key, by: user)
            let header = ["household", "village", "assignee", "visited", "visits", "lastVisit", "openDifferences"].map {
                s.text("campaigns.roster." + $0)
            }
            let rows: [[Workbook.Cell]] = lines.map { l in
                [
                    .text(l.household.household.rawValue), .text(l.household.village.rawValue), .text(l.household.assignee ?? ""),
                    .text(s.text(l.visits > 0 ? "value.yes" : "value.no")), .count(Int64(l.visits)),
                    .text(l.lastVisit.map { $0.description.replacingOccurrences(of: "T", with: " ") } ?? ""), .count(Int64(l.openDifferences)),
                ]
            }
            let name = "campaign-\(key)"
            if request.uri.queryParameters.get("format") == "xlsx" {
                return ReportsController.download(
                    Workbook([Workbook.Sheet(name: s.text("campaigns.roster.sheet", ["key": key.description]), header: header, rows: rows)]).data(),
                    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: name + ".xlsx")
            }
            let text = ([CSVText.line(header)] + rows.map { CSVText.line($0.map(Self.csvField)) }).joined(separator: "\n")
            return ReportsController.download(Data(("\u{FEFF}" + text + "\n").utf8), type: "text/csv; charset=utf-8", name: name + ".csv")
        case let other: throw BadParameter("format", UnknownValue(value: other))
        }
        return try await campaignPage(key, user: user, context: context, done: request.uri.queryParameters.get("done")).response(
            from: request, context: context)
    }

    /// A workbook cell as CSV text (free text protected against formulas).
    static func csvField(_ cell: Workbook.Cell) -> String {
        switch cell {
        case .text(let t): CSVText.neutralized(t)
        case .count(let n): String(n)
        case .decimal(let d): d.description
        case .empty: ""
        }
    }

    func assign(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let key = try Self.key(context.parameters.get("key"))
        let typed = [
            "household": String((context.form.value("household") ?? "").prefix(40)), "to": String((context.form.value("to") ?? "").prefix(40)),
        ]
        do {
            try await campaigns.reassign(
                key, household: try FindingsController.field("household", typed["household"]!) { try HouseholdNumber($0) },
                to: try FindingsController.field("to", typed["to"]!) { $0 }, by: user)
            return Response(status: .seeOther, headers: [.location: "/campaigns/\(key)?done=assigned#assign"])
        } catch let refused as any WordedError & Sendable {
            if case .notFound = refused as? CampaignError { throw refused }
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await campaignPage(
                key, user: user, context: context, typed: typed, refused: ("assign", refused.message(site.strings[context.language])), status: status
            ).response(from: request, context: context)
        }
    }

    func decide(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let key = try Self.key(context.parameters.get("key"))
        guard let text = context.parameters.get("difference"), let difference = DifferenceKey(text) else {
            throw CampaignError.differenceNotFound(String((context.parameters.get("difference") ?? "").prefix(40)))
        }
        let f = context.form
        do {
            try await campaigns.decide(
                difference,
                try FindingsController.field("decision", f.value("decision") ?? "") {
                    try FindingsController.required(DifferenceState(token: $0), $0)
                },
                resolution: String((f.value("reason") ?? "").prefix(CampaignRules.maxNote + 1)), by: user)
            return Response(status: .seeOther, headers: [.location: "/campaigns/\(key)?done=decided#differences"])
        } catch let refused as any WordedError & Sendable {
            if case .differenceNotFound = refused as? CampaignError { throw refused }
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await campaignPage(
                key, user: user, context: context, refused: ("differences", refused.message(site.strings[context.language])), status: status
            ).response(from: request, context: context)
        }
    }

    // MARK: pages

    func listPage(
        area: AdminCode?, user: User, context: TuopinRequestContext, typed: [String: String] = [:], refused: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let rows = try await campaigns.campaigns(in: area, by: user)
        var values: [String: Any] = [
            "title": s.text("campaigns.title"), "areaLabel": s.text("worklist.area"), "area": area?.rawValue ?? "", "show": s.text("dashboard.show"),
            "hasRows": !rows.isEmpty, "none": s.text("household.none"),
            "columns": ["key", "kind", "area", "title", "opens", "closes", "target"].map { ["label": s.text("campaigns.column." + $0)] },
            "rows": rows.map {
                [
                    "key": $0.key.description, "link": "/campaigns/\($0.key)", "kind": s.label($0.kind.label), "area": $0.area.rawValue,
                    "title": $0.title, "opens": $0.opens.description, "closes": $0.closes.description, "target": s.label($0.target.label),
                ]
            },
        ]
        if AccessPolicy.allowed(user.role).contains(.runCampaign) {
            let day = today()
            let targets = ["enrolled", "monitored", "exited"] + ["status:notExited+returnedToPoverty"]
            values["createForm"] =
                [
                    "heading": s.text("campaigns.create"), "action": "/campaigns", "csrf": context.session?.csrfToken ?? "",
                    "error": refused ?? false,
                    "kindLabel": s.text("campaigns.column.kind"),
                    "kinds": CampaignKind.allCases.map { ["value": $0.token, "label": s.label($0.label), "selected": $0.token == typed["kind"]] },
                    "areaLabel": s.text("campaigns.column.area"), "area": typed["area"] ?? user.scope.code?.rawValue ?? "",
                    "titleLabel": s.text("campaigns.column.title"), "titleValue": typed["title"] ?? "",
                    "opensLabel": s.text("campaigns.column.opens"), "opens": typed["opens"] ?? day.description,
                    "closesLabel": s.text("campaigns.column.closes"), "closes": typed["closes"] ?? day.adding(days: 30).description,
                    "targetLabel": s.text("campaigns.column.target"),
                    "targets": targets.map { t in
                        [
                            "value": t, "label": s.text("campaigns.target." + t.replacingOccurrences(of: ":", with: ".")),
                            "selected": t == typed["target"],
                        ]
                    },
                    "exitYearLabel": s.text("campaigns.exitYear"), "exitYear": typed["exitYear"] ?? "2020",
                    "cadresLabel": s.text("campaigns.cadres"), "cadres": typed["cadres"] ?? "", "submit": s.text("campaigns.create.submit"),
                ] as [String: Any]
        }
        return site.page("campaigns", values, context: context, title: s.text("campaigns.title"), status: status)
    }

    func campaignPage(
        _ key: CampaignKey, user: User, context: TuopinRequestContext, done: String? = nil, typed: [String: String] = [:],
        refused: (form: String, message: String)? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let p = try await campaigns.coverage(key, by: user)
        let c = p.campaign
        func row(_ name: String, _ code: String?, _ x: CampaignCoverage) -> [String: Any] {
            [
                "name": name, "code": code ?? false, "targets": s.count(x.targets), "assigned": s.count(x.assigned), "visited": s.count(x.visited),
                "notVisited": s.count(x.notVisited), "percent": x.percent?.description ?? "—",
            ]
        }
        let all = try await campaigns.differences(key, state: nil, by: user)
        // Open ones first; the page lists at most as many as it lists households not visited.
        let differences = Array((all.filter { $0.state == .open } + all.filter { $0.state != .open }).prefix(Self.notVisitedShown))
        let mayDecide = AccessPolicy.allowed(user.role).contains(.reviewAtTownship)
        var values: [String: Any] = [
            "title": s.text("campaigns.one", ["key": key.description, "title": c.title]), "back": s.text("campaigns.back"),
            "summary": s.text(
                "campaigns.summary",
                [
                    "kind": s.label(c.kind.label), "area": c.area.rawValue, "opens": c.opens.description, "closes": c.closes.description,
                    "target": s.label(c.target.label), "by": c.createdBy,
                ]),
            "coverage": p.total.percent.map {
                s.text("campaigns.coverage", ["percent": $0.description, "visited": s.count(p.total.visited), "targets": s.count(p.total.targets)])
            } ?? s.text("campaigns.coverage.none"),
            "fieldLink": "/campaigns/\(key)/field", "fieldLabel": s.text("campaigns.field"),
            "downloadsLabel": s.text("campaigns.roster.download"), "csv": "/campaigns/\(key)?format=csv", "xlsx": "/campaigns/\(key)?format=xlsx",
            "coverageColumns": ["", "targets", "assigned", "visited", "notVisited", "percent"].map {
                ["label": $0.isEmpty ? "" : s.text("campaigns.tally." + $0), "num": !$0.isEmpty]
            },
            "byArea": p.byArea.map { row($0.name, $0.code.rawValue, $0.coverage) } + [row(s.text("survey.results.total"), nil, p.total)],
            "byCadreHeading": s.text("campaigns.byCadre"),
            "byCadre": p.byCadre.map { row($0.cadre ?? s.text("campaign.unassigned"), nil, $0.coverage) },
            "notVisitedHeading": s.text("campaigns.notVisited", ["count": s.count(p.notVisited.count)]),
            "notVisitedMore": p.notVisited.count > Self.notVisitedShown
                ? s.text("campaigns.notVisited.more", ["shown": s.count(Self.notVisitedShown)]) : false,
            "notVisited": p.notVisited.prefix(Self.notVisitedShown).map {
                [
                    "household": $0.household.rawValue, "link": "/households/\($0.household.rawValue)", "village": $0.village.rawValue,
                    "assignee": $0.assignee ?? s.text("campaign.unassigned"),
                ]
            },
            "notVisitedColumns": ["household", "village", "assignee"].map { ["label": s.text("campaigns.notVisited." + $0)] },
            "differencesHeading": s.text("campaigns.differences", ["count": s.count(all.filter { $0.state == .open }.count)]),
            "differencesMore": all.count > differences.count
                ? s.text("campaigns.differences.more", ["shown": s.count(differences.count), "count": s.count(all.count)]) : false,
            "hasDifferences": !differences.isEmpty, "none": s.text("household.none"),
            "differenceColumns": ["key", "household", "about", "registry", "visit", "state"].map { ["label": s.text("campaigns.difference." + $0)] },
            "differencesError": refused?.form == "differences" ? refused!.message : false,
            "differenceRows": differences.map { d -> [String: Any] in
                let w = d.difference.worded(s)
                var r: [String: Any] = [
                    "key": d.key.description, "household": d.household.rawValue, "link": "/households/\(d.household.rawValue)", "about": w.about,
                    "registry": w.registry, "visit": w.visit, "state": s.label(d.state.label),
                    "resolution": d.resolution.isEmpty
                        ? false : s.text("campaigns.difference.resolved", ["by": d.decidedBy ?? "", "reason": d.resolution]),
                    "decide": false,
                ]
                if d.state == .open, mayDecide, user.scope.contains(d.village) {
                    r["decide"] =
                        [
                            "action": "/campaigns/\(key)/differences/\(d.key)", "csrf": context.session?.csrfToken ?? "",
                            "reasonLabel": s.text("campaigns.difference.reason"),
                            "choices": [DifferenceState.visitConfirmed, .registryStands].map { ["value": $0.token, "label": s.label($0.label)] },
                            "submit": s.text("campaigns.difference.submit"), "id": d.key.description,
                        ] as [String: Any]
                }
                return r
            },
        ]
        if let done, ["created", "assigned", "decided"].contains(done) { values["done"] = s.text("campaigns.done." + done) }
        if AccessPolicy.decide(user, .runCampaign, area: c.area).passed {
            values["assignForm"] =
                [
                    "heading": s.text("campaigns.assign"), "action": "/campaigns/\(key)/assign", "csrf": context.session?.csrfToken ?? "",
                    "error": refused?.form == "assign" ? refused!.message : false,
                    "householdLabel": s.text("campaigns.notVisited.household"), "household": typed["household"] ?? "",
                    "toLabel": s.text("campaigns.assign.to"), "to": typed["to"] ?? "", "submit": s.text("campaigns.assign.submit"),
                ] as [String: Any]
        }
        return site.page(
            "campaign", values, context: context, title: s.text("campaigns.one", ["key": key.description, "title": c.title]), status: status)
    }

    static func key(_ text: String?) throws -> CampaignKey {
        guard let text, let key = CampaignKey(text) else { throw CampaignError.notFound(String((text ?? "").prefix(40))) }
        return key
    }
}
