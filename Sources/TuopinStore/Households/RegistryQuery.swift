import SQLKit

/// Whole-registry questions about households.
public enum RegistryQuery {
    /// How many households the registry holds (0 for a new database).
    public static func householdCount(_ sql: any SQLDatabase) async throws -> Int {
        guard let row = try await sql.raw("SELECT COUNT(*) AS n FROM household").first() else { return 0 }
        return Int(try row.storedInt("n", table: "household", key: "COUNT(*)"))
    }
}
