import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin assessment`: the sample checks of the registry's quality (错退, 漏评, 错评), recorded
/// as the checking body reported them; R-10 (`tuopin report quality`) adds them up by area.
struct Assessment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sample checks of the registry's quality (错退 wrongly exited, 漏评 missed, 错评 wrongly included): record them, list them.",
        subcommands: [Record.self, List.self])

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a sample check's findings for an area and an evaluation year (people counted, and of them found).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The area checked: a county, a township or a village.") var area: String
        @Option(help: "The evaluation year.") var year: Int
        @Option(help: "Who checked: national, provincial, municipal or county (a county's own officers record only county).") var body: String
        @Option(name: .customLong("sampled-exited"), help: "Exited people checked.") var sampledExited: Int64 = 0
        @Option(name: .customLong("wrongly-exited"), help: "Of them, found wrongly exited (错退).") var wronglyExited: Int64 = 0
        @Option(name: .customLong("sampled-non-enrolled"), help: "Non-enrolled rural people of the sampled villages checked.")
        var sampledNonEnrolled: Int64 = 0
        @Option(name: .customLong("verified-missed"), help: "Of them, verified missed (漏评).") var verifiedMissed: Int64 = 0
        @Option(name: .customLong("sampled-enrolled"), help: "Enrolled people checked.") var sampledEnrolled: Int64 = 0
        @Option(name: .customLong("wrongly-included"), help: "Of them, found wrongly included (错评).") var wronglyIncluded: Int64 = 0
        @Option(name: .customLong("checked-on"), help: "The last day of the check, YYYY-MM-DD (default: today in Asia/Shanghai).")
        var checkedOn: String?
        @Option(help: "A note.") var note = ""

        func validate() throws {
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.code(body, as: AssessmentBody.self)
            _ = try MonitorInput.date(checkedOn)
        }

        func run() async throws {
            let a = try await withServices(db, acting) { env, user in
                try await QualityAssessmentService(env).record(
                    area: try AdminCode(area), year: year, body: try MonitorInput.code(body, as: AssessmentBody.self),
                    sample: QualitySample(
                        sampledExited: sampledExited, wronglyExited: wronglyExited, sampledNonEnrolled: sampledNonEnrolled,
                        verifiedMissed: verifiedMissed, sampledEnrolled: sampledEnrolled, wronglyIncluded: wronglyIncluded),
                    checkedOn: try MonitorInput.date(checkedOn), note: note, by: user)
            }
            Console.out(Console.strings.text("assessment.recorded", ["key": a.key.description, "area": a.area.rawValue, "year": String(a.year)]))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The sample checks of an area, the latest first.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Only this year.") var year: Int?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let rows = try await withServices(db, acting) { env, user in
                try await QualityAssessmentService(env).assessments(in: try area.map { try AdminCode($0) }, year: year, by: user)
            }
            struct Row: Encodable {
                var key, area, body, checkedOn, recordedBy, note: String
                var year: Int
                var sample: QualitySample
            }
            let s = Console.strings
            switch format {
            case .json:
                Console.out(
                    MonitorOutput.json(
                        rows.map {
                            Row(
                                key: $0.key.description, area: $0.area.rawValue, body: $0.body.token, checkedOn: $0.checkedOn.description,
                                recordedBy: $0.recordedBy, note: $0.note, year: $0.year, sample: $0.sample)
                        }))
            case .table:
                Console.out(s.text("assessment.header"))
                for a in rows {
                    let x = a.sample
                    Console.out(
                        [
                            a.key.description, a.area.rawValue, String(a.year), s.label(a.body.label), "\(x.wronglyExited)/\(x.sampledExited)",
                            "\(x.verifiedMissed)/\(x.sampledNonEnrolled)", "\(x.wronglyIncluded)/\(x.sampledEnrolled)", a.checkedOn.description,
                            a.note,
                        ].joined(separator: "\t"))
                }
                if rows.isEmpty { Console.out(s.text("assessment.none")) }
            }
        }
    }
}
