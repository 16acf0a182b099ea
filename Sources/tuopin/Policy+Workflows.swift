import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

extension Policy {
    struct Templates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the workflow templates (procedures with notice days and deadlines).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            let s = Console.strings
            let rows = try await withServices(db, acting) { env, user in try await PolicyService(env).templates(by: user).rows }
            Console.out(s.text("policy.templates.header"))
            for t in rows {
                Console.out(
                    [
                        t.id, s.label(t.purpose.label), t.region.token, String(t.fromYear),
                        t.deadlineDays.map { "\($0) \(s.label(t.dayKind.label))" } ?? "—",
                        t.stages.map { s.label($0.step.label) + ($0.noticeDays.map { "(\($0))" } ?? "") }.joined(separator: "→"),
                    ].joined(separator: "\t"))
            }
        }
    }

    struct SetTemplate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-template", abstract: "Add or replace a workflow template for a purpose, region and first year.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "A stable id, e.g. identification.43.") var id: String
        @Option(help: "identification, elimination or enrolment.") var purpose: String
        @Option(help: "national, or a 2-digit province code.") var region = "national"
        @Option(name: .customLong("from-year"), help: "The first year it applies to.") var fromYear: Int
        @Option(name: .customLong("name-zh")) var nameZh: String
        @Option(name: .customLong("name-en")) var nameEn: String
        @Option(help: "Stages as step:level[:noticeDays] joined by ';', e.g. homeVerification:village;publicNotice:village:5;countyApproval:county")
        var stages: String
        @Option(name: .customLong("deadline-days"), help: "Days from the lead to finish (none if omitted).") var deadlineDays: Int?
        @Option(name: .customLong("day-kind"), help: "calendar or working.") var dayKind = "calendar"

        func template() throws -> WorkflowTemplate {
            let s = Console.strings
            guard let purpose = WorkflowTemplate.Purpose(token: purpose), let dayKind = DayKind(token: dayKind),
                let region = PolicyRegion(token: region)
            else { throw ValidationError(s.text("import.reason.unknownCode", ["value": "\(purpose) / \(dayKind) / \(region)"])) }
            guard let stages = WorkflowQuery.stages(stages) else {
                throw ValidationError(s.text("policy.error.stages", ["value": String(stages.prefix(80))]))
            }
            guard RegistryYear.contains(fromYear) else { throw ValidationError(s.text("policy.error.year", ["value": String(fromYear)])) }
            do {
                return try WorkflowTemplate(
                    id: id, purpose: purpose, region: region, fromYear: fromYear, name: Label(nameZh, nameEn), stages: stages,
                    deadlineDays: deadlineDays,
                    dayKind: dayKind)
            } catch { throw ValidationError(s.text("policy.error.stages", ["value": String(self.stages.prefix(80))])) }
        }

        func validate() throws {
            _ = try template()
            guard (1...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else {
                throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": String(id.prefix(64))]))
            }
        }

        func run() async throws {
            let t = try template()
            try await withServices(db, acting) { env, user in try await PolicyService(env).save(t, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }

    struct Holidays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the holiday table (holidays and make-up working days).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Only this year.") var year: Int?

        func run() async throws {
            let s = Console.strings
            let calendar = try await withServices(db, acting) { env, user in try await PolicyService(env).calendar(by: user) }
            for day in calendar.days.values.sorted(by: { $0.date < $1.date }) where year == nil || day.date.year == year {
                Console.out([day.date.description, s.label(day.kind.label), day.name].joined(separator: "\t"))
            }
        }
    }

    struct SetDay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-day", abstract: "Mark a day as a holiday or a make-up working day (调休).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "YYYY-MM-DD.") var date: String
        @Option(help: "holiday or workday.") var kind: String
        @Option(help: "The holiday's name (春节 …).") var name: String

        func validate() throws {
            _ = try MonitorInput.date(date)
            _ = try MonitorInput.code(kind, as: CalendarDay.Kind.self)
        }

        func run() async throws {
            guard let day = try MonitorInput.date(date) else { return }
            let entry = CalendarDay(day, try MonitorInput.code(kind, as: CalendarDay.Kind.self), name)
            try await withServices(db, acting) { env, user in try await PolicyService(env).save(entry, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}

extension Policy {
    struct Windows: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the dynamic adjustment's dated phases per year (动态调整).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            let s = Console.strings
            let rows = try await withServices(db, acting) { env, user in try await PolicyService(env).adjustmentWindows(by: user) }
            for w in rows { Console.out([String(w.year), s.label(w.phase.label), w.from.description, w.to.description].joined(separator: "\t")) }
        }
    }

    struct SetWindow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-window", abstract: "Set a phase of a year's dynamic adjustment.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The year.") var year: Int
        @Option(help: "training, visits, entry, townshipCleaning, countyReview, feedback or summary.") var phase: String
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String

        func window() throws -> AdjustmentWindow {
            guard let from = try MonitorInput.date(from), let to = try MonitorInput.date(to) else {
                throw ValidationError(Console.strings.text("error.date.invalid", ["text": from]))
            }
            do {
                return try AdjustmentWindow(year: year, phase: try MonitorInput.code(phase, as: AdjustmentPhase.self), from: from, to: to)
            } catch let e
                as AdjustmentWindowError
            {
                throw ValidationError(Console.strings.text(e == .endBeforeStart ? "error.group.order" : "policy.error.year", ["value": String(year)]))
            }
        }

        func validate() throws { _ = try window() }

        func run() async throws {
            let w = try window()
            try await withServices(db, acting) { env, user in try await PolicyService(env).save(w, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}

extension Policy {
    struct Parameters: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the policy parameters (large-bill amount, vehicle red line, hardship fall, work-team rules, exit thresholds).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            let s = Console.strings
            let rows = try await withServices(db, acting) { env, user in try await PolicyService(env).parameters(by: user) }
            for p in rows {
                Console.out([p.name.rawValue, String(p.value), s.text(p.confirmed ? "value.yes" : "value.no"), p.source].joined(separator: "\t"))
            }
        }
    }

    struct SetParameter: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-parameter", abstract: "Set a policy parameter (administrator).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: ArgumentHelp(stringLiteral: PolicyParameters.Name.allCases.map(\.rawValue).joined(separator: ", ")))
        var name: String
        @Option(help: "A whole number in the parameter's range.") var value: Int64
        @Flag(help: "Mark the value unconfirmed.") var unconfirmed = false
        @Option(help: "Where the value comes from.") var source: String

        func validate() throws {
            guard let name = PolicyParameters.Name(rawValue: name) else {
                throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": self.name]))
            }
            guard name.range.contains(value) else {
                throw ValidationError(Console.strings.text("error.policy.parameterRange", ["name": self.name, "value": String(value)]))
            }
        }

        func run() async throws {
            guard let name = PolicyParameters.Name(rawValue: name) else { return }
            let row = PolicyParameters.Row(name: name, value: value, confirmed: !unconfirmed, source: source)
            try await withServices(db, acting) { env, user in try await PolicyService(env).save(row, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}

extension Policy {
    struct FundingLevelList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "funding-levels", abstract: "List the level each funding source is reported under in R-09 (资金级次).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            let s = Console.strings
            let rows = try await withServices(db, acting) { env, user in try await PolicyService(env).fundingLevels(by: user) }
            Console.out(s.text("policy.fundingLevels.header"))
            for r in rows {
                Console.out(
                    [
                        r.funding.token, s.label(r.funding.label), r.level.token, s.label(r.level.label),
                        s.text(r.confirmed ? "value.yes" : "value.no"), r.source,
                    ].joined(separator: "\t"))
            }
        }
    }

    struct SetFundingLevel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-funding-level", abstract: "Report a funding source under another level in R-09 (administrator).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: ArgumentHelp(stringLiteral: "The funding source: " + FundingSource.allCases.map(\.token).joined(separator: ", ")))
        var funding: String
        @Option(help: ArgumentHelp(stringLiteral: "The level: " + FundingLevel.allCases.map(\.token).joined(separator: ", "))) var level: String
        @Flag(help: "Mark the grouping unconfirmed.") var unconfirmed = false
        @Option(help: "Where the grouping comes from.") var source: String

        func validate() throws {
            _ = try MonitorInput.code(funding, as: FundingSource.self)
            _ = try MonitorInput.code(level, as: FundingLevel.self)
        }

        func run() async throws {
            let row = FundingLevels.Row(
                funding: try MonitorInput.code(funding, as: FundingSource.self), level: try MonitorInput.code(level, as: FundingLevel.self),
                confirmed: !unconfirmed, source: source)
            try await withServices(db, acting) { env, user in try await PolicyService(env).save(row, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}
