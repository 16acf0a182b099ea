import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// The table and JSON renderings of `tuopin campaigns`.
enum CampaignOutput {
    struct CampaignRow: Encodable {
        var campaign: String
        var kind: String
        var area: String
        var title: String
        var opens: String
        var closes: String
        var target: String
        var createdBy: String

        init(_ c: VisitCampaign) {
            campaign = c.key.description
            kind = c.kind.token
            area = c.area.rawValue
            title = c.title
            opens = c.opens.description
            closes = c.closes.description
            target = c.target.token
            createdBy = c.createdBy
        }
    }

    struct CoverageRow: Encodable {
        var group: String
        var name: String
        var targets: Int
        var assigned: Int
        var visited: Int
        var notVisited: Int
        var coveragePercent: String?

        init(_ group: String, _ name: String, _ c: CampaignCoverage) {
            self.group = group
            self.name = name
            targets = c.targets
            assigned = c.assigned
            visited = c.visited
            notVisited = c.notVisited
            coveragePercent = c.percent?.description
        }

        var line: String {
            [name, String(targets), String(assigned), String(visited), String(notVisited), coveragePercent ?? "—"].joined(separator: "\t")
        }
    }

    struct DifferenceRow: Encodable {
        var difference: String
        var household: String
        var village: String
        var visit: String
        var kind: String
        var subject: String
        var registryValue: String
        var visitValue: String
        var state: String
        var decidedBy: String?
        var resolution: String

        init(_ r: DifferenceQuery.Row) {
            difference = r.key.description
            household = r.household.rawValue
            village = r.village.rawValue
            visit = r.visit
            kind = r.difference.kind.token
            subject = r.difference.subject
            registryValue = r.difference.registry
            visitValue = r.difference.visit
            state = r.state.token
            decidedBy = r.decidedBy
            resolution = r.resolution
        }
    }

    static func campaigns(_ rows: [VisitCampaign], format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json: Console.out(MonitorOutput.json(rows.map(CampaignRow.init)))
        case .table:
            Console.out(s.text("campaign.header"))
            for c in rows {
                Console.out(
                    [
                        c.key.description, s.label(c.kind.label), c.area.rawValue, c.title, c.opens.description, c.closes.description,
                        s.label(c.target.label),
                    ].joined(separator: "\t"))
            }
        }
    }

    static func progress(_ p: CampaignProgress, withNotVisited: Bool, format: Monitor.Format) {
        let s = Console.strings
        let total = CoverageRow(p.area.rawValue, s.text("survey.results.total"), p.total)
        let areas = p.byArea.map { CoverageRow($0.code.rawValue, $0.name, $0.coverage) }
        let cadres = p.byCadre.map { CoverageRow($0.cadre ?? "", $0.cadre ?? s.text("campaign.unassigned"), $0.coverage) }
        switch format {
        case .json:
            struct Progress: Encodable {
                var campaign: CampaignRow
                var total: CoverageRow
                var byArea: [CoverageRow]
                var byCadre: [CoverageRow]
                var notVisited: [String]?
            }
            Console.out(
                MonitorOutput.json(
                    Progress(
                        campaign: CampaignRow(p.campaign), total: total, byArea: areas, byCadre: cadres,
                        notVisited: withNotVisited ? p.notVisited.map(\.household.rawValue) : nil)))
        case .table:
            campaigns([p.campaign], format: .table)
            Console.out("")
            Console.out(s.text("campaign.coverage.header"))
            for row in areas + [total] { Console.out(row.line) }
            Console.out("")
            Console.out(s.text("campaign.coverage.byCadre"))
            for row in cadres { Console.out(row.line) }
            if withNotVisited {
                Console.out("")
                Console.out(s.text("campaign.notVisited", ["count": String(p.notVisited.count)]))
                for h in p.notVisited { Console.out([h.household.rawValue, h.village.rawValue, h.assignee ?? "—"].joined(separator: "\t")) }
            }
        }
    }

    static func differences(_ rows: [DifferenceQuery.Row], format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json: Console.out(MonitorOutput.json(rows.map(DifferenceRow.init)))
        case .table:
            Console.out(s.text("campaign.differences.header"))
            for r in rows {
                let w = r.difference.worded(s)
                Console.out(
                    [r.key.description, r.household.rawValue, w.about, w.registry, w.visit, s.label(r.state.label), r.resolution].joined(
                        separator: "\t"))
            }
        }
    }
}
