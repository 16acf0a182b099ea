import ArgumentParser
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin policy`: list and edit the poverty lines and monitoring thresholds.
struct Policy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List or set poverty lines and monitoring thresholds (editable policy tables).",
        subcommands: [Lines.self, SetLine.self, Thresholds.self, SetThreshold.self])

    struct Lines: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the poverty lines (扶贫标准).")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let s = Console.strings
            let rows = try await withPolicy(db) { try await $0.povertyLines().rows }
            Console.out(s.text("policy.lines.header"))
            for l in rows {
                Console.out(s.text("policy.lines.row", [
                    "year": String(l.year), "region": l.region.token, "standard": s.label(l.standard.label), "amount": l.amount.formatted,
                    "comparison": l.exitComparison.symbol, "confirmed": s.text(l.confirmed ? "value.yes" : "value.no"), "source": l.source,
                ]))
            }
        }
    }

    struct SetLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-line", abstract: "Set the poverty line of a year and region.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var row: PolicyRowOptions
        @Option(help: "national, provincial or municipal.") var standard = "national"
        @Option(help: "How exit income compares with the line: above or atLeast.") var comparison = "above"

        func validate() throws {
            if IdentificationStandard(token: standard) == nil { throw PolicyRowOptions.unknown(standard) }
            if ![IncomeComparison.above, .atLeast].contains(IncomeComparison(token: comparison)) { throw PolicyRowOptions.unknown(comparison) }
        }

        func run() async throws {
            let line = PovertyLine(year: row.year, region: row.policyRegion, standard: IdentificationStandard(token: standard)!,
                                   amount: row.money, exitComparison: IncomeComparison(token: comparison)!,
                                   confirmed: !row.unconfirmed, source: row.source)
            try await withPolicy(db) { try await $0.save(line) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }

    struct Thresholds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the monitoring thresholds (监测范围).")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let s = Console.strings
            let rows = try await withPolicy(db) { try await $0.monitoringThresholds().rows }
            Console.out(s.text("policy.thresholds.header"))
            for t in rows {
                Console.out(s.text("policy.thresholds.row", [
                    "year": String(t.year), "region": t.region.token, "amount": t.amountPerCapita.formatted,
                    "comparison": t.withinComparison.symbol, "confirmed": s.text(t.confirmed ? "value.yes" : "value.no"), "source": t.source,
                ]))
            }
        }
    }

    struct SetThreshold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-threshold", abstract: "Set the monitoring threshold of a year and region.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var row: PolicyRowOptions
        @Option(help: "Whether the bound is within range: atMost (≤) or below (<).") var comparison = "atMost"

        func validate() throws {
            if ![IncomeComparison.atMost, .below].contains(IncomeComparison(token: comparison)) { throw PolicyRowOptions.unknown(comparison) }
        }

        func run() async throws {
            let threshold = MonitoringThreshold(year: row.year, region: row.policyRegion, amountPerCapita: row.money,
                                                withinComparison: IncomeComparison(token: comparison)!, confirmed: !row.unconfirmed,
                                                source: row.source)
            try await withPolicy(db) { try await $0.save(threshold) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }
}

/// What every policy row has: year, amount, region, whether confirmed, and its source.
struct PolicyRowOptions: ParsableArguments {
    @Option(help: "Year.") var year: Int
    @Option(help: "Yuan per person per year.") var amount: String
    @Option(help: "national, or a 2-digit province code such as 43.") var region = "national"
    @Flag(help: "Mark the value unconfirmed.") var unconfirmed = false
    @Option(help: "Where the value comes from.") var source: String

    func validate() throws {
        let s = Console.strings
        if (try? Money(yuan: amount)) == nil { throw ValidationError(s.text("import.reason.invalidAmount", ["value": amount])) }
        if PolicyRegion(token: region) == nil { throw ValidationError(s.text("policy.error.region", ["value": region])) }
    }

    /// Valid after `validate()`.
    var money: Money { (try? Money(yuan: amount)) ?? .zero }
    var policyRegion: PolicyRegion { PolicyRegion(token: region) ?? .national }

    static func unknown(_ value: String) -> ValidationError {
        ValidationError(Console.strings.text("import.reason.unknownCode", ["value": value]))
    }
}

/// Opens the store, runs `body` with the policy service, closes the store; errors are worded.
func withPolicy<T>(_ db: DatabaseOptions, _ body: (PolicyService) async throws -> T) async throws -> T {
    do {
        let store = try await db.openStore()
        do {
            let result = try await body(PolicyService(store: store))
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    } catch { throw Failure.exit(error) }
}
