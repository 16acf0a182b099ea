import ArgumentParser
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin enrolment`: historical enrolment (建档立卡 2014–2020) run as its procedure.
struct EnrolmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrolment",
        abstract: "Historical enrolment (贫困户识别): apply, record each stage at its level, refuse; the announcement enrols the household.",
        subcommands: [Apply.self, Step.self, Reject.self, Show.self, Cases.self])

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A household applies (申请). A new household is registered with its members (sex and birth date from the ID number).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Household number.") var household: String
        @Option(help: "Village code (a new household).") var village: String?
        @Option(name: .customLong("main-cause"), help: "Main cause (a new household): illness, disability, schooling, … or a local code")
        var mainCause = "other"
        @Option(name: .customLong("secondary-cause"), help: "A secondary cause (at most 2).") var secondaryCause: [String] = []
        @Option(help: "general, dibao or tekun (a new household).") var attribute = "general"
        @Option(help: "The head, as ID:姓名 (a new household).") var head: String?
        @Option(help: "Another member, as ID:姓名:relation (spouse, son, daughter, …); repeat for each.") var member: [String] = []
        @Option(help: "The application's date, YYYY-MM-DD (2013–2020).") var date: String
        @Option(help: "A note kept with the application.") var note = ""
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func person(_ text: String, relation defaultRelation: RelationToHead?) throws -> (Member, RelationToHead) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let s = Console.strings
            guard parts.count == (defaultRelation == nil ? 3 : 2), let id = try? IdentityNumber(parts[0].uppercased()), !parts[1].isEmpty else {
                throw ValidationError(s.text("enrolment.cli.person", ["value": String(text.prefix(60))]))
            }
            let relation = try defaultRelation ?? MonitorInput.code(parts[2], as: RelationToHead.self)
            return (
                Member(idNumber: id.rawValue, name: parts[1], sex: id.sex, birthDate: id.birthDate, education: .primary, labourCapacity: .ordinary),
                relation
            )
        }

        /// The application; its causes resolved with `codes` (local codes too), or, without them,
        /// left to be resolved when the database's codes are known.
        func application(codes: CodeBook? = nil) throws -> EnrolmentService.Application {
            let number = try Assistance.Add.household(household)
            let villageText = self.village ?? String(household.prefix(12))
            try MonitorInput.checkArea(villageText)
            let village = try AdminCode(villageText)
            var members: [(Member, RelationToHead)] = []
            if let head { members.append(try person(head, relation: .head)) }
            for m in member { members.append(try person(m, relation: nil)) }
            guard let day = try MonitorInput.date(date) else { throw ValidationError(Console.strings.text("error.date.invalid", ["text": date])) }
            var causes: [PovertyCause] = [], local: [String] = []
            for text in [mainCause] + secondaryCause {
                guard let codes else { continue }
                guard let choice = codes.resolve(text, in: .povertyCause), let cause = PovertyCause(token: choice.base) else {
                    throw LocalCodeError.unknownCode(.povertyCause, String(text.prefix(40)))
                }
                causes.append(cause)
                if let code = choice.local { local.append(code) }
            }
            return EnrolmentService.Application(
                household: Household(
                    number: number, village: village, identificationStandard: .national,
                    povertyAttribute: try MonitorInput.code(attribute, as: PovertyAttribute.self), mainCause: causes.first ?? .other,
                    secondaryCauses: Array(causes.dropFirst()), firstIdentifiedYear: day.year, plannedExitYear: nil, localCauses: local),
                members: members)
        }

        func validate() throws { _ = try application() }

        func run() async throws {
            let day = try MonitorInput.date(date)!
            try await EnrolmentOutput.change(db, acting, format: format) { service, user in
                let application = try application(codes: try await service.codes(by: user))
                return try await service.apply(application, on: day, note: note, by: user).reference
            }
        }
    }

    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the case's current stage, at its own level (the announcement enrols).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The case reference, e.g. 430481-E00001.") var reference: String
        @Option(help: "The day, YYYY-MM-DD.") var date: String
        @Option(name: .customLong("notice-from"), help: "Notice: its first day.") var noticeFrom: String?
        @Option(name: .customLong("notice-to"), help: "Notice: its last day.") var noticeTo: String?
        @Flag(name: .customLong("objections-resolved"), help: "Notice: every objection was answered.") var objectionsResolved = false
        @Option(help: "A note kept with the step.") var note = ""
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            guard try MonitorInput.date(date) != nil else { throw ValidationError(Console.strings.text("error.date.invalid", ["text": date])) }
            _ = try MonitorInput.date(noticeFrom)
            _ = try MonitorInput.date(noticeTo)
            if (noticeFrom == nil) != (noticeTo == nil) { throw ValidationError(Console.strings.text("monitor.cli.noticeBothDays")) }
        }

        func run() async throws {
            let notice = try MonitorInput.date(noticeFrom).flatMap { from in try MonitorInput.date(noticeTo).map { NoticePeriod(from: from, to: $0) }
            }
            let record = StepRecord(date: try MonitorInput.date(date)!, notice: notice, objectionsResolved: objectionsResolved, note: note)
            try await EnrolmentOutput.change(db, acting, format: format) { service, user in
                try await service.step(reference, record, by: user).reference
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Turn the application down (不予识别) at the current appraisal, review or approval.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The case reference.") var reference: String
        @Option(help: "The day, YYYY-MM-DD.") var date: String
        @Option(help: "Why (required).") var reason: String
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            guard try MonitorInput.date(date) != nil else { throw ValidationError(Console.strings.text("error.date.invalid", ["text": date])) }
        }

        func run() async throws {
            let day = try MonitorInput.date(date)!
            try await EnrolmentOutput.change(db, acting, format: format) { service, user in
                try await service.reject(reference, on: day, note: reason, by: user).reference
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A case with its steps.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The case reference.") var reference: String
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func run() async throws {
            try await EnrolmentOutput.change(db, acting, format: format) { _, _ in reference }
        }
    }

    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The enrolment cases of an area.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let (cases, templates) = try await withServices(db, acting) { env, user in
                (
                    try await EnrolmentService(env).cases(in: try area.map { try AdminCode($0) }, by: user),
                    try await MonitoringService(env).templates(by: user)
                )
            }
            switch format {
            case .json: Console.out(MonitorOutput.json(cases.map(EnrolmentOutput.Row.init)))
            case .table:
                for c in cases {
                    Console.out(
                        [
                            c.reference, c.household.rawValue, c.applicationDate.description,
                            EnrolmentOutput.state(c, templates.template(id: c.template)),
                        ].joined(separator: "\t"))
                }
            }
        }
    }
}

enum EnrolmentOutput {
    struct Row: Encodable {
        var reference: String
        var household: String
        var village: String
        var template: String
        var applied: String
        var state: String
        var stage: Int?
        var closedOn: String?

        init(_ c: EnrolmentCase) {
            (reference, household, village, template) = (c.reference, c.household.rawValue, c.village.rawValue, c.template)
            (applied, state, stage, closedOn) = (c.applicationDate.description, c.state.token, c.state.stage, c.closedOn?.description)
        }
    }

    struct StepRow: Encodable {
        var sequence: Int
        var step: String
        var date: String
        var level: String
        var outcome: String
        var noticeFrom: String?
        var noticeTo: String?
        var actor: String
        var note: String
    }

    /// Runs `body` (a change, or nothing) as the acting user and prints the case it names, with
    /// its steps, as it stands afterwards.
    static func change(
        _ db: DatabaseOptions, _ acting: ActingOptions, format: Monitor.Format,
        _ body: @escaping @Sendable (EnrolmentService, User) async throws -> String
    ) async throws {
        let (c, steps, template) = try await withServices(db, acting) { env, user in
            let service = EnrolmentService(env)
            return try await service.show(try await body(service, user), by: user)
        }
        show(c, steps, template, format: format)
    }

    /// Where a case stands, in words: the next stage, or when it was enrolled or refused.
    static func state(_ c: EnrolmentCase, _ template: WorkflowTemplate?) -> String {
        let s = Console.strings
        return switch c.state {
        case .inProgress:
            s.text("enrolment.state.inProgress", ["step": template.flatMap { c.currentStage($0) }.map { s.label($0.step.label) } ?? "-"])
        case .enrolled: s.text("enrolment.state.enrolled", ["date": c.closedOn?.description ?? ""])
        case .notEnrolled: s.text("enrolment.state.notEnrolled", ["date": c.closedOn?.description ?? ""])
        }
    }

    static func show(_ c: EnrolmentCase, _ steps: [EnrolmentQuery.Step], _ template: WorkflowTemplate?, format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json:
            struct Shown: Encodable {
                var enrolment: Row
                var steps: [StepRow]
            }
            Console.out(
                MonitorOutput.json(
                    Shown(
                        enrolment: Row(c),
                        steps: steps.map {
                            StepRow(
                                sequence: $0.sequence, step: $0.step.token, date: $0.date.description, level: $0.level.token, outcome: $0.outcome,
                                noticeFrom: $0.notice?.from.description, noticeTo: $0.notice?.to.description, actor: $0.actor, note: $0.note)
                        })))
        case .table:
            Console.out(s.text("enrolment.saved", ["reference": c.reference, "state": state(c, template)]))
            Console.out(s.text("enrolment.steps.header"))
            for step in steps {
                Console.out(
                    [
                        String(step.sequence), step.date.description, s.label(step.step.label), s.label(step.level.label),
                        s.text("enrolment.outcome." + (step.outcome == "rejected" ? "rejected" : "done")),
                        step.notice.map { "\($0.from)–\($0.to)" } ?? "", step.actor, step.note,
                    ].joined(separator: "\t"))
            }
        }
    }
}
