import Foundation
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// The claims a shard of a sharded installation makes for its members' ID numbers
/// (`deploy/identity-claims.sql`), here with the claim table in the same PostgreSQL server: every
/// member written claims its number, and a number claimed by another county (on another shard)
/// is refused as `IdentityClaimedElsewhere`, with nothing written.
@Suite("ID numbers claimed across shards")
struct IdentityClaimTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("deploy/identity-claims.sql")

    @Test
    func aNumberClaimedElsewhereIsRefused() async throws {
        guard let database = TestDatabase.available.first(where: { $0.description == "PostgreSQL" }) else { return }
        try await database.withStore { store in
            let schema = "claims_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await store.sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
            try await store.sql.raw(
                """
                CREATE TABLE \(unsafeRaw: schema).identity_claim (
                    id_type TEXT NOT NULL, id_number TEXT NOT NULL, county_code TEXT NOT NULL, PRIMARY KEY (id_type, id_number))
                """
            ).run()
            let text = try String(contentsOf: Self.script, encoding: .utf8).replacingOccurrences(of: "claims.", with: schema + ".")
            for statement in text.components(separatedBy: "\n\n") {
                let code = statement.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
                if !code.isEmpty { try await store.sql.raw("\(unsafeRaw: code)").run() }
            }
            func count(_ table: String) async throws -> Int64 {
                try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int64.self)
            }

            let h = AsOfPropertyTests.history(seed: 5)
            try await store.transaction { tx in try await RegistryWriter.write(h.batch, in: tx) }
            #expect(try await count("\(schema).identity_claim") == Int64(h.batch.members.count))
            #expect(try await count("member") == Int64(h.batch.members.count))

            // A person another shard's county already holds.
            let id = IdentityNumber.make(address: "430421", birthDate: CivilDate(year: 1970, month: 5, day: 4)!, sequence: 7)
            try await store.sql.raw(
                "INSERT INTO \(unsafeRaw: schema).identity_claim VALUES ('residentIdentityCard', \(bind: id.rawValue), '430421')"
            ).run()
            var late = ImportBatch()
            let village = AsOfPropertyTests.villages[0]
            let number = HouseholdNumber.make(village: village, sequence: 700)
            late.households = [Household(number: number, village: village, mainCause: .illness, firstIdentifiedYear: 2019)]
            late.events = [
                StatusEvent(household: number, sequence: 1, kind: .identified, status: .notExited, effectiveDate: AsOfPropertyTests.days[0])
            ]
            late.members = [
                (
                    "430481",
                    Member(
                        idNumber: id.rawValue, name: "外县成员", sex: id.sex, birthDate: id.birthDate, education: .primary,
                        labourCapacity: .ordinary)
                )
            ]
            late.memberships = [Membership(household: number, idNumber: id.rawValue, relation: .head, from: AsOfPropertyTests.days[0])]
            let written = late
            let refused = await #expect(throws: IdentityClaimedElsewhere.self) {
                try await store.transaction { tx in try await RegistryWriter.write(written, in: tx) }
            }
            #expect(refused?.idNumber == id.rawValue)
            #expect(try await count("member") == Int64(h.batch.members.count))
            #expect(try await count("household") == Int64(h.batch.households.count))

            // An edit that keeps the number claims nothing again (the key would refuse a second claim).
            try await store.sql.raw("UPDATE member SET name = name || '之' WHERE county_code = '430481'").run()
            #expect(try await count("\(schema).identity_claim") == Int64(h.batch.members.count) + 1)

            // Deleting a member releases its claim.
            let gone = h.batch.members[0].1.idNumber
            try await store.sql.raw("DELETE FROM membership WHERE id_number = \(bind: gone)").run()
            try await store.sql.raw("DELETE FROM member WHERE id_number = \(bind: gone)").run()
            // The other shard's claim stays; the deleted member's is gone.
            #expect(try await count("\(schema).identity_claim") == Int64(h.batch.members.count))
            #expect(try await count("\(schema).identity_claim WHERE id_number = '\(gone)'") == 0)
            #expect(try await count("\(schema).identity_claim WHERE id_number = '\(id.rawValue)'") == 1)
        }
    }
}
