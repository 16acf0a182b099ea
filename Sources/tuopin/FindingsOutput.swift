import Foundation
import TuopinCore
import TuopinServices
import TuopinStrings

/// The table and JSON renderings of `tuopin findings`.
enum FindingsOutput {
    struct FindingRow: Encodable {
        var finding: String
        var area: String
        var source: String
        var category: String
        var description: String
        var unit: String
        var foundOn: String
        var deadline: String
        var state: String
        var household: String?
        var rectifiedOn: String?
        var closedOn: String?
        var daysOverdue: Int?
    }

    struct StepRow: Encodable {
        var number: Int
        var kind: String
        var date: String
        var note: String
        var evidence: String
        var user: String
        var role: String
    }

    static func row(_ f: Finding, today: CivilDate?) -> FindingRow {
        FindingRow(
            finding: f.key.description, area: f.area.rawValue, source: f.source.token, category: f.category.token, description: f.description,
            unit: f.responsibleUnit, foundOn: f.foundOn.description, deadline: f.deadline.description, state: f.state.token,
            household: f.household?.rawValue, rectifiedOn: f.rectifiedOn?.description, closedOn: f.closedOn?.description,
            daysOverdue: today.flatMap { f.isOverdue(on: $0) ? f.daysOverdue(on: $0) : nil })
    }

    static func line(_ f: Finding, today: CivilDate?, _ s: Localizer) -> String {
        var state = s.label(f.state.label)
        if let today, f.isOverdue(on: today) { state += s.text("findings.overdueDays", ["days": String(f.daysOverdue(on: today))]) }
        return [
            f.key.description, f.area.rawValue, s.label(f.source.label), s.label(f.category.label), f.responsibleUnit, f.foundOn.description,
            f.deadline.description, state, f.description,
        ].joined(separator: "\t")
    }

    static func list(_ rows: [Finding], today: CivilDate?, format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json: Console.out(MonitorOutput.json(rows.map { row($0, today: today) }))
        case .table:
            Console.out(s.text("findings.header"))
            for f in rows { Console.out(line(f, today: today, s)) }
            Console.out(s.text("findings.count", ["count": String(rows.count)]))
        }
    }

    static func show(_ f: Finding, _ steps: [RectificationStep], today: CivilDate, format: Monitor.Format) {
        let s = Console.strings
        let stepRows = steps.map {
            StepRow(
                number: $0.number, kind: $0.kind.token, date: $0.date.description, note: $0.note, evidence: $0.evidence, user: $0.username,
                role: $0.role.token)
        }
        switch format {
        case .json:
            struct File: Encodable {
                var finding: FindingRow
                var steps: [StepRow]
            }
            Console.out(MonitorOutput.json(File(finding: row(f, today: today), steps: stepRows)))
        case .table:
            Console.out(s.text("findings.header"))
            Console.out(line(f, today: today, s))
            Console.out(s.text("findings.steps.header"))
            for st in steps {
                Console.out(
                    [
                        String(st.number), st.date.description, s.label(st.kind.label), st.username + "（" + s.label(st.role.label) + "）", st.note,
                        st.evidence,
                    ]
                    .joined(separator: "\t"))
            }
        }
    }

    struct TallyRow: Encodable {
        var key: String
        var name: String
        var total: Int
        var inProgress: Int
        var rectified: Int
        var closed: Int
        var overdue: Int
        var closedPercent: String?

        init(_ key: String, _ name: String, _ t: RectificationTally) {
            self.key = key
            self.name = name
            total = t.total
            inProgress = t.inProgress
            rectified = t.rectified
            closed = t.closed
            overdue = t.overdue
            closedPercent = t.closedPercent?.description
        }
    }

    static func ledger(_ r: RectificationReport, format: Monitor.Format) {
        let s = Console.strings
        let sources = r.bySource.map { TallyRow($0.key.token, s.label($0.key.label), $0.tally) }
        var areas = r.byArea.map { TallyRow($0.code, $0.name, $0.tally) }
        if let own = r.atAreaItself { areas.append(TallyRow(r.area.rawValue, s.text("findings.ledger.itself"), own)) }
        let units = r.byUnit.map { TallyRow($0.key, $0.key, $0.tally) }
        switch format {
        case .json:
            struct Ledger: Encodable {
                var area: String
                var asOf: String
                var total: TallyRow
                var bySource: [TallyRow]
                var byArea: [TallyRow]
                var byUnit: [TallyRow]
            }
            Console.out(
                MonitorOutput.json(
                    Ledger(
                        area: r.area.rawValue, asOf: r.asOf.description, total: TallyRow(r.area.rawValue, "", r.total), bySource: sources,
                        byArea: areas, byUnit: units)))
        case .table:
            Console.out(s.text("findings.ledger.title", ["area": r.area.rawValue, "date": r.asOf.description]))
            for (heading, rows) in [("findings.ledger.bySource", sources), ("findings.ledger.byArea", areas), ("findings.ledger.byUnit", units)] {
                Console.out("")
                Console.out(s.text(heading))
                Console.out(s.text("findings.ledger.header"))
                for t in rows + [TallyRow("", s.text("findings.ledger.total"), r.total)] {
                    Console.out(
                        [
                            t.name, String(t.total), String(t.inProgress), String(t.rectified), String(t.closed), String(t.overdue),
                            t.closedPercent ?? "—",
                        ]
                        .joined(separator: "\t"))
                }
            }
        }
    }
}
