import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin findings`: the rectification ledger (问题整改台账): record findings, take them through
/// their rectification, list the overdue, and the R-11 figures.
struct Findings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The rectification ledger (问题整改): record findings, report and verify their rectification, list and tally them.",
        subcommands: [Add.self, List.self, Show.self, Progress.self, Rectify.self, Return.self, Close.self, Ledger.self])

    static func key(_ text: String) throws -> FindingKey {
        guard let key = FindingKey(text) else {
            throw ValidationError(Console.strings.text("error.finding.badKey", ["value": String(text.prefix(40))]))
        }
        return key
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a finding (county and city offices).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The area it concerns (a village, township, county or the city).") var area: String
        @Option(help: "inspectionTour, assessment, audit, supervision, unannouncedVisit, petition or publicOpinion.") var source: String
        @Option(help: "identification, exit, assistance, policy, funds, data, workStyle or other.") var category: String
        @Option(help: "What is wrong.") var description: String
        @Option(help: "The unit responsible for the rectification.") var unit: String
        @Option(help: "The rectification deadline, YYYY-MM-DD.") var deadline: String
        @Option(name: .customLong("found-on"), help: "When it was found, YYYY-MM-DD (default: today in Asia/Shanghai).") var foundOn: String?
        @Option(help: "The household it is about, if one.") var household: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.code(source, as: FindingSource.self)
            _ = try MonitorInput.code(category, as: FindingCategory.self)
            _ = try MonitorInput.date(deadline)
            _ = try MonitorInput.date(foundOn)
            if let household { _ = try Assistance.Add.household(household) }
        }

        func run() async throws {
            let f = try await withServices(db, acting) { env, user in
                let finding = Finding(
                    area: try AdminCode(area), source: try MonitorInput.code(source, as: FindingSource.self),
                    category: try MonitorInput.code(category, as: FindingCategory.self), description: description, responsibleUnit: unit,
                    foundOn: try MonitorInput.date(foundOn) ?? env.today, deadline: try MonitorInput.date(deadline)!,
                    household: try household.map(Assistance.Add.household), recordedBy: user.username.rawValue)
                return try await FindingService(env).record(finding, by: user)
            }
            FindingsOutput.list([f], today: nil, format: format)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an area's findings, the open ones by deadline first.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Only this state: inProgress, rectified or closed.") var state: String?
        @Option(help: "Only this source.") var source: String?
        @Flag(help: "Only those still in progress after their deadline.") var overdue = false
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            if let state { _ = try MonitorInput.code(state, as: RectificationState.self) }
            if let source { _ = try MonitorInput.code(source, as: FindingSource.self) }
        }

        func run() async throws {
            let (rows, today) = try await withServices(db, acting) { env, user in
                let filter = FindingQuery.Filter(
                    state: try state.map { try MonitorInput.code($0, as: RectificationState.self) },
                    source: try source.map { try MonitorInput.code($0, as: FindingSource.self) }, overdueOn: overdue ? env.today : nil)
                return (try await FindingService(env).findings(in: try area.map { try AdminCode($0) }, filter, by: user), env.today)
            }
            FindingsOutput.list(rows, today: today, format: format)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A finding and its rectification record.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The finding, as county-number (430481-12).") var finding: String
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { _ = try Findings.key(finding) }

        func run() async throws {
            let (f, steps, today) = try await withServices(db, acting) { env, user in
                let (f, steps) = try await FindingService(env).file(try Findings.key(finding), by: user)
                return (f, steps, env.today)
            }
            FindingsOutput.show(f, steps, today: today, format: format)
        }
    }

    /// The options every step takes.
    struct StepOptions: ParsableArguments {
        @Argument(help: "The finding, as county-number (430481-12).") var finding: String
        @Option(help: "The step's date, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            _ = try Findings.key(finding)
            _ = try MonitorInput.date(date)
        }

        func take(_ step: FindingService.Step, _ db: DatabaseOptions, _ acting: ActingOptions) async throws {
            let (f, steps, today) = try await withServices(db, acting) { env, user in
                let key = try Findings.key(finding)
                let service = FindingService(env)
                try await service.take(step, on: try MonitorInput.date(date) ?? env.today, finding: key, by: user)
                let (f, steps) = try await service.file(key, by: user)
                return (f, steps, env.today)
            }
            FindingsOutput.show(f, steps, today: today, format: format)
        }
    }

    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report work done on a finding (整改进展).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: StepOptions
        @Option(help: "What was done.") var note: String
        @Option(help: "Evidence (a document, photos, a payment record).") var evidence = ""

        func run() async throws { try await step.take(.progress(note: note, evidence: evidence), db, acting) }
    }

    struct Rectify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report a finding rectified, with evidence (整改完成).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: StepOptions
        @Option(help: "Evidence (a document, photos, a payment record).") var evidence: String
        @Option(help: "A note.") var note = ""

        func run() async throws { try await step.take(.rectified(evidence: evidence, note: note), db, acting) }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a rectified finding back to be rectified again (验收不通过), with the reason.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: StepOptions
        @Option(help: "Why the rectification is not accepted.") var reason: String

        func run() async throws { try await step.take(.returned(reason: reason), db, acting) }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify a rectified finding and close it (验收销号; another role than the rectifier).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: StepOptions
        @Option(help: "A note on the verification.") var note = ""

        func run() async throws { try await step.take(.closed(note: note), db, acting) }
    }

    struct Ledger: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "R-11: findings by state and overdue, by source, child area and unit.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let report = try await withServices(db, acting) { env, user in
                try await FindingService(env).ledger(in: try area.map { try AdminCode($0) }, by: user)
            }
            FindingsOutput.ledger(report, format: format)
        }
    }
}
