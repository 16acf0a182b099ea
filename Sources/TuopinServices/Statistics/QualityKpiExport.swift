import TuopinCore
import TuopinStore
import TuopinStrings

/// How R-10 is written, the same from the command line and the web: a row per area (the total
/// first, then each child, then the area's own level) with composite incidence, the two rates,
/// approval and whether all four are met, and the wrong-inclusion rate beside them, as JSON, CSV
/// or an Excel sheet.
public enum QualityKpiExport {
    public struct Row: Encodable, Sendable {
        public var area: String
        public var name: String
        public var compositeIncidence: String?
        public var sampledExited: Int64
        public var wronglyExited: Int64
        public var wrongExitRate: String?
        public var sampledNonEnrolled: Int64
        public var verifiedMissed: Int64
        public var missedRate: String?
        public var sampledEnrolled: Int64
        public var wronglyIncluded: Int64
        public var wrongInclusionRate: String?
        public var surveyed: Int64
        public var approving: Int64
        public var approvalRate: String?
        public var met: Bool
        /// Each KPI's wording with its values.
        public var reasons: [String]
    }

    public struct Shown: Encodable, Sendable {
        public var report = "R-10"
        public var area: String
        public var year: Int
        public var total: Row
        public var rows: [Row]
    }

    public static let header = [
        "area_code", "area_name", "composite_incidence", "sampled_exited", "wrongly_exited", "wrong_exit_rate", "sampled_non_enrolled",
        "verified_missed", "missed_rate",
        "sampled_enrolled", "wrongly_included", "wrong_inclusion_rate", "surveyed", "approving", "approval_rate", "met",
    ]

    /// The rate a KPI's check recorded, as a percentage with 2 places; nil with no sample.
    public static func rate(_ rule: RuleID, in d: Decision) -> FixedDecimal? {
        guard case .decimal(let r)? = d.checks.first(where: { $0.rule == rule })?["rate"] else { return nil }
        return r
    }

    /// A row's name: the child's, or "本级" for what lies at the area's own level.
    public static func name(_ r: QualityKpiReport.Row, _ s: Localizer) -> String { r.name ?? s.text("quality.ownLevel") }

    public static func row(_ r: QualityKpiReport.Row, _ s: Localizer) -> Row {
        Row(
            area: r.code, name: name(r, s), compositeIncidence: rate(QualityKpis.compositeIncidence, in: r.decision)?.text,
            sampledExited: r.sample.sampledExited, wronglyExited: r.sample.wronglyExited,
            wrongExitRate: rate(QualityKpis.wrongExitRate, in: r.decision)?.text, sampledNonEnrolled: r.sample.sampledNonEnrolled,
            verifiedMissed: r.sample.verifiedMissed, missedRate: rate(QualityKpis.missedRate, in: r.decision)?.text,
            sampledEnrolled: r.sample.sampledEnrolled, wronglyIncluded: r.sample.wronglyIncluded,
            wrongInclusionRate: r.wrongInclusionRate?.text, surveyed: r.surveyed, approving: r.approving,
            approvalRate: rate(QualityKpis.publicApproval, in: r.decision)?.text, met: r.decision.passed,
            reasons: r.decision.checks.map { s.explain($0) })
    }

    public static func shown(_ report: QualityKpiReport, _ s: Localizer) -> Shown {
        Shown(area: report.area.code.rawValue, year: report.year, total: row(report.total, s), rows: report.rows.map { row($0, s) })
    }

    static func cells(_ r: QualityKpiReport.Row, _ s: Localizer) -> [Workbook.Cell] {
        func rate(_ rule: RuleID) -> Workbook.Cell { Self.rate(rule, in: r.decision).map { .decimal($0) } ?? .empty }
        let x = r.sample
        return [
            .text(r.code), .text(name(r, s)), rate(QualityKpis.compositeIncidence), .count(x.sampledExited), .count(x.wronglyExited),
            rate(QualityKpis.wrongExitRate),
            .count(x.sampledNonEnrolled), .count(x.verifiedMissed), rate(QualityKpis.missedRate), .count(x.sampledEnrolled),
            .count(x.wronglyIncluded), r.wrongInclusionRate.map { .decimal($0) } ?? .empty, .count(r.surveyed), .count(r.approving),
            rate(QualityKpis.publicApproval), .text(s.text(r.decision.passed ? "quality.met" : "quality.notMet")),
        ]
    }

    public static func csv(_ report: QualityKpiReport, _ s: Localizer) -> String {
        var lines = [header.map { s.text("quality.column." + $0) }.map(CSVText.field).joined(separator: ",")]
        for r in [report.total] + report.rows {
            lines.append(
                CSVText.line(
                    cells(r, s).map {
                        switch $0 {
                        case .text(let t): CSVText.neutralized(t)
                        case .count(let n): String(n)
                        case .decimal(let d): d.text
                        case .empty: ""
                        }
                    }))
        }
        return lines.joined(separator: "\n")
    }

    public static func workbook(_ report: QualityKpiReport, _ s: Localizer) -> Workbook {
        Workbook([
            Workbook.Sheet(
                name: s.text("quality.sheet", ["year": String(report.year)]), header: header.map { s.text("quality.column." + $0) },
                rows: ([report.total] + report.rows).map { cells($0, s) })
        ])
    }
}
