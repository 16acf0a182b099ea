import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/worklist`: what needs doing in an area, the lists the dashboard's alerts open: monitoring
/// procedures past their deadlines (DQ-040–042), open red-line review items (decided here at the
/// county, with the reason), the differences campaign visits found with the registry (decided
/// by the township on the campaign's page), and data-quality findings (errors first). The data-quality check
/// of a large area runs in the background; the page shows its findings when they are ready.
struct WorklistController: Sendable {
    let monitoring: MonitoringService
    let feeds: FeedService
    let quality: QualityService
    let campaigns: CampaignService
    let site: Site
    let today: @Sendable () -> CivilDate

    /// The findings listed on the page (the counts cover them all; `tuopin check` lists every one).
    static let shownFindings = 200

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: worklist)
            .post("review/:reference", use: decide)
    }

    func worklist(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let area = try Self.area(request.uri.queryParameters.get("area"))
        return try await page(area: area, user: user, context: context, done: request.uri.queryParameters.get("done") == "review")
    }

    /// Confirms or dismisses an open review item with the reason; a refusal is shown at the list.
    func decide(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let f = context.form
        let area = try Self.area(f.value("area"))
        let reference = String((context.parameters.get("reference") ?? "").prefix(40))
        do {
            guard let text = f.value("decision"), let decision = FeedService.ReviewDecision(rawValue: text) else {
                throw BadParameter("decision", f.value("decision").map { UnknownValue(value: $0) as any WordedError & Sendable } ?? MissingValue())
            }
            try await feeds.decide(reference, decision, reason: String((f.value("reason") ?? "").prefix(200)), by: user)
            let query = area.map { "area=\($0.rawValue)&" } ?? ""
            return Response(status: .seeOther, headers: [.location: "/worklist?\(query)done=review#review"])
        } catch let refused as any WordedError & Sendable {
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await page(
                area: area, user: user, context: context, refused: (reference, refused.message(site.strings[context.language])), status: status
            ).response(from: request, context: context)
        }
    }

    func page(
        area: AdminCode?, user: User, context: TuopinRequestContext, done: Bool = false, refused: (reference: String, message: String)? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let day = today()
        let overdue = try await monitoring.overdue(in: area, today: day, by: user)
        let items = try await feeds.items(in: area, state: "open", by: user)
        let shelved = try await quality.shelved(area: area, by: user)
        let differences = try await campaigns.openDifferences(in: area, limit: Self.shownFindings, by: user)
        let mayDecide = items.contains { item in
            (try? AdminCode(item.village)).map { AccessPolicy.decide(user, .approveAtCounty, area: $0).passed } ?? false
        }
        var values: [String: Any] = [
            "title": s.text("worklist.title"), "areaLabel": s.text("worklist.area"), "area": area?.rawValue ?? "", "show": s.text("dashboard.show"),
            "csrf": context.session?.csrfToken ?? "",
            "overdueHeading": s.text("worklist.overdue", ["count": s.count(overdue.count)]), "hasOverdue": !overdue.isEmpty,
            "overdueColumns": ["kind", "case", "household", "date", "days"].map { ["label": s.text("worklist.overdue." + $0)] },
            "overdue": overdue.map { o in
                [
                    "kind": s.text("monitor.overdue." + o.kind.rawValue), "case": o.reference, "household": o.household,
                    "link": "/households/\(o.household)", "date": o.date.description,
                    "days": s.count(o.days) + (o.required.map { " / " + s.count($0) } ?? ""),
                ]
            },
            "reviewHeading": s.text("worklist.review", ["count": s.count(items.count)]), "hasReview": !items.isEmpty,
            "reviewColumns": ["reference", "household", "redLine", "feed", "date", "detail"].map { ["label": s.text("worklist.review." + $0)] },
            "review": items.map { item -> [String: Any] in
                var row: [String: Any] = [
                    "reference": item.reference, "household": item.household, "link": "/households/\(item.household)",
                    "redLine": RedLine(rawValue: item.redLine).map { item.redLine + " " + s.label($0.label) } ?? item.redLine,
                    "feed": FeedKind(rawValue: item.feed).map { s.label($0.label) } ?? item.feed, "date": item.date,
                    "detail": item.detail + (item.amount.map { s.text("worklist.review.amount", ["amount": $0]) } ?? ""),
                ]
                if let refused, refused.reference == item.reference { row["error"] = refused.message }
                if (try? AdminCode(item.village)).map({ AccessPolicy.decide(user, .approveAtCounty, area: $0).passed }) ?? false {
                    row["decideAction"] = "/worklist/review/\(item.reference)"
                }
                return row
            },
            "none": s.text("household.none"),
            "differencesHeading": s.text("worklist.differences", ["count": s.count(differences.total)]), "hasDifferences": !differences.rows.isEmpty,
            "differencesShown": differences.total > differences.rows.count
                ? s.text("worklist.differences.shown", ["shown": s.count(differences.rows.count)]) : false,
            "differenceColumns": ["campaign", "household", "about", "registry", "visit", "date"].map {
                ["label": s.text("worklist.differences." + $0)]
            },
            "differences": differences.rows.map { d -> [String: String] in
                let w = d.difference.worded(s)
                let campaign = CampaignKey(county: d.key.county, number: d.campaign)
                return [
                    "campaign": campaign.description, "campaignLink": "/campaigns/\(campaign)#differences", "household": d.household.rawValue,
                    "link": "/households/\(d.household.rawValue)", "about": w.about, "registry": w.registry, "visit": w.visit,
                    "date": d.openedOn.description,
                ]
            },
        ]
        if mayDecide {
            values["decisionLabel"] = s.text("worklist.review.decision")
            values["decisions"] = FeedService.ReviewDecision.allCases.map {
                ["value": $0.rawValue, "label": s.text("worklist.review." + $0.rawValue)]
            }
            values["reasonLabel"] = s.text("worklist.review.reason")
            values["decideSubmit"] = s.text("worklist.review.submit")
        }
        if done { values["done"] = s.text("worklist.review.done") }
        var refresh: Int?
        if let (report, checkedAt) = shelved.latest {
            let errors = report.findings.filter { $0.severity == .error }, warnings = report.findings.count - errors.count
            let shown = (errors + report.findings.filter { $0.severity != .error }).prefix(Self.shownFindings)
            values["qualityHeading"] = s.text("worklist.quality", ["errors": s.count(errors.count), "warnings": s.count(warnings)])
            values["qualityRules"] = report.counts.filter { $0.count > 0 }.map {
                ["rule": $0.rule, "title": s.text("dq." + $0.rule), "severity": s.label($0.severity.label), "count": s.count($0.count)]
            }
            values["hasFindings"] = !shown.isEmpty
            values["checkedAt"] = s.text("worklist.quality.checkedAt", ["time": AuditPage.chinaTime(Instant(checkedAt))])
            values["findingsNote"] = s.text("worklist.quality.shown", ["shown": s.count(shown.count), "count": s.count(report.findings.count)])
            values["ruleColumns"] = ["rule", "title", "severity", "count"].map { ["label": s.text("worklist.quality." + $0)] }
            values["findingColumns"] = ["rule", "severity", "household", "subject", "reason"].map { ["label": s.text("worklist.quality." + $0)] }
            values["findings"] = shown.map { f in
                [
                    "rule": f.rule, "severity": s.label(f.severity.label), "household": f.household, "link": "/households/\(f.household)",
                    "subject": f.member ?? f.monitoringCase ?? f.measure.map { "#\($0)" } ?? "", "reason": s.explain(f.check),
                    "error": f.severity == .error,
                ] as [String: Any]
            }
        }
        if let failure = shelved.failure {
            values["qualityFailed"] = s.text("worklist.quality.failed", ["reason": s.describe(failure)])
        }
        if shelved.latest == nil {
            values["qualityHeading"] = s.text("worklist.quality.heading")
        }
        if shelved.latest == nil && shelved.failure == nil {
            values["qualityPending"] = s.text("worklist.quality.pending")
            // The page reloads itself until the check is ready, unless that would lose a decision being typed.
            if !mayDecide { refresh = 3 }
        }
        return site.page("worklist", values, context: context, title: s.text("worklist.title"), status: status, refresh: refresh)
    }

    static func area(_ text: String?) throws -> AdminCode? {
        guard let text, !text.isEmpty else { return nil }
        do { return try AdminCode(text) } catch { throw BadParameter("area", error) }
    }
}
