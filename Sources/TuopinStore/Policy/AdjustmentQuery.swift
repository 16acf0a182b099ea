import SQLKit
import TuopinCore

/// Reads and writes the adjustment windows.
public enum AdjustmentQuery {
    public static func windows(_ sql: any SQLDatabase) async throws -> [AdjustmentWindow] {
        try await sql.raw("SELECT year, phase, from_date, to_date FROM adjustment_window ORDER BY year, from_date").all().map { row in
            let t = "adjustment_window", key = row.rawText("year") + "/" + row.rawText("phase")
            do {
                return try AdjustmentWindow(
                    year: try row.storedYear("year", table: t, key: key),
                    phase: try row.storedCode("phase", as: AdjustmentPhase.self, table: t, key: key),
                    from: try row.storedDate("from_date", table: t, key: key), to: try row.storedDate("to_date", table: t, key: key))
            } catch let error as AdjustmentWindowError {
                throw StoredValueError(table: t, column: "to_date", key: key, value: "\(error)")
            }
        }
    }

    public static func save(_ w: AdjustmentWindow, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM adjustment_window WHERE year = \(bind: w.year) AND phase = \(bind: w.phase.token)").run()
        try await tx.sql.raw(
            """
            INSERT INTO adjustment_window (year, phase, from_date, to_date)
            VALUES (\(bind: w.year), \(bind: w.phase.token), \(bind: w.from.description), \(bind: w.to.description))
            """
        ).run()
    }
}
