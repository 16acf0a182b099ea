import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin campaigns`: visit campaigns (回头看, 入户调查全覆盖, 集中排查): start one over an area
/// with a target rule, reassign households, record visits, follow coverage by area and cadre,
/// and decide the differences visits found with the registry.
struct Campaigns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Visit campaigns (回头看, 入户调查全覆盖, 集中排查): targets, cadres, visits, coverage and differences.",
        subcommands: [Create.self, List.self, Show.self, Assign.self, Visit.self, Differences.self, Decide.self])

    static func key(_ text: String) throws -> CampaignKey {
        guard let key = CampaignKey(text) else {
            throw ValidationError(Console.strings.text("error.campaign.badKey", ["value": String(text.prefix(40))]))
        }
        return key
    }

    static func target(_ text: String) throws -> CampaignTarget {
        guard let target = CampaignTarget(token: text) else {
            throw ValidationError(Console.strings.text("error.campaign.badTarget", ["value": String(text.prefix(60))]))
        }
        return target
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a campaign: choose its households by a rule and assign them to cadres (each village's own by default).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "reviewCampaign (回头看), fullCoverageVisit (入户调查全覆盖) or concentratedSweep (集中排查).") var kind: String
        @Option(help: "The area: a county, a township or a village.") var area: String
        @Option(help: "The campaign's title.") var title: String
        @Option(help: "First day of visits, YYYY-MM-DD.") var opens: String
        @Option(help: "Last day of visits, YYYY-MM-DD.") var closes: String
        @Option(help: "enrolled, monitored, exited:YEAR or status:STATUS+STATUS.") var target = "enrolled"
        @Option(name: .customLong("cadre"), help: "A cadre (username) to assign, repeatable (default: each village's own).") var cadres: [String] = []
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.code(kind, as: CampaignKind.self)
            _ = try MonitorInput.date(opens)
            _ = try MonitorInput.date(closes)
            _ = try Campaigns.target(target)
        }

        func run() async throws {
            let (c, households) = try await withServices(db, acting) { env, user in
                try await CampaignService(env).create(
                    VisitCampaign(
                        kind: try MonitorInput.code(kind, as: CampaignKind.self), area: try AdminCode(area), title: title,
                        opens: try MonitorInput.date(opens)!, closes: try MonitorInput.date(closes)!, target: try Campaigns.target(target),
                        createdBy: ""),
                    cadres: cadres,
                    by: user)
            }
            Console.err(
                Console.strings.text(
                    "campaign.created",
                    [
                        "campaign": c.key.description, "count": String(households.count),
                        "assigned": String(households.filter { $0.assignee != nil }.count),
                    ]))
            CampaignOutput.campaigns([c], format: format)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The campaigns of an area, the latest first.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let rows = try await withServices(db, acting) { env, user in
                try await CampaignService(env).campaigns(in: try area.map { try AdminCode($0) }, by: user)
            }
            CampaignOutput.campaigns(rows, format: format)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A campaign's coverage in all, by area and by cadre; optionally the households not yet visited.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The campaign, as county-number (430481-1).") var campaign: String
        @Flag(name: .customLong("not-visited"), help: "Also list the households not yet visited.") var notVisited = false
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { _ = try Campaigns.key(campaign) }

        func run() async throws {
            let p = try await withServices(db, acting) { env, user in try await CampaignService(env).coverage(try Campaigns.key(campaign), by: user) }
            CampaignOutput.progress(p, withNotVisited: notVisited, format: format)
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give one of a campaign's households to another cadre.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The campaign, as county-number (430481-1).") var campaign: String
        @Option(help: "Household number.") var household: String
        @Option(help: "The cadre's username.") var to: String

        func validate() throws {
            _ = try Campaigns.key(campaign)
            _ = try Assistance.Add.household(household)
        }

        func run() async throws {
            try await withServices(db, acting) { env, user in
                try await CampaignService(env).reassign(
                    try Campaigns.key(campaign), household: try Assistance.Add.household(household), to: to, by: user)
            }
            Console.out(Console.strings.text("campaign.assigned", ["household": household, "user": to]))
        }
    }
}
