import SQLKit
import TuopinCore

/// Reads and writes the policy tables.
public enum PolicyQuery {
    public static func povertyLines(_ sql: any SQLDatabase) async throws -> PovertyLineTable {
        let rows = try await sql.raw(
            """
            SELECT year, region, standard, amount_fen, exit_comparison, confirmed, source FROM poverty_line ORDER BY year
            """
        ).all()
        return PovertyLineTable(
            try rows.map { row in
                let key = "\(row.rawText("year"))/\(row.rawText("region"))/\(row.rawText("standard"))"
                let t = "poverty_line"
                return PovertyLine(
                    year: try row.storedYear("year", table: t, key: key), region: try row.storedRegion(table: t, key: key),
                    standard: try row.storedCode("standard", as: IdentificationStandard.self, table: t, key: key),
                    amount: try row.storedAmount(table: t, key: key),
                    exitComparison: try row.storedComparison("exit_comparison", [.above, .atLeast], table: t, key: key),
                    confirmed: try row.storedBool("confirmed", table: t, key: key),
                    source: try row.storedText("source", table: t, key: key))
            })
    }

    public static func monitoringThresholds(_ sql: any SQLDatabase) async throws -> MonitoringThresholdTable {
        let rows = try await sql.raw(
            """
            SELECT year, region, amount_fen, within_comparison, confirmed, source FROM monitoring_threshold ORDER BY year
            """
        ).all()
        return MonitoringThresholdTable(
            try rows.map { row in
                let key = "\(row.rawText("year"))/\(row.rawText("region"))"
                let t = "monitoring_threshold"
                return MonitoringThreshold(
                    year: try row.storedYear("year", table: t, key: key), region: try row.storedRegion(table: t, key: key),
                    amountPerCapita: try row.storedAmount(table: t, key: key),
                    withinComparison: try row.storedComparison("within_comparison", [.atMost, .below], table: t, key: key),
                    confirmed: try row.storedBool("confirmed", table: t, key: key),
                    source: try row.storedText("source", table: t, key: key))
            })
    }

    /// Inserts or replaces the row for the line's (year, region, standard).
    public static func save(_ line: PovertyLine, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM poverty_line WHERE year = \(bind: line.year) AND region = \(bind: line.region.token)
            AND standard = \(bind: line.standard.token)
            """
        ).run()
        try await tx.sql.raw(
            """
            INSERT INTO poverty_line (year, region, standard, amount_fen, exit_comparison, confirmed, source)
            VALUES (\(bind: line.year), \(bind: line.region.token), \(bind: line.standard.token), \(bind: line.amount.fen),
                    \(bind: line.exitComparison.token), \(bind: line.confirmed), \(bind: line.source))
            """
        ).run()
    }

    public static func save(_ threshold: MonitoringThreshold, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM monitoring_threshold WHERE year = \(bind: threshold.year) AND region = \(bind: threshold.region.token)
            """
        ).run()
        try await tx.sql.raw(
            """
            INSERT INTO monitoring_threshold (year, region, amount_fen, within_comparison, confirmed, source)
            VALUES (\(bind: threshold.year), \(bind: threshold.region.token), \(bind: threshold.amountPerCapita.fen),
                    \(bind: threshold.withinComparison.token), \(bind: threshold.confirmed), \(bind: threshold.source))
            """
        ).run()
    }
}

/// The columns both policy tables share, each refused with a worded error when out of range.
extension SQLRow {
    fileprivate func storedRegion(table: String, key: String) throws -> PolicyRegion {
        let text = try storedText("region", table: table, key: key)
        guard let region = PolicyRegion(token: text) else { throw StoredValueError(table: table, column: "region", key: key, value: text) }
        return region
    }

    /// `amount_fen`, which must be positive.
    fileprivate func storedAmount(table: String, key: String) throws -> Money {
        let fen = try storedInt("amount_fen", table: table, key: key)
        guard fen > 0 else { throw StoredValueError(table: table, column: "amount_fen", key: key, value: String(fen)) }
        return Money(fen: fen)
    }

    /// A comparison that must be one of `allowed` (an exit is above the line; monitoring below).
    fileprivate func storedComparison(_ column: String, _ allowed: [IncomeComparison], table: String, key: String) throws -> IncomeComparison {
        let comparison = try storedCode(column, as: IncomeComparison.self, table: table, key: key)
        guard allowed.contains(comparison) else { throw StoredValueError(table: table, column: column, key: key, value: comparison.token) }
        return comparison
    }
}
