import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `tuopin monitor`: the return-to-poverty monitoring procedure (防返贫监测) from the command line.
struct Monitor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Monitoring cases (防返贫监测): leads, procedure steps, approval, elimination, deadlines.",
        subcommands: [
            Lead.self, Step.self, Approve.self, Reject.self, Objection.self, Assist.self, Eliminate.self, Remove.self, Cases.self,
            Show.self, Overdue.self, Sweep.self, Notice.self,
        ])

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cases of an area.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Only cases in this state: identifying, monitoring, eliminating, riskEliminated, notIdentified, naturallyRemoved.")
        var state: String?
        @Option(help: "Output format.") var format: Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            if let state, !MonitoringState.tokens.contains(state) {
                throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": state]))
            }
        }

        func run() async throws {
            let (cases, view) = try await withServices(db, acting) { env, user in
                (try await MonitoringService(env).cases(in: try area.map(AdminCode.init), state: state, by: user), try await CaseView(env, user))
            }
            MonitorOutput.cases(cases.map(view.report), format: format)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case with every recorded step.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The case reference, e.g. 430481-000012.") var reference: String
        @Option(help: "Output format.") var format: Format = .table

        func run() async throws {
            let (file, view) = try await withServices(db, acting) { env, user in
                (try await MonitoringService(env).show(reference, by: user), try await CaseView(env, user))
            }
            MonitorOutput.show(file, view, format: format)
        }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List late identifications, short notices and able-to-work households monitored over a year.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(name: .customLong("as-of"), help: "Date YYYY-MM-DD (default: today in Asia/Shanghai).") var asOf: String?
        @Option(help: "Output format.") var format: Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.date(asOf)
        }

        func run() async throws {
            let items = try await withServices(db, acting) { env, user in
                try await MonitoringService(env).overdue(in: try area.map(AdminCode.init), today: try MonitorInput.date(asOf) ?? env.today, by: user)
            }
            MonitorOutput.overdue(items, format: format)
        }
    }
}

/// Checks of the options the monitoring commands share, worded like the rest of the CLI.
enum MonitorInput {
    static func checkArea(_ area: String?) throws {
        guard let area else { return }
        do { _ = try AdminCode(area) } catch {
            throw ValidationError(Console.strings.text("error.area.invalid", ["reason": Rejections.adminCode(error, Console.strings)]))
        }
    }

    static func date(_ text: String?) throws -> CivilDate? {
        guard let text else { return nil }
        guard let date = try? CivilDate(text) else { throw ValidationError(Console.strings.text("error.date.invalid", ["text": text])) }
        return date
    }

    static func code<T: CodeListValue>(_ text: String, as: T.Type) throws -> T {
        guard let value = T(token: text) else { throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": text])) }
        return value
    }

    /// Risks as written (built-in or local codes): the built-in risks, and the local codes by the risk each refines.
    static func risks(_ texts: [String], _ codes: CodeBook) throws -> (risks: [RiskType], local: [RiskType: String]) {
        let choices = try texts.map { text in
            guard let choice = codes.resolve(text, in: .riskType) else { throw LocalCodeError.unknownCode(.riskType, String(text.prefix(40))) }
            return choice
        }
        guard let risks = MonitoringCase.risks(choices) else { throw LocalCodeError.unknownCode(.riskType, texts.joined(separator: ",")) }
        return risks
    }
}

/// What a case is shown with: the workflow templates, and the local codes that name its risks.
struct CaseView: Sendable {
    let templates: WorkflowTemplateTable
    let codes: CodeBook

    init(_ env: ServiceEnvironment, _ user: User) async throws {
        templates = try await MonitoringService(env).templates(by: user)
        codes = try await LocalCodeService(env).book(by: user)
    }

    func report(_ c: MonitoringCase) -> MonitoringCaseReport {
        MonitoringCaseReport(c, templates: templates, chinese: Console.language == .zh, codes: codes)
    }
}

extension Monitor {
    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate every household of an area against a year's threshold and open risk leads (集中排查); re-running opens no duplicates.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The income year to evaluate.") var year: Int
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "The leads' date, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "Output format.") var format: Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.date(date)
            if !RegistryYear.contains(year) { throw ValidationError(Console.strings.text("policy.error.year", ["value": String(year)])) }
        }

        func run() async throws {
            let printer = ProgressPrinter()
            let report = try await withServices(db, acting) { env, user in
                try await MonitoringService(env).sweep(
                    year: year, area: try area.map(AdminCode.init), date: try MonitorInput.date(date) ?? env.today, by: user,
                    progress: format == .table ? printer.report : nil)
            }
            MonitorOutput.sweep(report, format: format)
        }
    }
}

extension Monitor {
    struct Notice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a village's notice (公示) of the cases at the notice step: names and sizes only, never IDs, phones, accounts or health.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The village's 12-digit code.") var village: String
        @Option(help: "identification or elimination.") var purpose = "identification"
        @Option(help: "The notice's first day, YYYY-MM-DD.") var from: String
        @Option(help: "The notice's last day, YYYY-MM-DD.") var to: String

        func validate() throws {
            try MonitorInput.checkArea(village)
            _ = try MonitorInput.code(purpose, as: WorkflowTemplate.Purpose.self)
            _ = try MonitorInput.date(from)
            _ = try MonitorInput.date(to)
        }

        func run() async throws {
            let notice = try await withServices(db, acting) { env, user in
                try await MonitoringService(env).notice(
                    village: try AdminCode(village), purpose: try MonitorInput.code(purpose, as: WorkflowTemplate.Purpose.self),
                    from: try MonitorInput.date(from) ?? env.today, to: try MonitorInput.date(to) ?? env.today, by: user)
            }
            let text = Notices.text(notice, Console.strings)
            let check = PublicNoticeRules.evaluate(text)
            // A notice that would carry private data is never printed.
            guard check.passed else {
                Console.err("tuopin: " + check.failedChecks.map { Console.strings.explain($0) }.joined(separator: "；"))
                throw ExitCode(1)
            }
            Console.out(text)
        }
    }
}
