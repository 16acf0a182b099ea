import Foundation
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The three renderings of area summaries.
enum StatsOutput {
    static func json(_ summaries: [AreaSummary], single: Bool, reported: [String: [FigureComparison]] = [:]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let reports = summaries.map { AreaSummaryReport($0, reported: reported[$0.area.code.rawValue] ?? []) }
        let data = single ? try encoder.encode(reports[0]) : try encoder.encode(reports)
        return String(decoding: data, as: UTF8.self)
    }

    static let csvHeader = [
        "area_code", "area_name", "as_of", "households_enrolled", "people_enrolled", "households_exited", "people_exited",
        "households_not_exited", "people_not_exited", "rural_registered_population", "population_year", "incidence_percent",
        "enrolment_incidence_percent", "enrolment_baseline", "poor_villages", "poor_villages_exited",
    ]

    /// The six counts of each row: households and people enrolled, exited, not exited.
    static func counts(_ s: AreaSummary) -> [Int64] {
        let c = s.counts
        return [c.enrolledHouseholds, c.enrolledPeople, c.exitedHouseholds, c.exitedPeople, c.remainingHouseholds, c.remainingPeople].map(Int64.init)
    }

    /// The count cells to show as "<k": each count column adds up to the published parent, and
    /// in each row exited + not exited make up the enrolled (households, and people).
    /// How each hidden count is shown: "<k" when it is small, "x" when hidden to protect one.
    static func hidden(_ summaries: [AreaSummary], k: Int?) -> [SmallCellSuppression.Position: String] {
        guard let k else { return [:] }
        typealias P = SmallCellSuppression.Position
        var relations = SmallCellSuppression.columns(rows: summaries.count, columns: 6)
        for i in summaries.indices { relations += [[P(i, 0), P(i, 2), P(i, 4)], [P(i, 1), P(i, 3), P(i, 5)]] }
        let (small, protecting) = SmallCellSuppression.suppression(summaries.map(counts), k: Int64(k), relations: relations)
        var shown: [P: String] = [:]
        for p in small { shown[p] = "<\(k)" }
        for p in protecting { shown[p] = "x" }
        return shown
    }

    static func csv(_ summaries: [AreaSummary], suppressBelow k: Int? = nil) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        let hidden = hidden(summaries, k: k)
        for (i, s) in summaries.enumerated() {
            var fields: [String] = [s.area.code.rawValue, CSVText.neutralized(s.area.name), s.asOf.description]
            fields += counts(s).enumerated().map { j, v in hidden[.init(i, j)] ?? String(v) }
            let population = s.incidence.ruralRegisteredPopulation
            fields.append(population > 0 ? String(population) : "")
            fields.append(s.incidence.populationYear.map { String($0) } ?? "")
            fields.append(s.incidence.percent?.text ?? "")
            fields.append(s.baseline?.incidence.percent?.text ?? "")
            fields.append(s.baseline?.date.description ?? "")
            fields += [String(s.poorVillagesDesignated), String(s.poorVillagesExited)]
            lines.append(CSVText.line(fields))
        }
        return lines.joined(separator: "\n")
    }

    /// The same rows as the CSV, as a workbook: one sheet, headers in the reader's language.
    static func workbook(_ summaries: [AreaSummary], strings s: Localizer, suppressBelow k: Int? = nil) -> Workbook {
        let header = csvHeader.map { s.text("stats.column." + $0) }
        let hidden = hidden(summaries, k: k)
        let rows: [[Workbook.Cell]] = summaries.enumerated().map { i, x in
            func n(_ v: Int) -> Workbook.Cell { .count(Int64(v)) }
            let population = x.incidence.ruralRegisteredPopulation
            let counts: [Workbook.Cell] = counts(x).enumerated().map { j, v in hidden[.init(i, j)].map { .text($0) } ?? .count(v) }
            return [.text(x.area.code.rawValue), .text(x.area.name), .text(x.asOf.description)] + counts + [
                population > 0 ? .count(population) : .empty, x.incidence.populationYear.map { .count(Int64($0)) } ?? .empty,
                x.incidence.percent.map { .decimal($0) } ?? .empty, x.baseline?.incidence.percent.map { .decimal($0) } ?? .empty,
                x.baseline.map { .text($0.date.description) } ?? .empty, n(x.poorVillagesDesignated), n(x.poorVillagesExited),
            ]
        }
        let name = summaries.first.map { s.text("stats.sheet", ["date": $0.asOf.description]) } ?? "-"
        return Workbook([Workbook.Sheet(name: name, header: header, rows: rows)])
    }

    static func table(_ summaries: [AreaSummary], strings s: Localizer, reported: [String: [FigureComparison]] = [:]) -> String {
        summaries.map { summary in
            let comparisons = reported[summary.area.code.rawValue] ?? []
            return ([one(summary, strings: s)] + (comparisons.isEmpty ? [] : [""] + comparisonLines(comparisons, strings: s))).joined(separator: "\n")
        }
        .joined(separator: "\n\n")
    }

    /// Published figures beside the recomputed ones: a header, then indicator, date, published,
    /// recomputed, difference ("一致" when they agree) and source.
    static func comparisonLines(_ comparisons: [FigureComparison], strings s: Localizer) -> [String] {
        [s.text("report.press.header")]
            + comparisons.map { c in
                let row = AreaSummaryReport.ReportedComparison(c)
                return [
                    s.label(c.reported.indicator.label), row.asOf, row.reported, row.recomputed ?? "—",
                    row.difference.map { c.agrees ? s.text("report.agrees") : $0 } ?? "—", row.source,
                ].joined(separator: "\t")
            }
    }

    static func one(_ x: AreaSummary, strings s: Localizer) -> String {
        let c = x.counts
        func row(_ key: String, _ h: Int, _ p: Int) -> String {
            pad(s.text(key), 16) + lpad(s.count(h), 10) + lpad(s.count(p), 12)
        }
        var lines = [
            s.text("stats.title", ["name": x.area.name, "code": x.area.code.rawValue, "date": x.asOf.description]),
            pad("", 16) + lpad(s.text("stats.households"), 10) + lpad(s.text("stats.people"), 12),
            row("stats.enrolled", c.enrolledHouseholds, c.enrolledPeople),
            row("stats.exited", c.exitedHouseholds, c.exitedPeople),
            row("stats.notExited", c.remainingHouseholds, c.remainingPeople),
        ]
        for status in PovertyStatus.allCases {
            if let h = c.households[status] {
                lines.append("  " + pad(s.label(status.label), 14) + lpad(s.count(h), 10) + lpad(s.count(c.people[status] ?? 0), 12))
            }
        }
        lines.append(s.explain(x.incidence.check))
        if let b = x.baseline {
            lines.append(
                s.text(
                    "stats.enrolmentIncidence",
                    [
                        "date": b.date.description, "incidence": b.incidence.percent?.text ?? "—",
                        "people": s.count(Int(b.incidence.remainingPoorPeople)),
                        "population": s.count(Int(b.incidence.ruralRegisteredPopulation)),
                    ]))
        }
        lines.append(
            s.text(
                "stats.reduction",
                [
                    "people": s.count(x.cumulativeReduction),
                    "tenThousand": AreaSummary.tenThousands(x.cumulativeReduction).text,
                ]))
        lines.append(s.text("stats.poorVillages", ["designated": s.count(x.poorVillagesDesignated), "exited": s.count(x.poorVillagesExited)]))
        if x.poorCountiesDesignated > 0 {
            lines.append(s.text("stats.poorCounties", ["designated": s.count(x.poorCountiesDesignated), "exited": s.count(x.poorCountiesExited)]))
        }
        return lines.joined(separator: "\n")
    }

    /// Pads to a display width, counting CJK characters as two columns.
    static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - displayWidth(text))) }
    static func lpad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - displayWidth(text))) + text }
    static func displayWidth(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) } }
}
