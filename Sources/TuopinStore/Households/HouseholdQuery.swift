import SQLKit
import TuopinCore

/// One household's row (who it is, where, why it is poor) read and written one at a time: the
/// lifecycle's split, which copies a household's attributes into a new one.
public enum HouseholdQuery {
    /// The household's attributes, phone and bank account included; nil when there is no such row.
    public static func household(county: String, _ number: HouseholdNumber, _ sql: any SQLDatabase) async throws -> Household? {
        guard
            let row = try await sql.raw(
                """
                SELECT village_code, identification_standard, poverty_attribute, main_cause, secondary_causes, first_identified_year,
                       planned_exit_year, is_military_martyr_family, is_one_child, is_two_daughters, phone, bank_account, local_causes
                FROM household WHERE county_code = \(bind: county) AND household_number = \(bind: number.rawValue)
                """
            ).first()
        else { return nil }
        let t = "household", key = number.rawValue
        let causes = try row.storedText("secondary_causes", table: t, key: key)
        return Household(
            number: number, village: try row.storedAdminCode("village_code", table: t, key: key),
            identificationStandard: try row.storedCode("identification_standard", as: IdentificationStandard.self, table: t, key: key),
            povertyAttribute: try row.storedCode("poverty_attribute", as: PovertyAttribute.self, table: t, key: key),
            mainCause: try row.storedCode("main_cause", as: PovertyCause.self, table: t, key: key),
            secondaryCauses: try causes.split(separator: ";").map { part in
                guard let cause = PovertyCause(token: String(part)) else {
                    throw StoredValueError(table: t, column: "secondary_causes", key: key, value: causes)
                }
                return cause
            },
            firstIdentifiedYear: try row.storedYear("first_identified_year", table: t, key: key),
            plannedExitYear: try row.decodeNil(column: "planned_exit_year") ? nil : try row.storedYear("planned_exit_year", table: t, key: key),
            isMilitaryMartyrFamily: try row.storedBool("is_military_martyr_family", table: t, key: key),
            isOneChild: try row.storedBool("is_one_child", table: t, key: key),
            isTwoDaughters: try row.storedBool("is_two_daughters", table: t, key: key),
            phone: try row.storedOptionalText("phone", table: t, key: key),
            bankAccount: try row.storedOptionalText("bank_account", table: t, key: key),
            localCauses: try row.storedText("local_causes", table: t, key: key).split(separator: ";").map(String.init))
    }

    /// Whether any county's registry holds a household of this number.
    public static func exists(_ number: HouseholdNumber, _ sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT 1 AS found FROM household WHERE household_number = \(bind: number.rawValue)").first() != nil
    }

    public static func insert(_ household: Household, in tx: StoreTransaction) async throws {
        try await BulkLoad.insertPortable([RegistryRows.row(household)], into: RegistryRows.household, in: tx)
    }

    /// Sets a household's phone, bank account and planned exit year.
    public static func updateContact(
        county: String, _ number: HouseholdNumber, phone: String?, bankAccount: String?, plannedExitYear: Int?, in tx: StoreTransaction
    ) async throws {
        try await tx.sql.raw(
            """
            UPDATE household SET phone = \(bind: phone), bank_account = \(bind: bankAccount), planned_exit_year = \(bind: plannedExitYear)
            WHERE county_code = \(bind: county) AND household_number = \(bind: number.rawValue)
            """
        ).run()
    }
}
