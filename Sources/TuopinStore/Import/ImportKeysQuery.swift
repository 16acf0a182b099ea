import SQLKit
import TuopinCore

/// The registry's side of an import's checks: keyed, county-scoped lookups of just the keys the
/// files name (areas, household numbers, ID numbers, profiles, designations), in chunks, never a
/// load of every key in the registry.
enum ImportKeysQuery {
    static let chunk = 500

    /// The kind of each of `codes` the registry holds.
    static func areaKinds(_ codes: [String], _ sql: any SQLDatabase) async throws -> [String: AreaKind] {
        try await areas(codes, sql).mapValues(\.kind)
    }

    /// The areas among `codes` that the registry has, with their names and kinds.
    static func areas(_ codes: [String], _ sql: any SQLDatabase) async throws -> [String: (name: String, kind: AreaKind)] {
        var result: [String: (name: String, kind: AreaKind)] = [:]
        for start in stride(from: 0, to: codes.count, by: chunk) {
            let part = Array(codes[start..<min(start + chunk, codes.count)])
            for row in try await sql.raw("SELECT code, name, kind FROM area WHERE code IN (\(binds: part))").all() {
                let code = try row.storedText("code", table: "area", key: "?")
                result[code] = (
                    try row.storedText("name", table: "area", key: code), try row.storedCode("kind", as: AreaKind.self, table: "area", key: code)
                )
            }
        }
        return result
    }

    /// Which of `numbers` a county already holds.
    static func households(county: String, _ numbers: [String], _ sql: any SQLDatabase) async throws -> Set<String> {
        var result: Set<String> = []
        for start in stride(from: 0, to: numbers.count, by: chunk) {
            let part = Array(numbers[start..<min(start + chunk, numbers.count)])
            for row in try await sql.raw(
                """
                SELECT household_number FROM household WHERE county_code = \(bind: county) AND household_number IN (\(binds: part))
                """
            ).all() {
                result.insert(try row.storedText("household_number", table: "household", key: county))
            }
        }
        return result
    }

    /// Whether a county holds any household (an index seek).
    static func holdsHouseholds(county: String, _ sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT 1 AS one FROM household WHERE county_code = \(bind: county) LIMIT 1").first() != nil
    }

    /// Whether the registry holds anyone at all (an empty registry needs no ID lookups).
    static func hasMembers(_ sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT 1 AS one FROM member LIMIT 1").first() != nil
    }

    /// Which of `numbers` (of one ID type) the registry holds, in any county: a person is one
    /// row of `member` however many households they pass through.
    static func identities(_ type: IdentityType, _ numbers: [String], _ sql: any SQLDatabase) async throws -> Set<String> {
        var result: Set<String> = []
        for start in stride(from: 0, to: numbers.count, by: chunk) {
            let part = Array(numbers[start..<min(start + chunk, numbers.count)])
            for row in try await sql.raw(
                """
                SELECT id_number FROM member WHERE id_type = \(bind: type.token) AND id_number IN (\(binds: part))
                """
            ).all() {
                result.insert(try row.storedText("id_number", table: "member", key: type.token))
            }
        }
        return result
    }

    /// A county's village profiles, as `village|year`.
    static func profiles(county: String, _ sql: any SQLDatabase) async throws -> Set<String> {
        Set(
            try await sql.raw("SELECT village_code, year FROM village_profile WHERE county_code = \(bind: county)").all().map { row in
                "\(try row.storedText("village_code", table: "village_profile", key: county))|\(try row.storedInt("year", table: "village_profile", key: county))"
            })
    }

    /// A county's poverty designations and exits, as `area|kind|date`.
    static func areaEvents(county: String, _ sql: any SQLDatabase) async throws -> Set<String> {
        Set(
            try await sql.raw("SELECT area_code, kind, effective_date FROM area_event WHERE county_code = \(bind: county)").all().map { row in
                let area = try row.storedText("area_code", table: "area_event", key: county)
                return
                    "\(area)|\(try row.storedText("kind", table: "area_event", key: area))|\(try row.storedText("effective_date", table: "area_event", key: area))"
            })
    }
}

extension ImportKeysQuery {
    /// Takes out, inside the import's transaction, the rows written for households that were
    /// rejected afterwards (children before the household row).
    static func deleteHouseholds(county: String, _ numbers: [String], _ tx: StoreTransaction) async throws {
        for start in stride(from: 0, to: numbers.count, by: chunk) {
            let part = Array(numbers[start..<min(start + chunk, numbers.count)])
            for table in [
                "household_current", "member_year", "household_year", "special_group_tag", "income_record", "membership", "status_event",
                "household",
            ] {
                // The table name is one of the fixed names above.
                try await tx.sql.raw(
                    """
                    DELETE FROM \(unsafeRaw: table) WHERE county_code = \(bind: county) AND household_number IN (\(binds: part))
                    """
                ).run()
            }
        }
    }

    /// The people who have a membership in any of a county's households `numbers`.
    static func people(county: String, of numbers: [String], _ sql: any SQLDatabase) async throws -> [(type: IdentityType, number: String)] {
        var result: [(type: IdentityType, number: String)] = []
        for start in stride(from: 0, to: numbers.count, by: chunk) {
            let part = Array(numbers[start..<min(start + chunk, numbers.count)])
            for row in try await sql.raw(
                """
                SELECT DISTINCT id_type, id_number FROM membership WHERE county_code = \(bind: county) AND household_number IN (\(binds: part))
                """
            ).all() {
                let number = try row.storedText("id_number", table: "membership", key: county)
                result.append((try row.storedCode("id_type", as: IdentityType.self, table: "membership", key: number), number))
            }
        }
        return result
    }

    /// Takes out the `member` rows of those of `numbers` who have no membership left.
    static func deleteMembersWithoutHousehold(county: String, type: IdentityType, _ numbers: [String], _ tx: StoreTransaction) async throws {
        for start in stride(from: 0, to: numbers.count, by: chunk) {
            let part = Array(numbers[start..<min(start + chunk, numbers.count)])
            try await tx.sql.raw(
                """
                DELETE FROM member WHERE county_code = \(bind: county) AND id_type = \(bind: type.token) AND id_number IN (\(binds: part))
                AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.county_code = member.county_code AND m.id_type = member.id_type
                AND m.id_number = member.id_number)
                """
            ).run()
        }
    }
}
