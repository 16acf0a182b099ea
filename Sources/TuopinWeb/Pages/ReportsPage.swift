import TuopinCore
import TuopinServices
import TuopinStrings

/// The reports page: the chosen roll-up of an area as of a date, dimension by dimension, the
/// press statement above it, links down to the child areas and to the downloads.
enum ReportsPage {
    static func render(answer: RollupService.Answer, press: [String], chart: String = "", site: Site, context: TuopinRequestContext) -> HTML {
        let s = site.strings[context.language]
        let a = answer.area.code.rawValue, d = answer.asOf.description, id = answer.report.rawValue
        let title = s.text(
            "rollup.title", ["id": id, "report": s.label(answer.report.label), "area": answer.area.name, "code": a, "date": d])
        var groups: [[String: Any]] = []
        for dimension in answer.report.dimensions {
            let cells = answer.cells.filter { $0.dimension == dimension }
            groups.append([
                "dimension": s.label(dimension.label),
                "rows": cells.map { c -> [String: String] in
                    let r = RollupExport.row(c, s)
                    return ["label": r.label, "households": s.count(c.households), "people": s.count(c.people), "amount": r.amountYuan ?? ""]
                },
                "empty": cells.isEmpty,
            ])
        }
        let values: [String: Any] = [
            "title": title, "press": press, "pressHeading": s.text("reports.press"), "chart": chart.isEmpty ? false : chart,
            "reportLabel": s.text("reports.report"), "areaLabel": s.text("households.area"), "asOfLabel": s.text("dashboard.asOf"),
            "show": s.text("dashboard.show"), "area": a, "asOf": d,
            "reports": RollupReport.allCases.map {
                ["value": $0.rawValue, "label": $0.rawValue + " " + s.label($0.label), "selected": $0 == answer.report]
            },
            "columns": ["rollup.column.label", "rollup.column.households", "rollup.column.people", "rollup.column.amount_yuan"].map {
                ["label": s.text($0)]
            },
            "groups": groups, "none": s.text("household.none"),
            "childrenHeading": s.text("reports.children"),
            "children": answer.children.map { ["name": $0.area.name, "link": "/reports?report=\(id)&area=\($0.area.code.rawValue)&as-of=\(d)"] },
            "csv": "/reports?report=\(id)&area=\(a)&as-of=\(d)&format=csv", "xlsx": "/reports?report=\(id)&area=\(a)&as-of=\(d)&format=xlsx",
            "downloadsLabel": s.text("reports.downloads"),
            "qualityLink": "/reports/quality?area=\(a)&year=\(answer.asOf.year)", "qualityLabel": s.text("quality.link"),
        ]
        return site.page("reports", values, context: context, title: title, query: ["report": id, "area": a, "as-of": d])
    }
}
