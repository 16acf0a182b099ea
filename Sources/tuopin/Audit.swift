import ArgumentParser
import Foundation
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `tuopin audit`: verify the hash chains, list entries.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Verify or list the audit log.", subcommands: [Verify.self, List.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every chain (one per county, one registry-wide); exit 1 naming the first broken entry.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            let s = Console.strings
            let reports = try await withServices(db, acting) { environment, user in try await AuditService(environment).verify(by: user) }
            for report in reports { Console.out(AuditService.describe(report, s)) }
            let broken = reports.filter { $0.problem != nil }
            guard broken.isEmpty else {
                Console.err("tuopin: " + s.text("audit.verify.failed", ["count": String(broken.count)]))
                throw ExitCode(1)
            }
            Console.out(s.text("audit.verify.ok", ["chains": String(reports.count), "entries": s.count(Int(reports.reduce(0) { $0 + $1.entries }))]))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List audit entries in your scope, newest first.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @Option(help: "Only this actor (user name, or 'system').") var user: String?
        @Option(help: "Only entries in this area (any level).") var area: String?
        @Option(help: "Only this action (signIn, signInFailed, lockout, accessDenied, export, importRegistry, userAdded …).") var action: String?
        @Option(help: "Only entries at or after this date (YYYY-MM-DD, Asia/Shanghai) or instant.") var since: String?
        @Option(help: "At most this many entries.") var limit = 100

        func validate() throws {
            let s = Console.strings
            if let area, (try? AdminCode(area)) == nil { throw ValidationError(s.text("error.area.invalid", ["reason": area])) }
            if let since, Self.instant(since) == nil { throw ValidationError(s.text("error.date.invalid", ["text": since])) }
            if let action, AuditAction(token: action) == nil { throw ValidationError(s.text("import.reason.unknownCode", ["value": action])) }
            if !(1...10_000).contains(limit) { throw ValidationError(s.text("audit.error.limit")) }
        }

        /// A date (midnight in Asia/Shanghai) or an exact instant.
        static func instant(_ text: String) -> Instant? { Instant.instantOrDay(text) }

        func run() async throws {
            let s = Console.strings
            let filter = AuditQuery.Filter(
                actor: user, area: try area.map(AdminCode.init), action: action, since: since.flatMap(Self.instant),
                scope: .everywhere, limit: limit)
            let rows = try await withServices(db, acting) { environment, user in try await AuditService(environment).list(filter, by: user) }
            for r in rows {
                let label = AuditAction(token: r.action).map { s.label($0.label) } ?? r.action
                let actor = r.osUser.map { "\(r.actor) (\($0))" } ?? r.actor
                var line = "\(r.instant)  \(r.countyCode.isEmpty ? "-" : r.countyCode)#\(r.sequence)  \(actor)  \(label)  \(r.entity)"
                if let area = r.area { line += "  [\(area)]" }
                if let detail = r.detail { line += "  " + detail }
                if let before = r.before { line += "  " + s.text("audit.before") + before }
                if let after = r.after { line += "  " + s.text("audit.after") + after }
                Console.out(line)
            }
            if rows.isEmpty { Console.out(s.text("audit.list.empty")) }
        }
    }
}
