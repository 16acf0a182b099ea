import SQLKit
import TuopinCore

/// A village's yearly profile: population, collective income and the exit test's conditions.
public enum VillageProfileQuery {
    public static func profile(_ village: AdminCode, year: Int, _ sql: any SQLDatabase) async throws -> VillageProfile? {
        guard
            let row = try await sql.raw(
                """
                SELECT rural_registered_population, collective_income_fen, \(unsafeRaw: VillageConditionColumns.names.joined(separator: ", "))
                FROM village_profile WHERE county_code = \(bind: village.county?.rawValue ?? "") AND village_code = \(bind: village.rawValue)
                  AND year = \(bind: year)
                """
            ).first()
        else { return nil }
        let t = "village_profile", key = village.rawValue + "@" + String(year)
        let conditions = try VillageConditionColumns.names.map { column in
            try row.decodeNil(column: column) ? nil : try row.storedBool(column, table: t, key: key)
        }
        return VillageProfile(
            village: village, year: year, ruralRegisteredPopulation: Int(try row.storedInt("rural_registered_population", table: t, key: key)),
            collectiveIncome: try row.decodeNil(column: "collective_income_fen")
                ? nil : Money(fen: try row.storedInt("collective_income_fen", table: t, key: key)),
            conditions: VillageConditionColumns.conditions(conditions))
    }
}
