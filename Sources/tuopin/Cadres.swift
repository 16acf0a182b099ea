import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin cadres`: responsible cadres (帮扶责任人) and village work teams (驻村工作队).
struct Cadres: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Responsible cadres per household and village work teams, as time-bounded history.",
        subcommands: [Assign.self, List.self, AddTeam.self, Teams.self])

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign a responsible cadre to a household (ends the previous one that day).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Household number.") var household: String
        @Option(help: "The cadre's name.") var name: String
        @Option(help: "The cadre's unit.") var unit: String
        @Option(name: .customLong("unit-level"), help: "provincial, municipal, county, township or village.") var unitLevel: String
        @Option(help: "The cadre's phone (private).") var phone = ""
        @Option(help: "From, YYYY-MM-DD (default: today in Asia/Shanghai).") var from: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            _ = try Assistance.Add.household(household)
            _ = try MonitorInput.code(unitLevel, as: UnitLevel.self)
            _ = try MonitorInput.date(from)
        }

        func run() async throws {
            let a = try await withServices(db, acting) { env, user in
                try await CadreService(env).assign(
                    CadreAssignment(
                        household: try Assistance.Add.household(household), name: name, unit: unit,
                        unitLevel: try MonitorInput.code(unitLevel, as: UnitLevel.self),
                        phone: phone, from: try MonitorInput.date(from) ?? env.today),
                    by: user)
            }
            CadreOutput.assignments([a], format: format)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cadre assignments of an area or a household.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Household number.") var household: String?
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            if let household { _ = try Assistance.Add.household(household) }
            try MonitorInput.checkArea(area)
        }

        func run() async throws {
            let rows = try await withServices(db, acting) { env, user in
                try await CadreService(env).assignments(
                    area: try area.map(AdminCode.init), household: try household.map(Assistance.Add.household), by: user)
            }
            CadreOutput.assignments(rows, format: format)
        }
    }

    struct AddTeam: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "team-add", abstract: "Record a village work team; warns below 3 members or a term under 2 years.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "The village's 12-digit code.") var village: String
        @Option(name: .customLong("sending-unit"), help: "The unit that sends the team.") var sendingUnit: String
        @Option(help: "A member as NAME:ROLE (firstSecretary, teamLeader or member); repeat for each.") var member: [String] = []
        @Option(help: "From, YYYY-MM-DD.") var from: String
        @Option(help: "To, YYYY-MM-DD.") var to: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            try MonitorInput.checkArea(village)
            _ = try MonitorInput.date(from)
            _ = try MonitorInput.date(to)
            _ = try members()
        }

        func members() throws -> [VillageWorkTeam.Member] {
            try member.map { text in
                let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError(Console.strings.text("cadres.error.member", ["value": text])) }
                return VillageWorkTeam.Member(name: parts[0], role: try MonitorInput.code(parts[1], as: TeamRole.self))
            }
        }

        func run() async throws {
            let (team, rules) = try await withServices(db, acting) { env, user in
                try await CadreService(env).addTeam(
                    VillageWorkTeam(
                        village: try AdminCode(village), sendingUnit: sendingUnit, from: try MonitorInput.date(from) ?? env.today,
                        to: try MonitorInput.date(to), members: try members()),
                    by: user)
            }
            CadreOutput.teams([team], format: format)
            for check in rules.failedChecks { Console.err(Console.strings.text("assistance.warning", ["reason": Console.strings.explain(check)])) }
        }
    }

    struct Teams: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the village work teams of an area.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Area code (default: your scope).") var area: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { try MonitorInput.checkArea(area) }

        func run() async throws {
            let rows = try await withServices(db, acting) { env, user in
                try await CadreService(env).teams(area: try area.map(AdminCode.init), by: user)
            }
            CadreOutput.teams(rows, format: format)
        }
    }
}

enum CadreOutput {
    struct AssignmentRow: Encodable {
        var household: String
        var number: Int
        var name: String
        var unit: String
        var unitLevel: String
        var phone: String
        var from: String
        var to: String?
    }

    struct TeamRow: Encodable {
        var number: Int
        var village: String
        var sendingUnit: String
        var from: String
        var to: String?
        var members: [String]
    }

    static func assignments(_ rows: [CadreAssignment], format: Monitor.Format) {
        let s = Console.strings
        let out = rows.map {
            AssignmentRow(
                household: $0.household.rawValue, number: $0.number, name: $0.name, unit: $0.unit, unitLevel: $0.unitLevel.token, phone: $0.phone,
                from: $0.from.description, to: $0.to?.description)
        }
        switch format {
        case .json: Console.out(MonitorOutput.json(out))
        case .table:
            Console.out(s.text("cadres.header"))
            for r in out {
                let level = UnitLevel(token: r.unitLevel).map { s.label($0.label) } ?? r.unitLevel
                Console.out([r.household, String(r.number), r.name, r.unit, level, r.phone, r.from, r.to ?? "—"].joined(separator: "\t"))
            }
        }
    }

    static func teams(_ rows: [VillageWorkTeam], format: Monitor.Format) {
        let s = Console.strings
        let out = rows.map {
            TeamRow(
                number: $0.number, village: $0.village.rawValue, sendingUnit: $0.sendingUnit, from: $0.from.description, to: $0.to?.description,
                members: $0.members.map { $0.name + "（" + s.label($0.role.label) + "）" })
        }
        switch format {
        case .json: Console.out(MonitorOutput.json(out))
        case .table:
            Console.out(s.text("cadres.teams.header"))
            for r in out {
                Console.out(
                    [String(r.number), r.village, r.sendingUnit, r.from, r.to ?? "—", r.members.joined(separator: "、")].joined(separator: "\t"))
            }
        }
    }
}
