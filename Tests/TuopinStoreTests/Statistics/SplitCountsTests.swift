import Testing
import TuopinCore
import TuopinDemo
import TuopinTesting

@testable import TuopinStore

/// A city's past counts, rewound in two halves of its counties on two SQLite readers, equal
/// Core's projection of the same histories; and a second reader whose snapshot is later than
/// the first's is never used.
@Suite("Past counts split over two readers", .serialized)
struct SplitCountsTests {
    static let villages = ["430421100201", "430421101202", "430424100201", "430481100201", "430481100202"].map { try! AdminCode($0) }
    static let city = try! AdminCode("430400")

    @Test(
        "The counties are parted where the households before the middle county come nearest to half",
        arguments: [
            ([("430421", 10), ("430424", 10)], "430424"),
            ([("430421", 1), ("430424", 1), ("430481", 10)], "430481"),
            ([("430421", 10), ("430424", 1), ("430481", 1)], "430424"),
            ([("430421", 5), ("430424", 0), ("430426", 0), ("430481", 5)], "430424"),
            ([("430421", 3), ("430424", 4), ("430426", 4), ("430481", 3)], "430426"),
            ([("430421", 7)], nil),
        ] as [([(String, Int64)], String?)])
    func middleCounty(_ weights: [(String, Int64)], _ middle: String?) {
        #expect(StatusCountQuery.middle(of: weights.map { (county: $0.0, households: $0.1) }) == middle)
    }

    @Test(arguments: TestDatabase.available)
    func splitEqualsTheProjection(_ database: TestDatabase) async throws {
        for seed in UInt64(1)...4 {
            let h = AsOfPropertyTests.history(seed: seed, villages: Self.villages)
            try await database.withStore { store in
                try await store.transaction { tx in try await RegistryWriter.write(h.batch, in: tx) }
                let days = AsOfPropertyTests.days
                for date in days + [days[0].adding(days: -1), days.last!.adding(days: 30)] {
                    let core = { (length: Int) in
                        StatusProjection.counts(
                            h.batch.households, events: h.batch.events, memberships: h.batch.memberships, on: date, keyLength: length)
                    }
                    for (level, length) in [(AreaLevel.county, 6), (.village, 12)] {
                        let (counts, split) = try await store.read { db in
                            try await StatusCountQuery.countsSplit(db, area: Self.city, asOf: date, groupBy: level)
                        }
                        #expect(counts == core(length), "seed \(seed), \(date), by \(level)")
                        let rewinds = try await !RegistryProjection.state(store.sql, area: Self.city).covers(date)
                        if case .sqlite = database {
                            #expect(split == (rewinds ? .beside : .projected), "seed \(seed), \(date)")
                        } else {
                            #expect(split == (rewinds ? .whole : .projected), "seed \(seed), \(date)")
                        }
                    }
                    // The city's own total: both halves' counts under one key.
                    let whole = try await store.read { db in try await StatusCountQuery.counts(db, area: Self.city, asOf: date) }
                    let total = core(6).values.reduce(StatusCounts(), +)
                    #expect(whole == (total == StatusCounts() ? [:] : ["430400": total]), "seed \(seed), \(date), the city")
                }
            }
        }
    }

    @Test
    func aLaterSnapshotBesideIsNotUsed() async throws {
        let h = AsOfPropertyTests.history(seed: 9, villages: Self.villages)
        let date = AsOfPropertyTests.days[5]
        try await TestDatabase.sqlite.withStore { store in
            try await store.transaction { tx in try await RegistryWriter.write(h.batch, in: tx) }
            let before = try await StatusCountQuery.rescanned(store.sql, area: Self.city, asOf: date, groupBy: .county)
            // A household of 耒阳 (the last county, always in the other reader's half), enrolled
            // before the date, committed after this snapshot began.
            var late = ImportBatch()
            let village = Self.villages.last!
            let number = HouseholdNumber.make(village: village, sequence: 900)
            late.households = [Household(number: number, village: village, mainCause: .illness, firstIdentifiedYear: 2019)]
            late.events = [
                StatusEvent(household: number, sequence: 1, kind: .identified, status: .notExited, effectiveDate: AsOfPropertyTests.days[0])
            ]
            let written = late
            let (counts, split) = try await store.read { db in
                _ = try await RegistryProjection.state(db.sql, area: Self.city)
                try await store.transaction { tx in try await RegistryWriter.write(written, in: tx) }
                return try await StatusCountQuery.countsSplit(db, area: Self.city, asOf: date, groupBy: .county)
            }
            #expect(split == .besideWasLater)
            #expect(counts == before)
            let after = try await store.read { db in try await StatusCountQuery.countsSplit(db, area: Self.city, asOf: date, groupBy: .county) }
            #expect(after.split == .beside)
            #expect(after.counts["430481"]?.households[.notExited] == (before["430481"]?.households[.notExited] ?? 0) + 1)
        }
    }

    /// The rows read past SQLKit keep its checks: a status no code list knows, and a negative
    /// count, are errors that name the value, on the current and on a past date.
    @Test
    func aCorruptCountIsNamed() async throws {
        let h = AsOfPropertyTests.history(seed: 3, villages: Self.villages)
        try await TestDatabase.sqlite.withStore { store in
            try await store.transaction { tx in try await RegistryWriter.write(h.batch, in: tx) }
            let county = try AdminCode("430424")
            let now = AsOfPropertyTests.days.last!.adding(days: 30)
            let first = "(SELECT MIN(rowid) FROM area_status_count WHERE county_code = '430424')"
            try await store.sql.raw("UPDATE area_status_count SET status = 'bogus' WHERE rowid = \(unsafeRaw: first)").run()
            let bogus = await #expect(throws: StoredValueError.self) {
                try await store.read { db in try await StatusCountQuery.counts(db, area: county, asOf: now, groupBy: .village) }
            }
            #expect(bogus?.column == "status")
            #expect(bogus?.value == "bogus")
            // Corrupt the projection's row itself, not the counts its trigger would keep.
            try await store.sql.raw("DROP TRIGGER household_current_counted_update").run()
            try await store.sql.raw("UPDATE household_current SET status = 'bogus', changed_on = '2000-01-01' WHERE county_code = '430481'").run()
            let past = await #expect(throws: StoredValueError.self) {
                try await store.read { db in try await StatusCountQuery.counts(db, area: Self.city, asOf: AsOfPropertyTests.days[3], groupBy: .county)
                }
            }
            #expect(past?.value == "bogus")
            try await store.sql.raw("DELETE FROM area_status_count WHERE status = 'bogus'").run()
            try await store.sql.raw("UPDATE area_status_count SET households = -3 WHERE rowid = \(unsafeRaw: first)").run()
            let negative = await #expect(throws: StoredValueError.self) {
                try await store.read { db in try await StatusCountQuery.counts(db, area: county, asOf: now, groupBy: .village) }
            }
            #expect(negative?.table == "area_status_count")
            #expect(negative?.column == "households")
            #expect(negative?.value == "-3")
        }
    }
}
