import Foundation
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The table and JSON renderings of the monitoring commands.
enum MonitorOutput {
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func cases(_ reports: [MonitoringCaseReport], format: Monitor.Format, single: Bool = false) {
        let s = Console.strings
        switch format {
        case .json: Console.out(single && reports.count == 1 ? json(reports[0]) : json(reports))
        case .table:
            Console.out(s.text("monitor.cases.header"))
            for r in reports { Console.out(row(r, s)) }
            if !single { Console.out(s.text("monitor.cases.count", ["count": String(reports.count)])) }
        }
    }

    static func row(_ r: MonitoringCaseReport, _ s: Localizer) -> String {
        let state = r.stepLabel.map { r.stateLabel + "·" + $0 } ?? r.stateLabel
        let category = r.category.flatMap(MonitoringCategory.init(token:)).map { s.label($0.label) } ?? "—"
        let risks = r.riskLabels.joined(separator: s.language == .zh ? "、" : ", ")
        return [r.reference, r.household, r.village, state, category, risks, r.leadDate, r.deadline ?? "—"].joined(separator: "\t")
    }

    static func show(_ file: CaseFile, _ view: CaseView, format: Monitor.Format) {
        let templates = view.templates
        let report = view.report(file.monitoringCase)
        switch format {
        case .json:
            struct Shown: Encodable {
                var monitoringCase: MonitoringCaseReport
                var steps: [MonitoringStepEntry]
                var identificationTemplate: String?
                var eliminationTemplate: String?
            }
            Console.out(
                json(
                    Shown(
                        monitoringCase: report, steps: file.steps, identificationTemplate: file.identification?.id,
                        eliminationTemplate: file.elimination?.id)))
        case .table:
            let s = Console.strings
            Console.out(s.text("monitor.cases.header"))
            Console.out(row(report, s))
            Console.out(s.text("monitor.steps.header"))
            for step in file.steps {
                let transition = MonitoringTransition(rawValue: step.transition.rawValue).map { s.label($0.label) } ?? step.transition.rawValue
                let notice = step.notice.map { "\($0.from)–\($0.to)（\($0.days)）" } ?? ""
                Console.out(
                    [
                        step.date.description, step.transition.rawValue, transition, step.step.map { s.label($0.label) } ?? "", step.actor, notice,
                        step.note,
                    ]
                    .joined(separator: "\t"))
            }
        }
    }

    static func overdue(_ items: [OverdueItem], format: Monitor.Format) {
        switch format {
        case .json: Console.out(json(items))
        case .table:
            let s = Console.strings
            Console.out(s.text("monitor.overdue.header"))
            for item in items {
                Console.out(
                    [
                        item.village, item.reference, item.household, s.text("monitor.overdue." + item.kind.rawValue),
                        item.date.description, String(item.days), item.required.map(String.init) ?? "",
                    ].joined(separator: "\t"))
            }
            var counts: [String: Int] = [:]
            for item in items { counts[item.kind.rawValue, default: 0] += 1 }
            for kind in OverdueItem.Kind.allCases {
                Console.out(
                    s.text(
                        "monitor.overdue.total", ["kind": s.text("monitor.overdue." + kind.rawValue), "count": String(counts[kind.rawValue] ?? 0)]))
            }
        }
    }

    static func sweep(_ r: SweepReport, format: Monitor.Format) {
        switch format {
        case .json: Console.out(json(r))
        case .table:
            let s = Console.strings
            Console.out(
                s.text(
                    "monitor.sweep.threshold",
                    [
                        "year": String(r.year), "amount": r.thresholdAmount, "region": r.thresholdRegion,
                        "confirmed": s.text(r.thresholdConfirmed ? "value.yes" : "value.no"), "source": r.thresholdSource,
                    ]))
            Console.out(
                s.text(
                    "monitor.sweep.summary",
                    [
                        "evaluated": String(r.evaluated), "withoutIncome": String(r.withoutIncome), "alreadyCase": String(r.alreadyCase),
                        "notSwept": String(r.notSwept), "noRisk": String(r.noRisk), "opened": String(r.opened.count),
                    ]))
            let categories = MonitoringCategory.allCases
            Console.out(([s.text("monitor.sweep.area")] + categories.map { s.label($0.label) }).joined(separator: "\t"))
            for township in r.byTownship.keys.sorted() {
                Console.out(([township] + categories.map { String(r.byTownship[township]?[$0.token] ?? 0) }).joined(separator: "\t"))
            }
            Console.out(([s.text("monitor.sweep.total")] + categories.map { String(r.byCategory[$0.token] ?? 0) }).joined(separator: "\t"))
        }
    }
}
