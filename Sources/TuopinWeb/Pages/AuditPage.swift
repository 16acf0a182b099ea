import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The audit page's view model.
enum AuditPage {
    static func render(
        filter: AuditQuery.Filter, since: String, rows: [AuditRow], chains: [AuditService.ChainReport]?, mayVerify: Bool, site: Site,
        context: TuopinRequestContext
    ) -> HTML {
        let s = site.strings[context.language]
        let title = s.text("audit.page.title")
        var values: [String: Any] = [
            "title": title, "actor": filter.actor ?? "", "area": filter.area?.rawValue ?? "", "since": since,
            "actorLabel": s.text("audit.page.actor"), "areaLabel": s.text("households.area"), "sinceLabel": s.text("audit.page.since"),
            "actionLabel": s.text("audit.page.action"), "limitLabel": s.text("audit.page.limit"), "show": s.text("dashboard.show"),
            "actions": [["value": "", "label": s.text("households.any"), "selected": filter.action == nil]]
                + AuditAction.allCases.map { ["value": $0.token, "label": s.label($0.label), "selected": $0.token == filter.action] },
            "limits": AuditController.limits.map { ["value": String($0), "selected": $0 == filter.limit] },
            "columns": ["time", "chain", "actor", "action", "entity", "area"].map { ["label": s.text("audit.page.col." + $0)] },
            "rows": rows.map { r -> [String: String] in
                [
                    "time": (try? Instant(r.instant)).map { Self.chinaTime($0) } ?? r.instant,
                    "chain": (r.countyCode.isEmpty ? s.text("audit.chain.registry") : r.countyCode) + " #\(r.sequence)",
                    "actor": r.actor, "action": AuditAction(token: r.action).map { s.label($0.label) } ?? r.action, "entity": r.entity,
                    "area": r.area ?? "",
                ]
            },
            "hasRows": !rows.isEmpty, "none": s.text("audit.page.none"),
            "summary": s.text("audit.page.summary", ["count": s.count(rows.count)]),
        ]
        if mayVerify && chains == nil {
            values["verifyLink"] = "/audit?verify=1"
            values["verifyLabel"] = s.text("audit.page.verify")
        }
        if let chains {
            values["chainsHeading"] = s.text("audit.page.chains")
            values["chains"] = chains.map { ["text": AuditService.describe($0, s), "state": $0.problem == nil ? "notice" : "alert"] }
        }
        return site.page("audit", values, context: context, title: title)
    }

    /// `2020-10-15 10:00:00` in China Standard Time.
    static func chinaTime(_ t: Instant) -> String {
        let local = t.adding(seconds: Int64(Instant.chinaStandardTime))
        let text = local.description
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(8))
    }
}
