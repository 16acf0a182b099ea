import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin assistance`: the measures ledger (帮扶措施台账). (`measures` is kept for the poverty measures.)
struct Assistance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The assistance measures ledger (帮扶措施): record, end and list measures.", subcommands: [Add.self, End.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a measure for a household (a step of its monitoring case, if it has one).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Household number.") var household: String
        @Option(
            help:
                "A 2021+ category (industry, employment, …, socialAssistance) or a 2014–2020 heading (dibao, tekun, temporaryAssistance, medicalAssistance, …)."
        )
        var kind: String
        @Option(help: "The project.") var project = ""
        @Option(help: "The scale, in words.") var scale = ""
        @Option(help: "Amount in yuan.") var amount: String?
        @Option(help: "central, provincial, municipal, county, township, creditLoan, pairedAssistance, socialDonation, enterprise or other.")
        var funding: String?
        @Option(help: "Deadline, YYYY-MM-DD.") var deadline: String?
        @Option(help: "Start, YYYY-MM-DD (default: today in Asia/Shanghai).") var start: String?
        @Flag(name: .customLong("continues-after-elimination"), help: "Planned to run on after the risk is eliminated.")
        var continuesAfterElimination = false
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            _ = try Self.household(household)
            if let amount, (try? Money(yuan: amount)) == nil {
                throw ValidationError(Console.strings.text("import.reason.invalidAmount", ["value": amount]))
            }
            if let funding { _ = try MonitorInput.code(funding, as: FundingSource.self) }
            _ = try MonitorInput.date(deadline)
            _ = try MonitorInput.date(start)
        }

        static func household(_ text: String) throws -> HouseholdNumber {
            do { return try HouseholdNumber(text) } catch {
                throw ValidationError(Console.strings.text("import.reason.invalidHouseholdNumber", ["value": String(text.prefix(40))]))
            }
        }

        func run() async throws {
            let (m, complete, codes) = try await withServices(db, acting) { env, user in
                let codes = try await LocalCodeService(env).book(by: user)
                guard let choice = codes.resolve(kind, in: .measureKind), let base = MeasureKind(token: choice.base) else {
                    throw LocalCodeError.unknownCode(.measureKind, String(kind.prefix(40)))
                }
                let measure = AssistanceMeasure(
                    household: try Self.household(household), kind: base, project: project, scale: scale,
                    amount: try amount.map { try Money(yuan: $0) }, funding: try funding.map { try MonitorInput.code($0, as: FundingSource.self) },
                    deadline: try MonitorInput.date(deadline), start: try MonitorInput.date(start) ?? env.today,
                    continuesAfterElimination: continuesAfterElimination, localKind: choice.local)
                let (m, complete) = try await AssistanceService(env).record(measure, by: user)
                return (m, complete, codes)
            }
            AssistanceOutput.measures([m], format: format, codes: codes)
            if !complete.passed { Console.err(Console.strings.text("assistance.warning", ["reason": Console.strings.explain(complete)])) }
        }
    }

    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a measure with its outcome.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Household number.") var household: String
        @Option(help: "The measure's number within the household.") var measure: Int
        @Option(help: "The end date, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "What came of it.") var outcome = ""
        @Flag(help: "The household signed the outcome.") var signed = false
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            _ = try Add.household(household)
            _ = try MonitorInput.date(date)
        }

        func run() async throws {
            let (m, codes) = try await withServices(db, acting) { env, user in
                (
                    try await AssistanceService(env).end(
                        try Add.household(household), measure: measure, on: try MonitorInput.date(date) ?? env.today, outcome: outcome,
                        signed: signed, by: user),
                    try await LocalCodeService(env).book(by: user)
                )
            }
            AssistanceOutput.measures([m], format: format, codes: codes)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a household's measures, or an area's.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Household number.") var household: String?
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(name: .customLong("running-on"), help: "Only measures running on this date, YYYY-MM-DD.") var runningOn: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            if let household { _ = try Add.household(household) }
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.date(runningOn)
        }

        func run() async throws {
            let (rows, codes) = try await withServices(db, acting) { env, user in
                (
                    try await AssistanceService(env).measures(
                        household: try household.map(Add.household), area: try area.map(AdminCode.init),
                        runningOn: try MonitorInput.date(runningOn), by: user),
                    try await LocalCodeService(env).book(by: user)
                )
            }
            AssistanceOutput.measures(rows, format: format, codes: codes)
        }
    }
}

/// The table and JSON renderings of measures and cadres.
enum AssistanceOutput {
    struct MeasureRow: Encodable {
        var household: String
        var number: Int
        var kind: String
        var kindLabel: String
        var project: String
        var scale: String
        var amount: String?
        var funding: String?
        var deadline: String?
        var start: String
        var end: String?
        var outcome: String
        var outcomeSigned: Bool
        var continuesAfterElimination: Bool
    }

    /// `codes` names the local kinds (without it a local kind is shown as its base).
    static func measures(_ rows: [AssistanceMeasure], format: Monitor.Format, codes: CodeBook = CodeBook()) {
        let s = Console.strings
        let out = rows.map { m in
            MeasureRow(
                household: m.household.rawValue, number: m.number, kind: m.kindChoice.token,
                kindLabel: s.label(codes.label(m.kindChoice, in: .measureKind) ?? m.kind.label), project: m.project,
                scale: m.scale, amount: m.amount?.yuanText, funding: m.funding?.token, deadline: m.deadline?.description, start: m.start.description,
                end: m.end?.description, outcome: m.outcome, outcomeSigned: m.outcomeSigned, continuesAfterElimination: m.continuesAfterElimination)
        }
        switch format {
        case .json: Console.out(MonitorOutput.json(out))
        case .table:
            Console.out(s.text("assistance.header"))
            for r in out {
                Console.out(
                    [
                        r.household, String(r.number), r.kindLabel, r.project, r.amount ?? "—",
                        r.funding.flatMap(FundingSource.init(token:)).map { s.label($0.label) } ?? "—",
                        r.start, r.end ?? "—", r.outcome,
                    ].joined(separator: "\t"))
            }
        }
    }
}
