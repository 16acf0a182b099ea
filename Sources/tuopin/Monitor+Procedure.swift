import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// What every step on a case names: the case, the day and a note.
struct CaseStepOptions: ParsableArguments {
    @Argument(help: "The case reference, e.g. 430481-000012.") var reference: String
    @Option(help: "The day it happened, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
    @Option(help: "A note kept with the step.") var note = ""
    @Option(help: "Output format.") var format: Monitor.Format = .table

    func validate() throws { _ = try MonitorInput.date(date) }

    func day(_ env: ServiceEnvironment) throws -> CivilDate { try MonitorInput.date(date) ?? env.today }

    /// Runs a transition as the acting user and prints the case after it.
    func run(
        _ db: DatabaseOptions, _ acting: ActingOptions, _ body: @escaping (MonitoringService, ServiceEnvironment, User) async throws -> MonitoringCase
    ) async throws {
        let (c, view) = try await withServices(db, acting) { env, user in
            (try await body(MonitoringService(env), env, user), try await CaseView(env, user))
        }
        MonitorOutput.cases([view.report(c)], format: format, single: true)
    }
}

extension Monitor {
    struct Lead: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a risk lead: opens a case at the home check (M1; M10 after an eliminated case).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Household number.") var household: String
        @Option(help: "selfApplication, hotline12317, cadreVisit, departmentData or sweep.") var channel: String
        @Option(
            help:
                "Risk type (1 to 5): illness, schooling, drinkingWater, unstableEmployment, disability, disaster, … or a local code (tuopin codes list)."
        )
        var risk: [String] = []
        @Flag(name: .customLong("green-channel"), help: "Help may start before approval (绿色通道).") var greenChannel = false
        @Option(help: "The lead's date, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "A note kept with the lead.") var note = ""
        @Option(help: "Output format.") var format: Format = .table

        func validate() throws {
            _ = try MonitorInput.code(channel, as: DiscoveryChannel.self)
            _ = try MonitorInput.date(date)
            do { _ = try HouseholdNumber(household) } catch {
                throw ValidationError(Console.strings.text("import.reason.invalidHouseholdNumber", ["value": String(household.prefix(40))]))
            }
        }

        func run() async throws {
            let (c, view) = try await withServices(db, acting) { env, user in
                let view = try await CaseView(env, user)
                let risks = try MonitorInput.risks(risk, view.codes)
                let input = MonitoringService.LeadInput(
                    household: try HouseholdNumber(household), channel: try MonitorInput.code(channel, as: DiscoveryChannel.self),
                    date: try MonitorInput.date(date) ?? env.today, risks: risks.risks, greenChannel: greenChannel, note: note,
                    localRisks: risks.local)
                return (try await MonitoringService(env).lead(input, by: user), view)
            }
            MonitorOutput.cases([view.report(c)], format: format, single: true)
        }
    }

    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the case's current step as done (M2), at the step's own level.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: CaseStepOptions
        @Flag(help: "Home check: the household signed its authorisation.") var consent = false
        @Option(name: .customLong("notice-from"), help: "Notice: its first day.") var noticeFrom: String?
        @Option(name: .customLong("notice-to"), help: "Notice: its last day.") var noticeTo: String?
        @Flag(name: .customLong("objections-resolved"), help: "Notice: every objection was answered.") var objectionsResolved = false
        @Option(help: "County approval: unstableExited, edgeAtRisk or suddenHardship.") var category: String?
        @Option(help: "County approval: the risks decided (replaces the lead's).") var risk: [String] = []

        func validate() throws {
            _ = try MonitorInput.date(noticeFrom)
            _ = try MonitorInput.date(noticeTo)
            if (noticeFrom == nil) != (noticeTo == nil) {
                throw ValidationError(Console.strings.text("monitor.cli.noticeBothDays"))
            }
            if let category { _ = try MonitorInput.code(category, as: MonitoringCategory.self) }
        }

        func run() async throws {
            try await step.run(db, acting) { service, env, user in
                let notice = try MonitorInput.date(noticeFrom).flatMap { from in
                    try MonitorInput.date(noticeTo).map { NoticePeriod(from: from, to: $0) }
                }
                let risks = risk.isEmpty ? nil : try MonitorInput.risks(risk, try await LocalCodeService(env).book(by: user))
                let record = StepRecord(
                    date: try step.day(env), consentSigned: consent, notice: notice, objectionsResolved: objectionsResolved,
                    category: try category.map { try MonitorInput.code($0, as: MonitoringCategory.self) },
                    risks: risks?.risks, note: step.note, localRisks: risks?.local ?? [:])
                return try await service.complete(step.reference, record, by: user)
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve at the current review: township review (乡镇审核) or county approval (县级审定, M5, needs --category).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: CaseStepOptions
        @Option(help: "County approval: unstableExited, edgeAtRisk or suddenHardship.") var category: String?
        @Option(help: "County approval: the risks decided (replaces the lead's).") var risk: [String] = []

        func validate() throws {
            if let category { _ = try MonitorInput.code(category, as: MonitoringCategory.self) }
        }

        func run() async throws {
            try await step.run(db, acting) { service, env, user in
                let risks = risk.isEmpty ? nil : try MonitorInput.risks(risk, try await LocalCodeService(env).book(by: user))
                let record = StepRecord(
                    date: try step.day(env), category: try category.map { try MonitorInput.code($0, as: MonitoringCategory.self) },
                    risks: risks?.risks, note: step.note, localRisks: risks?.local ?? [:])
                return try await service.approve(step.reference, record, by: user)
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject at your review stage: ends an identification (M4) or sends an elimination back to monitoring (M9).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: CaseStepOptions

        func run() async throws {
            try await step.run(db, acting) { service, env, user in
                try await service.reject(step.reference, on: try step.day(env), note: step.note, by: user)
            }
        }
    }

    struct Objection: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A valid objection to the notice: back to the home check (M3).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: CaseStepOptions

        func run() async throws {
            try await step.run(db, acting) { service, env, user in
                try await service.objection(step.reference, on: try step.day(env), note: step.note, by: user)
            }
        }
    }

    struct Assist: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record help or a revisit (M6; before approval only on the green channel, M12).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: CaseStepOptions

        func run() async throws {
            try await step.run(db, acting) { service, env, user in
                try await service.assist(step.reference, on: try step.day(env), note: step.note, by: user)
            }
        }
    }

    struct Eliminate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start risk elimination (M7) when the conditions of REFERENCE §3.9 hold; the steps follow with `step`.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: CaseStepOptions
        @Option(help: "byAssistance or natural.") var method: String
        @Option(help: "Per-capita net income this year, in yuan.") var income: String
        @Flag(name: .customLong("income-unstable"), help: "Income is not yet stable.") var incomeUnstable = false
        @Flag(name: .customLong("spending-uncontrolled"), help: "Rigid spending is not under control.") var spendingUncontrolled = false
        @Option(
            name: .customLong("missing"), help: "A guarantee not secured: food, clothing, compulsoryEducation, basicMedical, safeHousing, safeWater.")
        var missing: [String] = []
        @Option(name: .customLong("remaining-risk"), help: "A risk of the case not yet gone.") var remainingRisk: [String] = []
        @Flag(name: .customLong("new-risk"), help: "A new risk appeared.") var newRisk = false

        func validate() throws {
            _ = try MonitorInput.code(method, as: EliminationMethod.self)
            guard (try? Money(yuan: income)) != nil else {
                throw ValidationError(Console.strings.text("import.reason.invalidAmount", ["value": income]))
            }
            for m in missing { _ = try MonitorInput.code(m, as: BasicGuarantee.self) }
            for r in remainingRisk { _ = try MonitorInput.code(r, as: RiskType.self) }
        }

        func run() async throws {
            try await step.run(db, acting) { service, env, user in
                let missing = Set(try missing.map { try MonitorInput.code($0, as: BasicGuarantee.self) })
                let facts = EliminationFacts(
                    perCapitaNetIncome: try Money(yuan: income), incomeStable: !incomeUnstable, rigidSpendingControlled: !spendingUncontrolled,
                    securedGuarantees: Set(BasicGuarantee.allCases).subtracting(missing),
                    remainingRisks: try remainingRisk.map { try MonitorInput.code($0, as: RiskType.self) },
                    newRisk: newRisk, noLabourSafetyNet: false)
                return try await service.startElimination(
                    step.reference, on: try step.day(env), method: try MonitorInput.code(method, as: EliminationMethod.self), facts: facts,
                    note: step.note, by: user)
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The whole household is gone (M11): death, migration, imprisonment or missing.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: CaseStepOptions
        @Option(help: "death, migration, imprisonment or missing.") var reason: String

        func validate() throws { _ = try MonitorInput.code(reason, as: NaturalReductionReason.self) }

        func run() async throws {
            try await step.run(db, acting) { service, env, user in
                try await service.remove(
                    step.reference, on: try step.day(env), reason: try MonitorInput.code(reason, as: NaturalReductionReason.self), note: step.note,
                    by: user)
            }
        }
    }
}
