import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin survey`: public approval surveys (群众认可度调查): draw a reproducible sample, record
/// the answers, show approval by area.
struct Survey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Public approval surveys (群众认可度): draw a sample from a recorded seed, record answers, show approval by area.",
        subcommands: [Draw.self, Answer.self, List.self, Show.self])

    static func key(_ text: String) throws -> SurveyKey {
        guard let key = SurveyKey(text) else {
            throw ValidationError(Console.strings.text("error.survey.badKey", ["value": String(text.prefix(40))]))
        }
        return key
    }

    struct Draw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a survey's sample: households on the roll, so many per village (or township).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The area surveyed (a county, a township or the city).") var area: String
        @Option(help: "The evaluation year.") var year: Int
        @Option(help: "The survey's title.") var title: String
        @Option(name: .customLong("per-stratum"), help: "Households drawn in each village (or township).") var perStratum: Int
        @Option(help: "Draw by village or township.") var stratum = "village"
        @Option(help: "The seed (default: from the clock; recorded either way).") var seed: UInt64?
        @Option(name: .customLong("drawn-on"), help: "The date of the draw, YYYY-MM-DD (default: today in Asia/Shanghai).") var drawnOn: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.code(stratum, as: AreaLevel.self)
            _ = try MonitorInput.date(drawnOn)
        }

        func run() async throws {
            let (s, sample) = try await withServices(db, acting) { env, user in
                try await SurveyService(env).draw(
                    area: try AdminCode(area), year: year, title: title, stratum: try MonitorInput.code(stratum, as: AreaLevel.self),
                    perStratum: perStratum, seed: seed, drawnOn: try MonitorInput.date(drawnOn), by: user)
            }
            Console.err(Console.strings.text("survey.drawn", ["survey": s.key.description, "count": String(sample.count), "seed": String(s.seed)]))
            SurveyOutput.sample(sample, format: format)
        }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record (or correct) a sampled household's answer.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The survey, as county-number (430481-1).") var survey: String
        @Option(help: "Household number.") var household: String
        @Option(help: "verySatisfied, satisfied, basicallySatisfied, dissatisfied or notReached.") var answer: String
        @Option(help: "The date asked, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "A note.") var note = ""

        func validate() throws {
            _ = try Survey.key(survey)
            _ = try Assistance.Add.household(household)
            _ = try MonitorInput.code(answer, as: Satisfaction.self)
            _ = try MonitorInput.date(date)
        }

        func run() async throws {
            let a = try MonitorInput.code(answer, as: Satisfaction.self)
            try await withServices(db, acting) { env, user in
                try await SurveyService(env).answer(
                    try Survey.key(survey), household: try Assistance.Add.household(household), a, on: try MonitorInput.date(date) ?? env.today,
                    note: note, by: user)
            }
            Console.out(Console.strings.text("survey.answered", ["household": household, "answer": Console.strings.label(a.label)]))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The surveys of an area, the latest first.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Only this year.") var year: Int?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let rows = try await withServices(db, acting) { env, user in
                try await SurveyService(env).surveys(in: try area.map { try AdminCode($0) }, year: year, by: user)
            }
            SurveyOutput.surveys(rows, format: format)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A survey's approval in all and by village (or township), and its sample with the answers.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The survey, as county-number (430481-1).") var survey: String
        @Flag(help: "Also list every sampled household.") var sample = false
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { _ = try Survey.key(survey) }

        func run() async throws {
            let r = try await withServices(db, acting) { env, user in try await SurveyService(env).results(try Survey.key(survey), by: user) }
            SurveyOutput.results(r, withSample: sample, format: format)
        }
    }
}

/// The table and JSON renderings of `tuopin survey`.
enum SurveyOutput {
    struct SurveyRow: Encodable {
        var survey: String
        var area: String
        var year: Int
        var title: String
        var stratum: String
        var perStratum: Int
        var seed: String
        var drawnOn: String
        var drawnBy: String

        init(_ s: ApprovalSurvey) {
            survey = s.key.description
            area = s.area.rawValue
            year = s.year
            title = s.title
            stratum = s.stratum.token
            perStratum = s.perStratum
            seed = String(s.seed)
            drawnOn = s.drawnOn.description
            drawnBy = s.drawnBy
        }
    }

    struct SampleRow: Encodable {
        var stratum: String
        var order: Int
        var household: String
        var answer: String?
        var answeredOn: String?
        var note: String

        init(_ x: SurveySample) {
            stratum = x.stratum.rawValue
            order = x.order
            household = x.household.rawValue
            answer = x.answer?.token
            answeredOn = x.answeredOn?.description
            note = x.note
        }
    }

    struct TallyRow: Encodable {
        var area: String
        var name: String
        var sampled: Int
        var surveyed: Int
        var approving: Int
        var notReached: Int
        var pending: Int
        var approvalPercent: String?

        init(_ area: String, _ name: String, _ t: ApprovalTally) {
            self.area = area
            self.name = name
            sampled = t.sampled
            surveyed = t.surveyed
            approving = t.approving
            notReached = t.notReached
            pending = t.pending
            approvalPercent = t.percent?.description
        }
    }

    static func surveys(_ rows: [ApprovalSurvey], format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json: Console.out(MonitorOutput.json(rows.map(SurveyRow.init)))
        case .table:
            Console.out(s.text("survey.header"))
            for r in rows {
                Console.out(
                    [
                        r.key.description, r.area.rawValue, String(r.year), r.title, s.label(r.stratum.label), String(r.perStratum), String(r.seed),
                        r.drawnOn.description,
                    ]
                    .joined(separator: "\t"))
            }
        }
    }

    static func sample(_ rows: [SurveySample], format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json: Console.out(MonitorOutput.json(rows.map(SampleRow.init)))
        case .table:
            Console.out(s.text("survey.sample.header"))
            for x in rows {
                Console.out(
                    [
                        x.stratum.rawValue, String(x.order), x.household.rawValue, x.answer.map { s.label($0.label) } ?? "—",
                        x.answeredOn?.description ?? "—", x.note,
                    ]
                    .joined(separator: "\t"))
            }
        }
    }

    static func results(_ r: SurveyResults, withSample: Bool, format: Monitor.Format) {
        let s = Console.strings
        let strata = r.byStratum.map { TallyRow($0.code.rawValue, $0.name, $0.tally) }
        let total = TallyRow(r.survey.area.rawValue, s.text("survey.results.total"), r.total)
        switch format {
        case .json:
            struct Results: Encodable {
                var survey: SurveyRow
                var total: TallyRow
                var byStratum: [TallyRow]
                var sample: [SampleRow]?
            }
            Console.out(
                MonitorOutput.json(
                    Results(survey: SurveyRow(r.survey), total: total, byStratum: strata, sample: withSample ? r.sample.map(SampleRow.init) : nil)))
        case .table:
            surveys([r.survey], format: .table)
            Console.out("")
            Console.out(s.text("survey.results.header"))
            for t in strata + [total] {
                Console.out(
                    [
                        t.name, String(t.sampled), String(t.surveyed), String(t.approving), String(t.notReached), String(t.pending),
                        t.approvalPercent ?? "—",
                    ].joined(separator: "\t"))
            }
            if withSample {
                Console.out("")
                sample(r.sample, format: .table)
            }
        }
    }
}
