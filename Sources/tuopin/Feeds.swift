import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin feeds`: department data (部门筛查预警) for monitoring leads and red-line review.
struct Feeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import department feeds: leads for monitoring, red-line review items (RL-01…), never removals.",
        subcommands: [ImportFeed.self, Items.self, Decide.self])

    struct ImportFeed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import one feed file (CSV: id_number,date[,amount][,detail][,exit_measure]; see docs/FEEDS.md).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "medicalBills, disasters, deaths, dibaoRoll, tekunRoll, vehicles, property, businesses, statePayroll or villageCadres.")
        var kind: String
        @Argument(help: "The CSV file.") var file: String
        @Option(
            name: .customLong("large-bill"),
            help: "The large medical bill amount for this run, yuan (default: the policy table's largeMedicalBillYuan).") var largeBill: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            _ = try MonitorInput.code(kind, as: FeedKind.self)
            if let largeBill, (try? Money(yuan: largeBill)).map({ $0 > .zero }) != true {
                throw ValidationError(Console.strings.text("import.reason.invalidAmount", ["value": largeBill]))
            }
        }

        func run() async throws {
            let feed = try MonitorInput.code(kind, as: FeedKind.self)
            let report = try await withServices(db, acting) { env, user in
                try await FeedService(env).importFeed(
                    feed, file: URL(fileURLWithPath: file), largeMedicalBill: largeBill.flatMap { try? Money(yuan: $0) }, by: user)
            }
            let s = Console.strings
            switch format {
            case .json: Console.out(MonitorOutput.json(report))
            case .table:
                Console.out(
                    s.text(
                        "feed.header",
                        [
                            "kind": s.label(feed.label), "rows": String(report.rows), "leads": String(report.leads.count),
                            "items": String(report.reviewItems.count), "exceptions": String(report.exceptions.count),
                            "open": String(report.alreadyOpen),
                            "unmatched": String(report.unmatched.count),
                        ]))
                for l in report.leads { Console.out([String(l.line), l.household, l.reference, l.risk].joined(separator: "\t")) }
                for i in report.reviewItems + report.exceptions {
                    Console.out(
                        [String(i.line), i.household, i.redLine ?? "", i.item ?? "—", i.reasons.map { s.explain($0) }.joined(separator: "；")].joined(
                            separator: "\t"))
                }
                for u in report.unmatched { Console.out([String(u.line), u.id, s.text("feed.unmatched")].joined(separator: "\t")) }
            }
        }
    }
}

extension Feeds {
    struct Items: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List red-line review items (open by default).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "open, confirmed, dismissed or all.") var state = "open"
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            guard ["open", "confirmed", "dismissed", "all"].contains(state) else {
                throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": state]))
            }
        }

        func run() async throws {
            let items = try await withServices(db, acting) { env, user in
                try await FeedService(env).items(in: try area.map(AdminCode.init), state: state == "all" ? nil : state, by: user)
            }
            switch format {
            case .json: Console.out(MonitorOutput.json(items))
            case .table:
                Console.out(Console.strings.text("feeds.items.header"))
                for i in items {
                    Console.out(
                        [i.reference, i.household, i.village, i.redLine, i.feed, i.idNumber, i.date, i.amount ?? "—", i.state, i.resolution].joined(
                            separator: "\t"))
                }
            }
        }
    }

    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide an open review item: confirmed (then remove the household with `household remove`) or dismissed, with the reason.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The item, e.g. 430481-R1.") var item: String
        @Option(help: "confirmed or dismissed.") var decision: String
        @Option(help: "The reason (required).") var reason: String

        func validate() throws {
            guard FeedService.ReviewDecision(rawValue: decision) != nil else {
                throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": decision]))
            }
        }

        func run() async throws {
            try await withServices(db, acting) { env, user in
                try await FeedService(env).decide(item, FeedService.ReviewDecision(rawValue: decision) ?? .dismissed, reason: reason, by: user)
            }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}
