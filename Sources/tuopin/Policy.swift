import ArgumentParser
import TuopinCore
import TuopinServices
import TuopinStore

/// `tuopin policy`: list and edit the poverty lines and monitoring thresholds.
struct Policy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List or set poverty lines and monitoring thresholds (editable policy tables).",
        subcommands: [
            Lines.self, SetLine.self, Thresholds.self, SetThreshold.self, Parameters.self, SetParameter.self, Templates.self, SetTemplate.self,
            Holidays.self,
            SetDay.self, AddGroup.self, FundingLevelList.self, SetFundingLevel.self,
        ])

    struct Lines: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the poverty lines (扶贫标准).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            let s = Console.strings
            let rows = try await withServices(db, acting) { env, user in try await PolicyService(env).povertyLines(by: user).rows }
            Console.out(s.text("policy.lines.header"))
            for l in rows {
                Console.out(
                    s.text(
                        "policy.lines.row",
                        [
                            "year": String(l.year), "region": l.region.token, "standard": s.label(l.standard.label), "amount": l.amount.formatted,
                            "comparison": l.exitComparison.symbol, "confirmed": s.text(l.confirmed ? "value.yes" : "value.no"), "source": l.source,
                        ]))
            }
        }
    }

    struct SetLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-line", abstract: "Set the poverty line of a year and region.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var row: PolicyRowOptions
        @Option(help: "national, provincial or municipal.") var standard = "national"
        @Option(help: "How exit income compares with the line: above or atLeast.") var comparison = "above"

        func validate() throws {
            if IdentificationStandard(token: standard) == nil { throw PolicyRowOptions.unknown(standard) }
            if ![IncomeComparison.above, .atLeast].contains(IncomeComparison(token: comparison)) { throw PolicyRowOptions.unknown(comparison) }
        }

        func run() async throws {
            guard let standard = IdentificationStandard(token: standard), let comparison = IncomeComparison(token: comparison) else {
                throw PolicyRowOptions.unknown(self.standard + " / " + self.comparison)
            }
            let line = PovertyLine(
                year: row.year, region: row.policyRegion, standard: standard,
                amount: row.money, exitComparison: comparison,
                confirmed: !row.unconfirmed, source: row.source)
            try await withServices(db, acting) { env, user in try await PolicyService(env).save(line, by: user) }
            Console.out(Console.strings.text("policy.saved"))
        }
    }

    struct Thresholds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the monitoring thresholds (监测范围).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            let s = Console.strings
            let rows = try await withServices(db, acting) { env, user in try await PolicyService(env).monitoringThresholds(by: user).rows }
            Console.out(s.text("policy.thresholds.header"))
            for t in rows {
                Console.out(
                    s.text(
                        "policy.thresholds.row",
                        [
                            "year": String(t.year), "region": t.region.token, "amount": t.amountPerCapita.formatted,
                            "comparison": t.withinComparison.symbol, "confirmed": s.text(t.confirmed ? "value.yes" : "value.no"), "source": t.source,
                        ]))
            }
        }
    }

    struct SetThreshold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-threshold", abstract: "Set the monitoring threshold of a year and region.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var row: PolicyRowOptions
        @Option(help: "Whether the bound is within range: atMost (≤) or below (<).") var comparison = "atMost"

        func validate() throws {
            if ![IncomeComparison.atMost, .below].contains(IncomeComparison(token: comparison)) { throw PolicyRowOptions.unknown(comparison) }
        }

        func run() async throws {
            guard let within = IncomeComparison(token: comparison) else { throw PolicyRowOptions.unknown(comparison) }
            let threshold = MonitoringThreshold(
                year: row.year, region: row.policyRegion, amountPerCapita: row.money,
                withinComparison: within, confirmed: !row.unconfirmed,
                source: row.source)
            try await withServices(db, acting) { env, user in try await PolicyService(env).save(threshold, by: user) }
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
        if !RegistryYear.contains(year) { throw ValidationError(s.text("policy.error.year", ["value": String(year)])) }
        guard let money = try? Money(yuan: amount), money > .zero else {
            throw ValidationError(s.text("import.reason.invalidAmount", ["value": amount]))
        }
        if PolicyRegion(token: region) == nil { throw ValidationError(s.text("policy.error.region", ["value": region])) }
    }

    /// Valid after `validate()`.
    var money: Money { (try? Money(yuan: amount)) ?? .zero }
    var policyRegion: PolicyRegion { PolicyRegion(token: region) ?? .national }

    static func unknown(_ value: String) -> ValidationError {
        ValidationError(Console.strings.text("import.reason.unknownCode", ["value": value]))
    }
}
