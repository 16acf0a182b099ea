import SQLKit
import TuopinCore

/// One person's joining or leaving a household (the lifecycle's natural changes).
public enum MembershipQuery {
    /// The household's memberships running now (no end date).
    public static func current(county: String, household: HouseholdNumber, _ sql: any SQLDatabase) async throws -> [Membership] {
        try await sql.raw(
            """
            SELECT id_type, id_number, relation, from_date FROM membership
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) AND to_date IS NULL
            ORDER BY from_date, id_number
            """
        ).all().map { row in
            let t = "membership", key = household.rawValue
            return Membership(
                household: household, idType: try row.storedCode("id_type", as: IdentityType.self, table: t, key: key),
                idNumber: try row.storedText("id_number", table: t, key: key),
                relation: try row.storedCode("relation", as: RelationToHead.self, table: t, key: key),
                from: try row.storedDate("from_date", table: t, key: key))
        }
    }

    /// Where a person is a current member anywhere in the registry, and whether their member row exists.
    public static func whereIs(
        _ type: IdentityType, _ number: String, _ sql: any SQLDatabase
    ) async throws
        -> (memberCounty: String?, household: (county: String, number: String)?)
    {
        let member = try await sql.raw(
            "SELECT county_code FROM member WHERE id_type = \(bind: type.token) AND id_number = \(bind: number)"
        ).first().map { try $0.storedText("county_code", table: "member", key: "") }
        let current = try await sql.raw(
            """
            SELECT county_code, household_number FROM membership
            WHERE id_type = \(bind: type.token) AND id_number = \(bind: number) AND to_date IS NULL
            """
        ).first().map {
            (try $0.storedText("county_code", table: "membership", key: ""), try $0.storedText("household_number", table: "membership", key: ""))
        }
        return (member, current)
    }

    public static func insert(member: Member, county: String, in tx: StoreTransaction) async throws {
        try await BulkLoad.insertPortable([RegistryRows.row(member, county: county)], into: RegistryRows.member, in: tx)
    }

    public static func insert(_ m: Membership, county: String, in tx: StoreTransaction) async throws {
        try await BulkLoad.insertPortable([RegistryRows.row(m, county: county)], into: RegistryRows.membership, in: tx)
    }

    /// Ends a running membership on `date` with its reason (nil: a change of relation).
    public static func end(
        county: String, household: HouseholdNumber, _ type: IdentityType, _ number: String, on date: CivilDate, reason: NaturalReductionReason?,
        in tx: StoreTransaction
    ) async throws {
        try await tx.sql.raw(
            """
            UPDATE membership SET to_date = \(bind: date.description), end_reason = \(bind: reason?.token)
            WHERE county_code = \(bind: county) AND household_number = \(bind: household.rawValue) AND id_type = \(bind: type.token)
              AND id_number = \(bind: number) AND to_date IS NULL
            """
        ).run()
    }
}
