import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin household`: one household's lifecycle and yearly facts.
struct HouseholdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household",
        abstract: "A household's status history, yearly facts, exit test, exit, return to poverty, removal, members, split and merge.",
        subcommands: [
            Show.self, Facts.self, MemberFacts.self, MemberYears.self, ExitCheck.self, Exit.self, Return.self, Remove.self, Join.self, Leave.self,
            Split.self, Merge.self, Groups.self, Tag.self,
        ])

    struct Target: ParsableArguments {
        @Argument(help: "Household number.") var household: String
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws { _ = try number() }
        func number() throws -> HouseholdNumber { try Assistance.Add.household(household) }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the household's status events.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target

        func run() async throws {
            let (village, events) = try await withServices(db, acting) { env, user in
                try await HouseholdService(env).events(try target.number(), by: user)
            }
            HouseholdOutput.events(village, events, format: target.format)
        }
    }

    struct Facts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the year's home-visit facts: 两不愁三保障, water and living conditions (replaces that year's).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "The year.") var year: Int
        @Option(help: "A guarantee NOT secured: food, clothing, compulsoryEducation, basicMedical, safeHousing, safeWater.") var missing: [String] =
            []
        @Option(name: .customLong("danger-grade"), help: "a, b, c or d.") var dangerGrade: String?
        @Option(help: "reinforcedConcrete, brickConcrete, brickWood, bambooThatchAdobe or other.") var structure: String?
        @Option(name: .customLong("floor-area"), help: "Floor area, m².") var floorArea: String?
        @Option(name: .customLong("built-year")) var builtYear: Int?
        @Option(name: .customLong("safe-water"), help: "true or false.") var safeWater: Bool?
        @Option(name: .customLong("water-source"), help: "tap, protectedWellSpring, unprotected, riverLake, rainwater, bottled or other.")
        var waterSource: String?
        @Option(name: .customLong("road-km"), help: "Distance to the main road, km.") var roadKm: String?
        @Option(name: .customLong("access-road"), help: "dirt, gravel, cement or asphalt.") var accessRoad: String?
        @Option(help: "Sanitary toilet: true or false.") var toilet: Bool?
        @Option(help: "A fuel, main first (at most 3): firewood, dung, coal, cleanEnergy, other.") var fuel: [String] = []
        @Option(name: .customLong("arable-land"), help: "Arable land, 亩.") var arableLand: String?
        @Option(name: .customLong("forest-land"), help: "Forest land, 亩.") var forestLand: String?
        @Flag(name: .customLong("no-medical-assistance"), help: "Medical assistance is not available.") var noMedicalAssistance = false

        func validate() throws {
            for m in missing { _ = try MonitorInput.code(m, as: BasicGuarantee.self) }
            _ = try living()
        }

        func decimal(_ text: String?) throws -> FixedDecimal? {
            guard let text else { return nil }
            guard let d = try? FixedDecimal(text) else { throw ValidationError(Console.strings.text("import.reason.invalidNumber", ["value": text])) }
            return d
        }

        func living() throws -> LivingConditions {
            LivingConditions(
                dangerGrade: try dangerGrade.map { try MonitorInput.code($0, as: DangerGrade.self) },
                structure: try structure.map { try MonitorInput.code($0, as: HouseStructure.self) }, floorArea: try decimal(floorArea),
                builtYear: builtYear, safeDrinkingWater: safeWater,
                waterSource: try waterSource.map { try MonitorInput.code($0, as: WaterSource.self) },
                distanceToMainRoadKm: try decimal(roadKm), accessRoad: try accessRoad.map { try MonitorInput.code($0, as: AccessRoad.self) },
                sanitaryToilet: toilet, fuels: try fuel.map { try MonitorInput.code($0, as: Fuel.self) }, arableLand: try decimal(arableLand),
                forestLand: try decimal(forestLand))
        }

        func run() async throws {
            let missing = Set(try self.missing.map { try MonitorInput.code($0, as: BasicGuarantee.self) })
            let facts = HouseholdYear(
                household: try target.number(), year: year, securedGuarantees: Set(BasicGuarantee.allCases).subtracting(missing),
                medicalAssistanceAvailable: !noMedicalAssistance, living: try living())
            let warning = try await withServices(db, acting) { env, user in try await HouseholdService(env).setYear(facts, by: user) }
            HouseholdOutput.saved(
                target.format, Console.strings.text("household.factsSaved", ["household": target.household, "year": String(year)]),
                ["household": target.household, "year": String(year)], warnings: warning.map { [$0] } ?? [])
        }
    }

    struct ExitCheck: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "exit-check", abstract: "Run the exit test E1–E5 on the stored facts of a year.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "The exit year (default: this year).") var year: Int?

        func run() async throws {
            let decision = try await withServices(db, acting) { env, user in
                try await HouseholdService(env).exitCheck(try target.number(), year: year ?? env.today.year, on: env.today, by: user)
            }
            HouseholdOutput.decision(decision, format: target.format)
        }
    }

    struct Exit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an exit (脱贫): refused with the failing E-rules unless a county officer gives --override REASON.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "The exit date, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "A note kept with the event.") var note = ""
        @Option(help: "Exit although the test fails, for this documented reason (county approval).") var override: String?

        func validate() throws { _ = try MonitorInput.date(date) }

        func run() async throws {
            let (event, decision) = try await withServices(db, acting) { env, user in
                try await HouseholdService(env).exit(
                    try target.number(), on: try MonitorInput.date(date) ?? env.today, note: note, override: override, by: user)
            }
            HouseholdOutput.events(nil, [event], format: target.format)
            if target.format == .table { HouseholdOutput.decision(decision, format: .table) }
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a return to poverty (返贫).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "The date, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "Why.") var note = ""

        func validate() throws { _ = try MonitorInput.date(date) }

        func run() async throws {
            let event = try await withServices(db, acting) { env, user in
                try await HouseholdService(env).returnToPoverty(
                    try target.number(), on: try MonitorInput.date(date) ?? env.today, note: note, by: user)
            }
            HouseholdOutput.events(nil, [event], format: target.format)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the household as ineligible (错评清退), with the reason.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "The date, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?
        @Option(help: "The documented reason (required).") var note: String

        func validate() throws { _ = try MonitorInput.date(date) }

        func run() async throws {
            let event = try await withServices(db, acting) { env, user in
                try await HouseholdService(env).remove(try target.number(), on: try MonitorInput.date(date) ?? env.today, note: note, by: user)
            }
            HouseholdOutput.events(nil, [event], format: target.format)
        }
    }
}

enum HouseholdOutput {
    /// A change's confirmation: a sentence, or `{"saved": true, …}` as JSON; warnings go to stderr.
    static func saved(_ format: Monitor.Format, _ sentence: String, _ fields: [String: String], warnings: [Check] = []) {
        switch format {
        case .table: Console.out(sentence)
        case .json:
            struct Saved: Encodable {
                var saved = true
                var fields: [String: String]
                var warnings: [String]
            }
            Console.out(MonitorOutput.json(Saved(fields: fields, warnings: warnings.map { Console.strings.explain($0) })))
        }
        for w in warnings { Console.err(Console.strings.text("assistance.warning", ["reason": Console.strings.explain(w)])) }
    }

    struct EventRow: Encodable {
        var sequence: Int
        var kind: String
        var status: String
        var date: String
        var note: String
    }

    static func events(_ village: AdminCode?, _ events: [StatusEvent], format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json:
            Console.out(
                MonitorOutput.json(
                    events.map {
                        EventRow(
                            sequence: $0.sequence, kind: $0.kind.token, status: $0.status.token, date: $0.effectiveDate.description, note: $0.note)
                    }))
        case .table:
            if let village { Console.out(s.text("household.village", ["village": village.rawValue])) }
            Console.out(s.text("household.events.header"))
            for e in events {
                Console.out(
                    [String(e.sequence), e.effectiveDate.description, s.label(e.kind.label), s.label(e.status.label), e.note].joined(separator: "\t"))
            }
        }
    }

    static func decision(_ d: Decision, format: Monitor.Format) {
        let s = Console.strings
        switch format {
        case .json: Console.out(MonitorOutput.json(d))
        case .table:
            for check in d.checks {
                Console.out((check.passed ? "✔ " : "✘ ") + check.rule.rawValue.replacingOccurrences(of: "exit.", with: "") + "  " + s.explain(check))
            }
        }
    }
}

extension HouseholdCommand {
    struct Join: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A person joins the household: a birth, a marriage in, or another move (from another household of the county).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "Resident ID number.") var id: String
        @Option(help: "Name.") var name: String
        @Option(help: "male or female.") var sex: String
        @Option(help: "Birth date, YYYY-MM-DD.") var birth: String
        @Option(help: "Relation to the head (spouse, son, daughter, grandson, …, other).") var relation: String
        @Option(help: "birth, marriage or other.") var reason: String
        @Option(help: "GB 3304 ethnicity code.") var ethnicity = "01"
        @Option(help: "illiterate, primary, juniorMiddle, seniorHigh, collegeOrAbove or preschoolChild.") var education = "preschoolChild"
        @Option(name: .customLong("student-status"), help: "notInSchool, preschool, primary:3, juniorMiddle:8, …") var studentStatus = "notInSchool"
        @Option(help: "ordinary, skilled, weakOrHalf, lost or none.") var labour = "none"
        @Flag(name: .customLong("uninsured"), help: "Not in the basic medical insurance.") var uninsured = false
        @Option(help: "The day they joined, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?

        func member() throws -> Member {
            guard let student = StudentStatus(token: studentStatus) else {
                throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": studentStatus]))
            }
            guard let born = try MonitorInput.date(birth) else { throw ValidationError(Console.strings.text("error.date.invalid", ["text": birth])) }
            return Member(
                idType: .residentIdentityCard, idNumber: id.uppercased(), name: name, sex: try MonitorInput.code(sex, as: Sex.self), birthDate: born,
                ethnicity: ethnicity, education: try MonitorInput.code(education, as: Education.self), studentStatus: student, health: [.healthy],
                labourCapacity: try MonitorInput.code(labour, as: LabourCapacity.self), medicalInsured: !uninsured, seriousIllnessInsured: !uninsured,
                residentPension: false, receivesDibao: false, receivesTekun: false)
        }

        func validate() throws {
            _ = try member()
            _ = try MonitorInput.code(relation, as: RelationToHead.self)
            guard HouseholdService.JoinReason(rawValue: reason) != nil else {
                throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": reason]))
            }
            _ = try MonitorInput.date(date)
        }

        func run() async throws {
            try await withServices(db, acting) { env, user in
                try await HouseholdService(env).join(
                    try target.number(), member: try member(), relation: try MonitorInput.code(relation, as: RelationToHead.self),
                    on: try MonitorInput.date(date) ?? env.today, reason: HouseholdService.JoinReason(rawValue: reason) ?? .other, by: user)
            }
            HouseholdOutput.saved(
                target.format, Console.strings.text("policy.saved"), ["household": target.household, "joined": Masking.identityNumber(id)])
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A member leaves: death, marriage, migration, imprisonment or missing; the last one closes the household.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "The member's resident ID number.") var id: String
        @Option(help: "death, marriage, migration, imprisonment or missing.") var reason: String
        @Option(name: .customLong("new-head"), help: "When the head leaves: the ID number of the member who becomes head.") var newHead: String?
        @Option(help: "The day they left, YYYY-MM-DD (default: today in Asia/Shanghai).") var date: String?

        func validate() throws {
            _ = try MonitorInput.code(reason, as: NaturalReductionReason.self)
            _ = try MonitorInput.date(date)
        }

        func run() async throws {
            try await withServices(db, acting) { env, user in
                try await HouseholdService(env).leave(
                    try target.number(), idNumber: id.uppercased(), on: try MonitorInput.date(date) ?? env.today,
                    reason: try MonitorInput.code(reason, as: NaturalReductionReason.self), newHead: newHead?.uppercased(), by: user)
            }
            HouseholdOutput.saved(
                target.format, Console.strings.text("policy.saved"), ["household": target.household, "left": Masking.identityNumber(id)])
        }
    }
}

extension HouseholdCommand {
    struct Groups: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the special groups (code table) and, with a household or area, their tags.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Household number.") var household: String?
        @Option(help: "Area code.") var area: String?
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            if let household { _ = try Assistance.Add.household(household) }
            try MonitorInput.checkArea(area)
        }

        func run() async throws {
            let s = Console.strings
            let (groups, tags) = try await withServices(db, acting) { env, user in
                let service = SpecialGroupService(env)
                let groups = try await service.groups(by: user)
                guard household != nil || area != nil else { return (groups, [SpecialGroupTag]()) }
                return (
                    groups,
                    try await service.tags(area: try area.map(AdminCode.init), household: try household.map(Assistance.Add.household), by: user)
                )
            }
            let names = Dictionary(groups.map { ($0.token, s.label($0.label)) }, uniquingKeysWith: { a, _ in a })
            if format == .json {
                struct Row: Encodable {
                    var household: String?
                    var group: String
                    var name: String
                    var from: String?
                    var to: String?
                }
                let rows =
                    tags.isEmpty
                    ? groups.map { Row(group: $0.token, name: s.label($0.label)) }
                    : tags.map {
                        Row(
                            household: $0.household.rawValue, group: $0.group, name: names[$0.group] ?? $0.group, from: $0.from.description,
                            to: $0.to?.description)
                    }
                Console.out(MonitorOutput.json(rows))
                return
            }
            if tags.isEmpty {
                for g in groups { Console.out([g.token, s.label(g.label)].joined(separator: "\t")) }
            }
            for t in tags {
                Console.out(
                    [t.household.rawValue, names[t.group] ?? t.group, t.from.description, t.to?.description ?? "—", t.note].joined(separator: "\t"))
            }
        }
    }

    struct Tag: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tag the household with a special group for a time.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "The group's token (see `household groups`).") var group: String
        @Option(help: "From, YYYY-MM-DD.") var from: String
        @Option(help: "To, YYYY-MM-DD (open if omitted).") var to: String?
        @Option(help: "A note.") var note = ""

        func validate() throws {
            _ = try MonitorInput.date(from)
            _ = try MonitorInput.date(to)
        }

        func run() async throws {
            guard let start = try MonitorInput.date(from) else { return }
            let tag = SpecialGroupTag(household: try target.number(), group: group, from: start, to: try MonitorInput.date(to), note: note)
            try await withServices(db, acting) { env, user in try await SpecialGroupService(env).tag(tag, by: user) }
            HouseholdOutput.saved(target.format, Console.strings.text("policy.saved"), ["household": target.household, "group": group, "from": from])
        }
    }
}

extension Policy {
    struct AddGroup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-group", abstract: "Add a special group to the code table (administrator).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Token: letters and digits, starting with a letter.") var token: String
        @Option(name: .customLong("name-zh")) var nameZh: String
        @Option(name: .customLong("name-en")) var nameEn: String

        func group() throws -> SpecialGroup {
            do { return try SpecialGroup(token: token, label: Label(nameZh, nameEn)) } catch {
                throw ValidationError(Console.strings.describe(error))
            }
        }

        func validate() throws { _ = try group() }

        func run() async throws {
            let g = try group()
            try await withServices(db, acting) { env, user in try await SpecialGroupService(env).add(g, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}
