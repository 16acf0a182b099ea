import TuopinCore
import TuopinServices
import TuopinStrings

/// The R-10 page: a row per area (the total, each child, the area's own level) with each KPI's
/// rate and sample and whether all four are met; under it, the total's KPIs in words.
enum QualityPage {
    static func render(_ report: QualityKpiReport, site: Site, context: TuopinRequestContext) -> HTML {
        let s = site.strings[context.language]
        let a = report.area.code.rawValue, y = String(report.year)
        let title = s.text("quality.title", ["area": report.area.name, "code": a, "year": y])
        func cell(_ rate: String?, _ found: Int64, _ sampled: Int64) -> [String: Any] {
            ["rate": rate.map { $0 + "%" } ?? "—", "sample": rate == nil ? false : "\(s.count(Int(found))) / \(s.count(Int(sampled)))"]
        }
        let rows = ([report.total] + report.rows).enumerated().map { i, r -> [String: Any] in
            let x = QualityKpiExport.row(r, s)
            let isChild = i > 0 && r.name != nil
            return [
                "name": x.name, "link": isChild ? "/reports/quality?area=\(r.code)&year=\(y)" : false, "total": i == 0,
                "cells": [
                    r.registry.map {
                        cell(x.compositeIncidence, $0.remainingPoorPeople + x.verifiedMissed + x.wronglyExited, $0.ruralRegisteredPopulation)
                    } ?? cell(nil, 0, 0),
                    cell(x.wrongExitRate, x.wronglyExited, x.sampledExited), cell(x.missedRate, x.verifiedMissed, x.sampledNonEnrolled),
                    cell(x.approvalRate, x.approving, x.surveyed),
                ],
                "met": x.met, "verdict": s.text(x.met ? "quality.met" : "quality.notMet"),
                "inclusion": cell(x.wrongInclusionRate, x.wronglyIncluded, x.sampledEnrolled),
            ]
        }
        let values: [String: Any] = [
            "title": title, "areaLabel": s.text("households.area"), "yearLabel": s.text("quality.year"), "show": s.text("dashboard.show"),
            "area": a, "year": y,
            "columns": [
                "quality.column.area_name", "quality.column.composite_incidence", "quality.column.wrong_exit_rate", "quality.column.missed_rate",
                "quality.column.approval_rate", "quality.column.met", "quality.column.wrong_inclusion_rate",
            ].map { ["label": s.text($0)] },
            "rows": rows,
            "reasons": report.total.decision.checks.map {
                ["passed": $0.passed, "mark": $0.passed ? "✔" : "✘", "text": s.explain($0)] as [String: Any]
            }, "reasonsHeading": s.text("quality.reasons"),
            "explain": s.text(
                "quality.explain",
                [
                    "incidence": Self.threshold(QualityKpis.compositeIncidence, "maximum", report),
                    "maximum": Self.threshold(QualityKpis.wrongExitRate, "maximum", report),
                    "minimum": Self.threshold(QualityKpis.publicApproval, "minimum", report),
                ]),
            "csv": "/reports/quality?area=\(a)&year=\(y)&format=csv", "xlsx": "/reports/quality?area=\(a)&year=\(y)&format=xlsx",
            "downloadsLabel": s.text("reports.downloads"),
        ]
        return site.page("quality", values, context: context, title: title, query: ["area": a, "year": y])
    }

    /// The threshold in force that the total's check of `rule` recorded under `name`.
    static func threshold(_ rule: RuleID, _ name: String, _ report: QualityKpiReport) -> String {
        guard case .count(let n)? = report.total.decision.checks.first(where: { $0.rule == rule })?[name] else { return "—" }
        return String(n)
    }
}
