import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

extension Campaigns {
    struct Visit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a visit: the checklist, observed income and house, whom you met; differences go to the township, risks raise a lead.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The campaign, as county-number (430481-1).") var campaign: String
        @Option(help: "Household number.") var household: String
        @Option(help: "When, YYYY-MM-DDTHH:MM (Beijing time).") var at: String
        @Option(help: "Whom you met (户主本人, 配偶, …).") var met: String
        @Option(
            name: .customLong("not-secured"),
            help: "A guarantee seen not to be secured, repeatable: food, clothing, compulsoryEducation, basicMedical, safeHousing, safeWater.")
        var notSecured: [String] = []
        @Option(help: "Observed per-capita net income, yuan.") var income: String?
        @Option(name: .customLong("danger-grade"), help: "The house's danger grade: a, b, c or d.") var dangerGrade: String?
        @Option(help: "Sanitary toilet: yes or no.") var toilet: String?
        @Option(name: .customLong("risk"), help: "A risk seen, repeatable (raises a monitoring lead).") var risks: [String] = []
        @Option(help: "A photo (JPEG or PNG).") var photo: String?
        @Option(help: "A note.") var note = ""
        @Option(help: "The visit's id (default: a new UUID); sending the same id again is harmless.") var id: String?

        func validate() throws {
            _ = try Campaigns.key(campaign)
            _ = try Assistance.Add.household(household)
            _ = try parsed()
        }

        /// The options as typed values (the photo is read in `run`).
        func parsed() throws -> (VisitTime, Set<BasicGuarantee>, Money?, DangerGrade?, Bool?, [RiskType], VisitID) {
            let s = Console.strings
            guard let time = VisitTime(at) else { throw ValidationError(s.text("error.visit.time", ["text": String(at.prefix(40))])) }
            let missing = try notSecured.map { try MonitorInput.code($0, as: BasicGuarantee.self) }
            let amount = try income.map { text in
                guard let m = try? Money(yuan: text) else { throw ValidationError(s.text("error.visit.income", ["text": String(text.prefix(40))])) }
                return m
            }
            let grade = try dangerGrade.map { try MonitorInput.code($0, as: DangerGrade.self) }
            let hasToilet = try toilet.map { text -> Bool in
                switch text {
                case "yes", "是": return true
                case "no", "否": return false
                default: throw ValidationError(s.text("error.visit.yesNo", ["text": String(text.prefix(40))]))
                }
            }
            let riskTypes = try risks.map { try MonitorInput.code($0, as: RiskType.self) }
            let text = id ?? UUID().uuidString.lowercased()
            guard let visitID = VisitID(text) else { throw ValidationError(s.text("error.visit.id", ["text": String(text.prefix(70))])) }
            return (time, Set(BasicGuarantee.allCases).subtracting(missing), amount, grade, hasToilet, riskTypes, visitID)
        }

        func run() async throws {
            let (time, secured, amount, grade, hasToilet, riskTypes, visitID) = try parsed()
            var picture: VisitPhoto?
            if let photo {
                let url = URL(fileURLWithPath: photo)
                guard let data = try? Data(contentsOf: url), let p = VisitPhoto(bytes: Array(data)) else {
                    throw ValidationError(Console.strings.text("error.visit.photo", ["path": photo]))
                }
                picture = p
            }
            let input = CampaignVisit(
                id: visitID, campaign: try Campaigns.key(campaign), household: try Assistance.Add.household(household), visitor: "",
                visitedAt: time, metWith: met, secured: secured, perCapitaIncome: amount, dangerGrade: grade, sanitaryToilet: hasToilet, note: note,
                risks: riskTypes, photo: picture)
            // No basis: a visit typed here is compared with the registry as it stands, not with an older form.
            let receipt = try await withServices(db, acting) { env, user in try await CampaignService(env).visit(input, by: user) }
            let s = Console.strings
            Console.out(
                s.text(
                    receipt.duplicate ? "campaign.visit.duplicate" : "campaign.visit.recorded",
                    ["visit": receipt.visit.rawValue, "differences": String(receipt.differences)]))
            if let lead = receipt.lead { Console.out(s.text("campaign.visit.lead", ["case": lead])) }
            if receipt.leadFailed { Console.err(s.text("campaign.visit.leadFailed")) }
        }
    }

    struct Differences: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The differences a campaign's visits found with the registry (open ones by default).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The campaign, as county-number (430481-1).") var campaign: String
        @Option(help: "open, visitConfirmed, registryStands or all.") var state = "open"
        @Option(help: "Output format.") var format: Monitor.Format = .table

        func validate() throws {
            _ = try Campaigns.key(campaign)
            if state != "all" { _ = try MonitorInput.code(state, as: DifferenceState.self) }
        }

        func run() async throws {
            let rows = try await withServices(db, acting) { env, user in
                try await CampaignService(env).differences(
                    try Campaigns.key(campaign), state: state == "all" ? nil : try MonitorInput.code(state, as: DifferenceState.self), by: user)
            }
            CampaignOutput.differences(rows, format: format)
        }
    }

    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Township review of a difference: the registry is to be corrected to the visit, or it stands.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The difference, as county-number (430481-3).") var difference: String
        @Option(help: "visitConfirmed or registryStands.") var decision: String
        @Option(help: "The reason.") var reason: String

        func validate() throws {
            _ = try Campaigns.key(difference)
            _ = try MonitorInput.code(decision, as: DifferenceState.self)
        }

        func run() async throws {
            let state = try MonitorInput.code(decision, as: DifferenceState.self)
            try await withServices(db, acting) { env, user in
                try await CampaignService(env).decide(try Campaigns.key(difference), state, resolution: reason, by: user)
            }
            Console.out(Console.strings.text("campaign.decided", ["difference": difference, "decision": Console.strings.label(state.label)]))
        }
    }
}
