import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The households list: the search form with its filters, a page of households (ID numbers
/// masked) and links to the other pages, keeping the filters.
enum HouseholdsPage {
    static func render(_ list: HouseholdFileService.HouseholdList, groups: [SpecialGroup], site: Site, context: TuopinRequestContext) -> HTML {
        let s = site.strings[context.language]
        let f = list.filter
        var query: [String: String] = ["area": f.area.rawValue]
        if let text = f.text, !text.isEmpty { query["q"] = text }
        if let status = f.status { query["status"] = status.token }
        if let attribute = f.attribute { query["attribute"] = attribute.token }
        if let cause = f.cause { query["cause"] = cause.token }
        if f.monitored { query["monitored"] = "1" }
        if let category = f.category { query["category"] = category.token }
        if let group = f.group { query["group"] = group }
        func link(page: Int) -> String {
            "/households?"
                + (query.merging(["page": String(page)]) { $1 }).sorted { $0.key < $1.key }.map { "\($0.key)=\(Site.queryEscape($0.value))" }
                .joined(separator: "&")
        }
        func options<T: CodeListValue>(_ all: [T], chosen: T?) -> [[String: Any]] {
            [["value": "", "label": s.text("households.any"), "selected": chosen == nil]]
                + all.map { ["value": $0.token, "label": s.label($0.label), "selected": $0 == chosen] }
        }
        let title = s.text("households.title")
        var values: [String: Any] = [
            "title": title, "area": f.area.rawValue, "q": f.text ?? "",
            "searchLabel": s.text("households.search"), "searchHint": s.text("households.searchHint"),
            "areaLabel": s.text("households.area"), "statusLabel": s.text("households.status"),
            "attributeLabel": s.text("households.attribute"), "causeLabel": s.text("households.cause"),
            "monitoredLabel": s.text("households.monitored"), "monitored": f.monitored, "show": s.text("dashboard.show"),
            "statuses": options(PovertyStatus.allCases, chosen: f.status),
            "attributes": options(PovertyAttribute.allCases, chosen: f.attribute),
            "causes": options(PovertyCause.allCases, chosen: f.cause),
            "categoryLabel": s.text("households.category"), "categories": options(MonitoringCategory.allCases, chosen: f.category),
            "groupLabel": s.text("households.group"),
            "groups": [["value": "", "label": s.text("households.any"), "selected": f.group == nil] as [String: Any]]
                + groups.map { ["value": $0.token, "label": s.label($0.label), "selected": $0.token == f.group] },
            "summary": s.text(
                "households.summary", ["total": s.count(list.total), "page": s.count(list.page), "pages": s.count(list.pageCount)]),
            "columns": [
                "households.col.number", "households.col.village", "households.col.head", "households.col.id", "households.col.status",
                "households.col.attribute", "households.col.people",
            ].map { ["label": s.text($0)] },
            "rows": list.rows.map { r -> [String: Any] in
                [
                    "number": r.household.rawValue, "link": "/households/\(r.household.rawValue)", "village": r.villageName,
                    "head": r.headName ?? "—", "id": r.headIdNumber ?? "—", "status": r.status.map { s.label($0.label) } ?? "—",
                    "attribute": s.label(r.attribute.label), "people": s.count(r.people),
                ]
            },
            "hasRows": !list.rows.isEmpty, "none": s.text("households.none"), "tableCaption": title,
            "previousLabel": s.text("households.previous"), "nextLabel": s.text("households.next"), "pagingLabel": s.text("households.paging"),
        ]
        // Mustache treats "" as true: a link is set only where there is a page to go to.
        if list.page > 1 { values["previous"] = link(page: list.page - 1) }
        if list.page < list.pageCount { values["next"] = link(page: list.page + 1) }
        return site.page("households", values, context: context, title: title, query: query.merging(["page": String(list.page)]) { $1 })
    }
}
