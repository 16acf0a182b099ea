import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin feeds`: department data (部门筛查预警) for monitoring leads and red-line review.
struct Feeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import department feeds: leads for monitoring, red-line review items (RL-01…), never removals.",
        subcommands: [ImportFeed.self])

    struct ImportFeed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import one feed file (CSV: id_number,date[,amount][,detail][,exit_measure]; see docs/FEEDS.md).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "medicalBills, disasters, deaths, dibaoRoll, tekunRoll, vehicles, property, businesses, statePayroll or villageCadres.")
        var kind: String
        @Argument(help: "The CSV file.") var file: String
        @Option(name: .customLong("large-bill"), help: "The large medical bill amount, yuan (default 10000; unconfirmed).") var largeBill: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            _ = try MonitorInput.code(kind, as: FeedKind.self)
            if let largeBill, (try? Money(yuan: largeBill)).map({ $0 > .zero }) != true {
                throw ValidationError(Console.strings.text("import.reason.invalidAmount", ["value": largeBill]))
            }
        }

        func run() async throws {
            var amounts = FeedRules.Amounts.reference
            if let largeBill, let m = try? Money(yuan: largeBill) { amounts.largeMedicalBill = m }
            let feed = try MonitorInput.code(kind, as: FeedKind.self)
            let report = try await withServices(db, acting) { env, user in
                try await FeedService(env).importFeed(feed, file: URL(fileURLWithPath: file), amounts: amounts, by: user)
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
