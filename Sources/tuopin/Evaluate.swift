import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStrings

/// `tuopin evaluate`: village exit (出列) and county exit (摘帽) as explained decisions.
struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a village's exit (出列) or a county's (摘帽) for a year: each indicator with its value and the verdict.",
        subcommands: [Village.self, County.self])

    enum Standard: String, ExpressibleByArgument, CaseIterable {
        case national, west, hunan

        var rules: VillageExitStandard.RuleSet {
            switch self {
            case .national: .national
            case .west: .west
            case .hunan: .hunan
            }
        }
    }

    /// The verdict and one line per check (exit status 0 when it passes, 2 when it does not).
    static func print(_ title: String, _ decision: Decision, format: Monitor.Format) throws {
        let s = Console.strings
        switch format {
        case .json:
            struct Shown: Encodable {
                var passed: Bool
                var checks: [Line]
            }
            struct Line: Encodable {
                var rule: String
                var passed: Bool
                var reason: String
            }
            Console.out(
                MonitorOutput.json(
                    Shown(
                        passed: decision.passed,
                        checks: decision.checks.map { Line(rule: $0.rule.rawValue, passed: $0.passed, reason: s.explain($0)) })))
        case .table:
            Console.out(title)
            for check in decision.checks { Console.out((check.passed ? "✔ " : "✘ ") + s.explain(check)) }
            Console.out(s.text(decision.passed ? "evaluate.passed" : "evaluate.failed"))
        }
        if !decision.passed { throw ExitCode(2) }
    }

    struct Village: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Village exit: incidence at the year's end, and under Hunan's rules the collective income and the profile's conditions.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The 12-digit village code.") var code: String
        @Option(help: "The exit year.") var year: Int
        @Option(
            help:
                "national (incidence < 2%), west (< 3%) or hunan (2016: also income ≥ 40,000 and every condition); the numbers are policy parameters (tuopin policy)."
        ) var standard: Standard =
            .hunan
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { try MonitorInput.checkArea(code) }

        func run() async throws {
            let e = try await withServices(db, acting) { env, user in
                try await ExitEvaluationService(env).village(try AdminCode(code), year: year, rules: standard.rules, by: user)
            }
            let s = Console.strings
            try Evaluate.print(
                s.text(
                    "evaluate.village.title",
                    [
                        "name": e.summary.area.name, "code": code, "year": String(year), "standard": s.label(e.standard.name),
                        "date": e.summary.asOf.description,
                    ]),
                e.decision, format: format)
        }
    }

    struct County: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "County exit: composite incidence from the registry and the sample evaluation's findings, wrong-exit and missed rates, public approval."
        )
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The 6-digit county code.") var code: String
        @Option(help: "The exit year.") var year: Int
        @Option(name: .customLong("missed"), help: "Poor people found missing from the roll (漏评).") var missed: Int64 = 0
        @Option(name: .customLong("wrongly-exited"), help: "People found wrongly exited (错退).") var wronglyExited: Int64 = 0
        @Option(
            name: .customLong("sampled-exited"),
            help: "Exited people in the sample (default, with the next three: the county's recorded sample checks of the year).")
        var sampledExited: Int64?
        @Option(name: .customLong("sampled-wrongly-exited"), help: "Of them, wrongly exited.") var sampledWronglyExited: Int64?
        @Option(name: .customLong("sampled-non-enrolled"), help: "Non-enrolled rural people of the sampled villages.") var sampledNonEnrolled: Int64?
        @Option(name: .customLong("verified-missed"), help: "Of them, verified missed.") var verifiedMissed: Int64?
        @Option(help: "Households surveyed for public approval (default: from the county's latest approval survey of the year).")
        var surveyed: Int64?
        @Option(help: "Of them, approving (with --surveyed).") var approving: Int64?
        @Option(name: .customLong("rural-income"), help: "Rural disposable income per head, yuan (Hunan 2016).") var ruralIncome: String?
        @Option(name: .customLong("income-target"), help: "Its target, yuan (8,000 in 2017; 10,000 in 2020).") var incomeTarget: String?
        @Flag(help: "A western county (composite incidence below 3%).") var west = false
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func money(_ text: String?) throws -> Money? {
            guard let text else { return nil }
            guard let m = try? Money(yuan: text) else {
                throw ValidationError(Console.strings.text("import.reason.invalidAmount", ["value": String(text.prefix(40))]))
            }
            return m
        }

        func validate() throws {
            try MonitorInput.checkArea(code)
            if (surveyed == nil) != (approving == nil) {
                throw ValidationError(Console.strings.text("error.survey.bothOrNeither"))
            }
            let sample = [sampledExited, sampledWronglyExited, sampledNonEnrolled, verifiedMissed]
            if sample.contains(where: { $0 == nil }) && sample.contains(where: { $0 != nil }) {
                throw ValidationError(Console.strings.text("error.assessment.allOrNone"))
            }
            _ = try money(ruralIncome)
            _ = try money(incomeTarget)
        }

        func run() async throws {
            let (e, survey, checks) = try await withServices(db, acting) { env, user in
                let county = try AdminCode(code)
                // The sample evaluation's findings from the recorded checks unless given.
                var sample: QualitySample
                var checks: (body: AssessmentBody, count: Int)?
                if let sampledExited, let sampledWronglyExited, let sampledNonEnrolled, let verifiedMissed {
                    sample = QualitySample(
                        sampledExited: sampledExited, wronglyExited: sampledWronglyExited, sampledNonEnrolled: sampledNonEnrolled,
                        verifiedMissed: verifiedMissed)
                } else {
                    guard let found = try await QualityAssessmentService(env).countySample(county, year: year, by: user) else {
                        throw ValidationError(Console.strings.text("error.assessment.noneForCounty", ["county": code, "year": String(year)]))
                    }
                    sample = found.sample
                    checks = (found.body, found.checks)
                }
                // Public approval from the survey records unless given.
                var approval: (surveyed: Int64, approving: Int64)
                var from: (SurveyKey, ApprovalTally)?
                if let surveyed, let approving {
                    approval = (surveyed, approving)
                } else {
                    guard let found = try await SurveyService(env).countyApproval(county, year: year, by: user) else {
                        throw ValidationError(Console.strings.text("error.survey.noneForCounty", ["county": code, "year": String(year)]))
                    }
                    approval = (Int64(found.1.surveyed), Int64(found.1.approving))
                    from = found
                }
                let findings = CountyExitFindings(
                    missedPoor: missed, wronglyExited: wronglyExited, sampledExited: sample.sampledExited,
                    sampledWronglyExited: sample.wronglyExited, sampledNonEnrolled: sample.sampledNonEnrolled,
                    verifiedMissed: sample.verifiedMissed, surveyed: approval.surveyed,
                    approving: approval.approving,
                    ruralIncomePerHead: try money(ruralIncome), ruralIncomeTarget: try money(incomeTarget))
                return (try await ExitEvaluationService(env).county(county, year: year, findings: findings, west: west, by: user), from, checks)
            }
            if let checks {
                Console.err(
                    Console.strings.text(
                        "evaluate.county.fromChecks",
                        ["checks": String(checks.count), "year": String(year), "body": Console.strings.label(checks.body.label)]))
            }
            if let (key, tally) = survey {
                if tally.pending > 0 {
                    Console.err(Console.strings.text("evaluate.county.surveyPending", ["survey": key.description, "pending": String(tally.pending)]))
                }
                Console.err(
                    Console.strings.text(
                        "evaluate.county.fromSurvey",
                        ["survey": key.description, "surveyed": String(tally.surveyed), "approving": String(tally.approving)]))
            }
            try Evaluate.print(
                Console.strings.text(
                    "evaluate.county.title", ["name": e.summary.area.name, "code": code, "year": String(year), "date": e.summary.asOf.description]),
                e.decision, format: format)
        }
    }
}
