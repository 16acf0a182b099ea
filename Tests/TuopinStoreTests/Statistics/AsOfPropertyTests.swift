import Testing
import TuopinCore
import TuopinDemo
import TuopinStore
import TuopinTesting

/// The SQL as-of counts equal Core's projection of the same events (`StatusProjection`), over
/// random histories crowded into a few days so that events fall on the same day (ordered by
/// sequence, sometimes against their dates) and memberships end on the very day asked.
@Suite("As-of counts: SQL equals Core's projection over random histories", .serialized)
struct AsOfPropertyTests {
    static let villages = ["430481100201", "430481100202", "430481101201", "430481101203"].map { try! AdminCode($0) }
    static let days = (0..<12).map { CivilDate(year: 2019, month: 12, day: 25)!.adding(days: $0 * 3) }

    struct History {
        var batch = ImportBatch()
    }

    static func history(seed: UInt64, villages: [AdminCode] = villages) -> History {
        var r = SeededRandom(seed: seed)
        var h = History()
        let counties = Set(villages.compactMap { $0.county }).sorted { $0.rawValue < $1.rawValue }
        let townships = Set(villages.map { String($0.rawValue.prefix(9)) }).sorted()
        h.batch.areas =
            [
                Area(code: try! AdminCode("430000"), name: "湖南省", kind: .province),
                Area(code: try! AdminCode("430400"), name: "衡阳市", kind: .city),
            ]
            + counties.map { Area(code: $0, name: "县" + $0.rawValue.suffix(2), kind: .county) }
            + townships.map { Area(code: try! AdminCode($0), name: "镇" + $0.suffix(3), kind: .town) }
            + villages.map { Area(code: $0, name: "村" + $0.rawValue.suffix(3), kind: .village) }
        let statuses: [(StatusEventKind, PovertyStatus)] = [
            (.identified, .notExited), (.exited, .exitedWithPolicies),
            (.returnedToPoverty, .returnedToPoverty), (.policiesEnded, .exitedWithoutPolicies),
            (.removedIneligible, .removedIneligible), (.naturalClosure, .naturalClosure),
        ]
        var person = 0
        for n in 0..<r.int(20...60) {
            let village = villages[r.int(0...villages.count - 1)]
            let number = HouseholdNumber.make(village: village, sequence: n + 1)
            h.batch.households.append(Household(number: number, village: village, mainCause: .illness, firstIdentifiedYear: 2019))
            for sequence in 1...r.int(1...4) {
                let (kind, status) = statuses[sequence == 1 ? 0 : r.int(0...statuses.count - 1)]
                h.batch.events.append(
                    StatusEvent(
                        household: number, sequence: sequence, kind: kind, status: status,
                        effectiveDate: days[r.int(0...days.count - 1)]))
            }
            for _ in 0..<r.int(0...5) {
                person += 1
                let county = village.county!.rawValue
                let id = IdentityNumber.make(
                    address: county, birthDate: CivilDate(year: 1980, month: 1, day: 1)!.adding(days: person),
                    sequence: person % 999)
                h.batch.members.append(
                    (
                        county,
                        Member(
                            idNumber: id.rawValue, name: "成员\(person)", sex: id.sex, birthDate: id.birthDate,
                            education: .primary, labourCapacity: .ordinary)
                    ))
                let from = days[r.int(0...days.count - 1)]
                let to: CivilDate? = r.chance(0.5) ? from.adding(days: 3 * r.int(0...4)) : nil
                h.batch.memberships.append(Membership(household: number, idNumber: id.rawValue, relation: .other, from: from, to: to))
            }
        }
        return h
    }

    @Test(arguments: TestDatabase.available)
    func sqlAgreesWithTheProjection(_ database: TestDatabase) async throws {
        for seed in UInt64(1)...6 {
            let h = Self.history(seed: seed)
            try await database.withStore { store in
                try await store.transaction { tx in try await RegistryWriter.write(h.batch, in: tx) }
                let county = try AdminCode("430481")
                // Every event day, the days between, and a day before and after everything.
                let dates = Self.days + Self.days.map { $0.adding(days: 1) } + [Self.days[0].adding(days: -1), Self.days.last!.adding(days: 30)]
                for date in dates {
                    for (level, length) in [(AreaLevel.village, 12), (.township, 9), (.county, 6)] {
                        let sql = try await StatusCountQuery.counts(store.sql, area: county, asOf: date, groupBy: level)
                        let core = StatusProjection.counts(
                            h.batch.households, events: h.batch.events, memberships: h.batch.memberships,
                            on: date, keyLength: length)
                        #expect(sql == core, "seed \(seed), \(date), by \(level)")
                    }
                    let township = try AdminCode("430481100")
                    let one = try await StatusCountQuery.counts(store.sql, area: township, asOf: date)
                    let inTownship = h.batch.households.filter { township.contains($0.village) }
                    #expect(
                        one == StatusProjection.counts(inTownship, events: h.batch.events, memberships: h.batch.memberships, on: date, keyLength: 9),
                        "seed \(seed), \(date), one township")
                }
            }
        }
    }
}
