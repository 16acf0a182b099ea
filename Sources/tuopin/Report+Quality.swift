import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStrings

extension Report {
    /// `tuopin report quality --area CODE --year Y [--format table|json|csv|xlsx]`: R-10.
    struct Quality: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "R-10 quality KPIs (三率一度): composite incidence, the wrong-exit and missed rates of the recorded sample checks, public approval from the surveys, by child area; the wrong-inclusion rate beside them."
        )

        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "The evaluation year.") var year: Int
        @Option(help: "Output format.") var format: Rollup.Format = .table
        @Option(help: "The file to write (needed with --format xlsx).") var output: String?

        func validate() throws {
            try MonitorInput.checkArea(area)
            if format == .xlsx && output == nil { throw ValidationError(Console.strings.text("stats.xlsxOutput")) }
        }

        func run() async throws {
            let report = try await withServices(db, acting) { env, user in
                try await QualityAssessmentService(env).kpis(of: try area.map { try AdminCode($0) }, year: year, by: user)
            }
            let s = Console.strings
            switch format {
            case .json: Console.out(MonitorOutput.json(QualityKpiExport.shown(report, s)))
            case .csv: Console.out(QualityKpiExport.csv(report, s))
            case .xlsx:
                do { try QualityKpiExport.workbook(report, s).data().write(to: URL(fileURLWithPath: output ?? "")) } catch {
                    throw Failure.exit(error)
                }
                Console.err(s.text("stats.written", ["file": output ?? ""]))
            case .table:
                Console.out(s.text("quality.title", ["area": report.area.name, "code": report.area.code.rawValue, "year": String(report.year)]))
                Console.out(s.text("quality.header"))
                for r in [report.total] + report.rows {
                    let x = QualityKpiExport.row(r, s)
                    func shown(_ rate: String?, _ found: Int64, _ sampled: Int64) -> String {
                        rate.map { "\($0)% (\(found)/\(sampled))" } ?? "—"
                    }
                    let composite = r.registry.map {
                        shown(x.compositeIncidence, $0.remainingPoorPeople + x.verifiedMissed + x.wronglyExited, $0.ruralRegisteredPopulation)
                    }
                    Console.out(
                        [
                            x.name, composite ?? "—", shown(x.wrongExitRate, x.wronglyExited, x.sampledExited),
                            shown(x.missedRate, x.verifiedMissed, x.sampledNonEnrolled), shown(x.approvalRate, x.approving, x.surveyed),
                            s.text(x.met ? "quality.met" : "quality.notMet"), shown(x.wrongInclusionRate, x.wronglyIncluded, x.sampledEnrolled),
                        ].joined(separator: "\t"))
                }
                Console.out("")
                for line in QualityKpiExport.row(report.total, s).reasons { Console.out("· " + line) }
            }
        }
    }
}
