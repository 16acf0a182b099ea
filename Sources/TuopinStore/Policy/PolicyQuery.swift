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
                let regionText = try row.storedText("region", table: t, key: key)
                guard let region = PolicyRegion(token: regionText) else {
                    throw StoredValueError(table: t, column: "region", key: key, value: regionText)
                }
                let amount = try row.storedInt("amount_fen", table: t, key: key)
                guard amount > 0 else { throw StoredValueError(table: t, column: "amount_fen", key: key, value: String(amount)) }
                let comparison = try row.storedCode("exit_comparison", as: IncomeComparison.self, table: t, key: key)
                guard [.above, .atLeast].contains(comparison) else {
                    throw StoredValueError(table: t, column: "exit_comparison", key: key, value: comparison.token)
                }
                return PovertyLine(
                    year: try row.storedYear("year", table: t, key: key), region: region,
                    standard: try row.storedCode("standard", as: IdentificationStandard.self, table: t, key: key),
                    amount: Money(fen: amount), exitComparison: comparison,
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
                let regionText = try row.storedText("region", table: t, key: key)
                guard let region = PolicyRegion(token: regionText) else {
                    throw StoredValueError(table: t, column: "region", key: key, value: regionText)
                }
                let amount = try row.storedInt("amount_fen", table: t, key: key)
                guard amount > 0 else { throw StoredValueError(table: t, column: "amount_fen", key: key, value: String(amount)) }
                let comparison = try row.storedCode("within_comparison", as: IncomeComparison.self, table: t, key: key)
                guard [.atMost, .below].contains(comparison) else {
                    throw StoredValueError(table: t, column: "within_comparison", key: key, value: comparison.token)
                }
                return MonitoringThreshold(
                    year: try row.storedYear("year", table: t, key: key), region: region,
                    amountPerCapita: Money(fen: amount), withinComparison: comparison,
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
