import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin petitions`: poverty-related petitions and public opinion (涉贫信访舆情).
struct Petitions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Petitions and public opinion (涉贫信访舆情): receive, assign, reply, rate, escalate, list and report (R-12).",
        subcommands: [Receive.self, Assign.self, Reply.self, Rate.self, Escalate.self, List.self, Show.self, ReportCommand.self])

    static func key(_ text: String) throws -> PetitionKey {
        guard let key = PetitionKey(text) else {
            throw ValidationError(Console.strings.text("error.petition.badKey", ["value": String(text.prefix(40))]))
        }
        return key
    }

    struct Receive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Receive a petition (county and city offices).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The area it concerns.") var area: String
        @Option(help: "letter, visit, phone, online or publicOpinion.") var channel: String
        @Option(help: "identification, exit, assistance, policy, funds, data, workStyle or other.") var category: String
        @Option(help: "What the petitioner says.") var content: String
        @Option(help: "The petitioner's name (private).") var name = ""
        @Option(help: "The petitioner's phone (private).") var phone = ""
        @Option(help: "The household it is about, if one.") var household: String?
        @Option(name: .customLong("received-on"), help: "YYYY-MM-DD (default: today in Asia/Shanghai).") var receivedOn: String?
        @Option(help: "The reply deadline, YYYY-MM-DD (default: the policy parameter petitionReplyDays after receipt).") var deadline: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            _ = try MonitorInput.code(channel, as: PetitionChannel.self)
            _ = try MonitorInput.code(category, as: FindingCategory.self)
            _ = try MonitorInput.date(receivedOn)
            _ = try MonitorInput.date(deadline)
            if let household { _ = try Assistance.Add.household(household) }
        }

        func run() async throws {
            let (p, today) = try await withServices(db, acting) { env, user in
                let received = try MonitorInput.date(receivedOn) ?? env.today
                let service = PetitionService(env)
                var replyBy = try MonitorInput.date(deadline)
                if replyBy == nil { replyBy = try await service.defaultDeadline(receivedOn: received) }
                let petition = Petition(
                    area: try AdminCode(area), channel: try MonitorInput.code(channel, as: PetitionChannel.self),
                    category: try MonitorInput.code(category, as: FindingCategory.self), receivedOn: received, content: content, petitionerName: name,
                    petitionerPhone: phone, household: try household.map(Assistance.Add.household),
                    deadline: replyBy!)
                return (try await service.receive(petition, by: user), env.today)
            }
            PetitionOutput.list([p], today: today, format: format)
        }
    }

    struct StepOptions: ParsableArguments {
        @Argument(help: "The petition, as county-number (430481-3).") var petition: String
        @Option(help: "The step's date, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            _ = try Petitions.key(petition)
            _ = try MonitorInput.date(date)
        }

        func take(_ step: @escaping @Sendable (CivilDate) throws -> PetitionService.Step, _ db: DatabaseOptions, _ acting: ActingOptions) async throws
        {
            let (p, steps, today) = try await withServices(db, acting) { env, user in
                let key = try Petitions.key(petition)
                let day = try MonitorInput.date(date) ?? env.today
                let service = PetitionService(env)
                try await service.take(try step(day), on: day, petition: key, by: user)
                let (p, steps) = try await service.file(key, by: user)
                return (p, steps, env.today)
            }
            PetitionOutput.show(p, steps, today: today, format: format)
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign a petition to a unit with its reply deadline (交办).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: StepOptions
        @Option(help: "The unit that replies.") var unit: String
        @Option(help: "The reply deadline, YYYY-MM-DD.") var deadline: String

        func validate() throws { _ = try MonitorInput.date(deadline) }

        func run() async throws {
            let (unit, deadline) = (unit, try MonitorInput.date(deadline)!)
            try await step.take({ _ in .assign(unit: unit, deadline: deadline) }, db, acting)
        }
    }

    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the unit's reply (答复).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: StepOptions
        @Option(help: "The reply.") var text: String

        func run() async throws {
            let text = text
            try await step.take({ _ in .reply(text) }, db, acting)
        }
    }

    struct Rate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the petitioner's view of the reply on a return visit (回访).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: StepOptions
        @Option(help: "verySatisfied, satisfied, basicallySatisfied, dissatisfied or notReached.") var answer: String
        @Option(help: "A note.") var note = ""

        func validate() throws { _ = try MonitorInput.code(answer, as: Satisfaction.self) }

        func run() async throws {
            let (view, note) = (try MonitorInput.code(answer, as: Satisfaction.self), note)
            try await step.take({ _ in .rate(view, note: note) }, db, acting)
        }
    }

    struct Escalate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Escalate a petition to another unit with a new deadline (督办升级).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var step: StepOptions
        @Option(help: "The unit it goes to.") var unit: String
        @Option(help: "The new reply deadline, YYYY-MM-DD.") var deadline: String
        @Option(help: "Why.") var reason: String

        func validate() throws { _ = try MonitorInput.date(deadline) }

        func run() async throws {
            let (unit, deadline, reason) = (unit, try MonitorInput.date(deadline)!, reason)
            try await step.take({ _ in .escalate(unit: unit, deadline: deadline, reason: reason) }, db, acting)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An area's petitions, those awaiting a reply first by deadline.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Only this state: received, assigned, replied or closed.") var state: String?
        @Flag(help: "Only those without a reply after their deadline.") var overdue = false
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(area)
            if let state { _ = try MonitorInput.code(state, as: PetitionState.self) }
        }

        func run() async throws {
            let (rows, today) = try await withServices(db, acting) { env, user in
                (
                    try await PetitionService(env).petitions(
                        in: try area.map { try AdminCode($0) }, state: try state.map { try MonitorInput.code($0, as: PetitionState.self) },
                        overdue: overdue,
                        by: user), env.today
                )
            }
            PetitionOutput.list(rows, today: today, format: format)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A petition and its record.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The petition, as county-number (430481-3).") var petition: String
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { _ = try Petitions.key(petition) }

        func run() async throws {
            let (p, steps, today) = try await withServices(db, acting) { env, user in
                let (p, steps) = try await PetitionService(env).file(try Petitions.key(petition), by: user)
                return (p, steps, env.today)
            }
            PetitionOutput.show(p, steps, today: today, format: format)
        }
    }

    struct ReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: "R-12: petitions by channel, category and area.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let r = try await withServices(db, acting) { env, user in
                try await PetitionService(env).report(in: try area.map { try AdminCode($0) }, by: user)
            }
            PetitionOutput.report(r)
        }
    }
}

/// The table and JSON renderings of `tuopin petitions`.
enum PetitionOutput {
    struct Row: Encodable {
        var petition: String
        var area: String
        var channel: String
        var category: String
        var receivedOn: String
        var petitioner: String
        var unit: String?
        var deadline: String
        var state: String
        var satisfaction: String?
        var escalations: Int
        var daysOverdue: Int?
        var content: String
    }

    static func row(_ p: Petition, today: CivilDate) -> Row {
        Row(
            petition: p.key.description, area: p.area.rawValue, channel: p.channel.token, category: p.category.token,
            receivedOn: p.receivedOn.description,
            petitioner: p.petitionerName, unit: p.assignedUnit, deadline: p.deadline.description, state: p.state.token,
            satisfaction: p.satisfaction?.token,
            escalations: p.escalations, daysOverdue: p.isOverdue(on: today) ? p.daysOverdue(on: today) : nil, content: p.content)
    }

    static func line(_ p: Petition, today: CivilDate) -> String {
        let s = Console.strings
        var state = s.label(p.state.label)
        if p.isOverdue(on: today) { state += s.text("findings.overdueDays", ["days": String(p.daysOverdue(on: today))]) }
        return [
            p.key.description, p.area.rawValue, s.label(p.channel.label), s.label(p.category.label), p.receivedOn.description, p.petitionerName,
            p.assignedUnit ?? "—", p.deadline.description, state, p.content,
        ].joined(separator: "\t")
    }

    static func list(_ rows: [Petition], today: CivilDate, format: Monitor.Format) {
        switch format {
        case .json: Console.out(MonitorOutput.json(rows.map { row($0, today: today) }))
        case .table:
            Console.out(Console.strings.text("petitions.header"))
            for p in rows { Console.out(line(p, today: today)) }
            Console.out(Console.strings.text("petitions.count", ["count": String(rows.count)]))
        }
    }

    static func show(_ p: Petition, _ steps: [PetitionStep], today: CivilDate, format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json:
            struct File: Encodable {
                var petition: Row
                var reply: String?
                var steps: [[String: String]]
            }
            Console.out(
                MonitorOutput.json(
                    File(
                        petition: row(p, today: today), reply: p.reply,
                        steps: steps.map {
                            ["kind": $0.kind.token, "date": $0.date.description, "note": $0.note, "user": $0.username, "role": $0.role.token]
                        })))
        case .table:
            Console.out(s.text("petitions.header"))
            Console.out(line(p, today: today))
            Console.out(s.text("petitions.steps.header"))
            for st in steps {
                Console.out(
                    [String(st.number), st.date.description, s.label(st.kind.label), st.username + "（" + s.label(st.role.label) + "）", st.note]
                        .joined(separator: "\t"))
            }
        }
    }

    static func report(_ r: PetitionReport) {
        let s = Console.strings
        func lines(_ rows: [(String, PetitionTally)]) {
            Console.out(s.text("petitions.report.header"))
            for (name, t) in rows + [(s.text("findings.ledger.total"), r.total)] {
                Console.out(
                    [
                        name, String(t.total), String(t.open), String(t.closed), String(t.overdue), String(t.escalated),
                        t.satisfiedPercent?.description ?? "—",
                    ]
                    .joined(separator: "\t"))
            }
        }
        Console.out(s.text("petitions.report.title", ["area": r.area.rawValue, "date": r.asOf.description]))
        Console.out("")
        Console.out(s.text("petitions.report.byChannel"))
        lines(r.byChannel.map { (s.label($0.key.label), $0.tally) })
        Console.out("")
        Console.out(s.text("petitions.report.byCategory"))
        lines(r.byCategory.map { (s.label($0.key.label), $0.tally) })
        Console.out("")
        Console.out(s.text("findings.ledger.byArea"))
        lines(r.byArea.map { ($0.code.isEmpty ? s.text("findings.ledger.itself") : $0.name, $0.tally) })
    }
}
