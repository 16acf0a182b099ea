import SQLKit
import TuopinCore

/// Reads and writes the policy tables.
public enum PolicyQuery {
    public static func povertyLines(_ sql: any SQLDatabase) async throws -> PovertyLineTable {
        let rows = try await sql.raw("""
            SELECT year, region, standard, amount_fen, exit_comparison, confirmed, source FROM poverty_line ORDER BY year
            """).all()
        return PovertyLineTable(try rows.map { row in
            PovertyLine(year: try row.decode(column: "year", as: Int.self),
                        region: PolicyRegion(token: try row.decode(column: "region", as: String.self)) ?? .national,
                        standard: IdentificationStandard(token: try row.decode(column: "standard", as: String.self)) ?? .national,
                        amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                        exitComparison: IncomeComparison(token: try row.decode(column: "exit_comparison", as: String.self)) ?? .above,
                        confirmed: try row.decode(column: "confirmed", as: Bool.self),
                        source: try row.decode(column: "source", as: String.self))
        })
    }

    public static func monitoringThresholds(_ sql: any SQLDatabase) async throws -> MonitoringThresholdTable {
        let rows = try await sql.raw("""
            SELECT year, region, amount_fen, within_comparison, confirmed, source FROM monitoring_threshold ORDER BY year
            """).all()
        return MonitoringThresholdTable(try rows.map { row in
            MonitoringThreshold(year: try row.decode(column: "year", as: Int.self),
                                region: PolicyRegion(token: try row.decode(column: "region", as: String.self)) ?? .national,
                                amountPerCapita: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                                withinComparison: IncomeComparison(token: try row.decode(column: "within_comparison", as: String.self)) ?? .atMost,
                                confirmed: try row.decode(column: "confirmed", as: Bool.self),
                                source: try row.decode(column: "source", as: String.self))
        })
    }

    /// Inserts or replaces the row for the line's (year, region, standard).
    public static func save(_ line: PovertyLine, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("""
            DELETE FROM poverty_line WHERE year = \(bind: line.year) AND region = \(bind: line.region.token)
            AND standard = \(bind: line.standard.token)
            """).run()
        try await tx.sql.raw("""
            INSERT INTO poverty_line (year, region, standard, amount_fen, exit_comparison, confirmed, source)
            VALUES (\(bind: line.year), \(bind: line.region.token), \(bind: line.standard.token), \(bind: line.amount.fen),
                    \(bind: line.exitComparison.token), \(bind: line.confirmed), \(bind: line.source))
            """).run()
    }

    public static func save(_ threshold: MonitoringThreshold, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("""
            DELETE FROM monitoring_threshold WHERE year = \(bind: threshold.year) AND region = \(bind: threshold.region.token)
            """).run()
        try await tx.sql.raw("""
            INSERT INTO monitoring_threshold (year, region, amount_fen, within_comparison, confirmed, source)
            VALUES (\(bind: threshold.year), \(bind: threshold.region.token), \(bind: threshold.amountPerCapita.fen),
                    \(bind: threshold.withinComparison.token), \(bind: threshold.confirmed), \(bind: threshold.source))
            """).run()
    }
}
