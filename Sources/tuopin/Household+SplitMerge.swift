import ArgumentParser
import TuopinCore
import TuopinServices

extension HouseholdCommand {
    /// `tuopin household split`: some members form a new household of the same village (分户).
    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Some members form a new household of the same village (分户); it carries the old one's status and attributes.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(name: .customLong("new-number"), help: "The new household's number.") var newNumber: String
        @Option(name: .customLong("member"), parsing: .upToNextOption, help: "The moving members' resident ID numbers.") var members: [String] = []
        @Option(name: .customLong("new-head"), help: "The ID number of the member who heads the new household (moves too).") var newHead: String
        @Option(name: .customLong("old-head"), help: "When the head moves: the ID number of the member who heads the old household.")
        var oldHead: String?
        @Option(help: "The day of the split, YYYY-MM-DD.") var date: String
        @Option(help: "A note kept with the new household's events.") var note = ""

        func validate() throws {
            _ = try Assistance.Add.household(newNumber)
            _ = try MonitorInput.date(date)
        }

        func run() async throws {
            let moving = Set((members + [newHead]).map { $0.uppercased() })
            let events = try await withServices(db, acting) { env, user in
                try await HouseholdService(env).split(
                    try target.number(), newNumber: newNumber, members: members.map { $0.uppercased() }, newHead: newHead.uppercased(),
                    oldHead: oldHead?.uppercased(), on: try MonitorInput.date(date) ?? env.today, note: note, by: user)
            }
            HouseholdOutput.saved(
                target.format,
                Console.strings.text("household.split.saved", ["members": String(moving.count), "household": newNumber]),
                [
                    "household": target.household, "newHousehold": newNumber,
                    "members": moving.sorted().map(Masking.identityNumber).joined(separator: ";"),
                    "status": events.last?.status.token ?? "",
                ])
        }
    }

    /// `tuopin household merge`: every member joins another household, and this one closes (合户).
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every member joins another household of the county (合户), and this household closes.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "The household they join.") var into: String
        @Option(help: "The day of the merge, YYYY-MM-DD.") var date: String
        @Option(help: "A note kept with the closure.") var note = ""

        func validate() throws {
            _ = try Assistance.Add.household(into)
            _ = try MonitorInput.date(date)
        }

        func run() async throws {
            let moved = try await withServices(db, acting) { env, user in
                try await HouseholdService(env).merge(
                    try target.number(), into: try Assistance.Add.household(into), on: try MonitorInput.date(date) ?? env.today, note: note, by: user)
            }
            HouseholdOutput.saved(
                target.format, Console.strings.text("household.merge.saved", ["from": target.household, "into": into, "members": String(moved)]),
                ["household": target.household, "into": into, "members": String(moved)])
        }
    }
}
