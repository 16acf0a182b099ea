import SQLKit
import Testing
import TuopinCore
import TuopinDemo
import TuopinStore
import TuopinTesting

/// The maintained projection (M018), and the as-of answer rewound from it, equal a full rescan
/// of history (and Core's `StatusProjection`) after any sequence of
/// writes: events appended, re-dated and deleted, memberships begun, ended and deleted,
/// households moved between villages, some of it through the bulk path that pauses the triggers
/// and rebuilds. The same edits are applied to an in-memory model, and Core's
/// `StatusProjection` of the model is the oracle; a rebuild from history must leave the tables
/// as the triggers did, and every write must raise the version.
@Suite("Projection equals a rescan after random writes", .serialized)
struct ProjectionPropertyTests {
    static let county = "430481"
    /// Later than any date the edits write: the projection's own date.
    static let farFuture = CivilDate(year: 2030, month: 1, day: 1)!

    @Test(arguments: TestDatabase.available)
    func projectionEqualsRescan(_ database: TestDatabase) async throws {
        for seed in UInt64(11)...14 {
            var model = AsOfPropertyTests.history(seed: seed).batch
            try await database.withStore { store in
                // Odd seeds write the history through the bulk path (paused triggers, one rebuild).
                let history = model
                try await store.transaction { tx in
                    if seed % 2 == 1 {
                        try await RegistryProjection.paused(counties: nil, in: tx) { try await RegistryWriter.write(history, in: tx) }
                    } else {
                        try await RegistryWriter.write(history, in: tx)
                    }
                }
                var r = SeededRandom(seed: seed * 7919)
                var version = try await RegistryProjection.state(store.sql, area: try AdminCode(Self.county)).version
                for step in 0..<40 {
                    let bulk = r.chance(0.15)
                    var edits: [Edit] = []
                    for _ in 0..<(bulk ? 5 : 1) {
                        let edit = Edit.draw(&r, model: model)
                        edit.apply(to: &model)
                        edits.append(edit)
                    }
                    let drawn = edits
                    try await store.transaction { tx in
                        if bulk {
                            try await RegistryProjection.paused(counties: [Self.county], in: tx) {
                                for edit in drawn { try await edit.apply(to: tx) }
                            }
                        } else {
                            for edit in drawn { try await edit.apply(to: tx) }
                        }
                    }
                    let state = try await RegistryProjection.state(store.sql, area: try AdminCode(Self.county))
                    #expect(state.version > version, "seed \(seed) step \(step): the version did not grow")
                    version = state.version
                    try await Self.expectAgreement(store, model, seed: seed, step: step, random: &r)
                }
                // A rebuild from history leaves the tables as the triggers kept them.
                let kept = try await Self.tables(store)
                try await store.transaction { tx in try await RegistryProjection.paused(counties: nil, in: tx) {} }
                #expect(try await Self.tables(store) == kept, "seed \(seed): rebuild differs from the maintained tables")
            }
        }
    }

    /// Where the household that the next test rejects has its fault.
    enum LateFault: CaseIterable, Sendable {
        /// A member row: rejected before the import queues the households' projected rows.
        case member
        /// An income row: rejected after its projected row was queued, so it is taken out again.
        case income
    }

    /// An import writes with the triggers paused, writes its households' projected rows from
    /// what it read and recounts the counties it wrote to: after a partial commit (a household
    /// rejected after its rows were written), the projection still equals the rescan, on every
    /// date from before the first event to after the last, and a rebuild from history leaves
    /// the tables and the horizon as the import wrote them.
    @Test(arguments: TestDatabase.available, LateFault.allCases)
    func importRebuildsTheProjection(_ database: TestDatabase, fault: LateFault) async throws {
        var fixture = CSVFixture.good
        fixture.files[.households]!.append(
            ["4304811002010003", "430481100201", "national", "general", "illness", "", "2014", "", "false", "false", "false", "", "", ""])
        fixture.files[.statusEvents]!.append(["4304811002010003", "1", "identified", "notExited", "2014-05-01", ""])
        switch fault {
        case .member:
            // A wrong check digit: the household is rejected whole, after its own row and event were read.
            fixture.files[.members]!.append(CSVFixture.member("4304811002010003", "head", "430481198001010014", "赵六", "male", "1980-01-01"))
        case .income:
            // Its members are good; a negative household size in its income row rejects it whole.
            fixture.files[.members]!.append(CSVFixture.member("4304811002010003", "head", "430481198001020019", "赵六", "male", "1980-01-02"))
            fixture.files[.incomes]!.append(CSVFixture.income("4304811002010003", "2017", "-1", migrantWages: "100.00"))
        }
        let folder = try fixture.write()
        try await database.withStore { store in
            let (outcome, _) = try await store.transaction { tx in
                try await RegistryImport.run(directory: folder, in: tx, today: CivilDate(year: 2020, month: 10, day: 15)!, partial: true)
            }
            #expect(outcome.committed && outcome.rejectedRows > 0)
            let county = try AdminCode(Self.county)
            let projected = try await StatusCountQuery.projected(store.sql, area: county, groupBy: .village)
            #expect(projected == (try await StatusCountQuery.rescanned(store.sql, area: county, asOf: Self.farFuture, groupBy: .village)))
            #expect(projected.values.reduce(StatusCounts(), +).households.values.reduce(0, +) == 2, "the rejected household is not counted")
            for date in ["2014-04-30", "2014-05-01", "2017-11-19", "2017-11-20", "2020-10-15"] {
                let day = try CivilDate(date)
                #expect(
                    try await StatusCountQuery.counts(store.sql, area: county, asOf: day, groupBy: .village)
                        == (try await StatusCountQuery.rescanned(store.sql, area: county, asOf: day, groupBy: .village)), "\(date)")
            }
            try await Self.expectRebuildKeeps(store, county: county)
        }
    }

    /// A second import into a county that holds households already recounts the county with
    /// both imports' households.
    @Test(arguments: TestDatabase.available)
    func importIntoACountyWithHouseholds(_ database: TestDatabase) async throws {
        let today = CivilDate(year: 2020, month: 10, day: 15)!
        try await database.withStore { store in
            let first = try CSVFixture.good.write()
            _ = try await store.transaction { tx in try await RegistryImport.run(directory: first, in: tx, today: today, partial: false) }
            var second = CSVFixture.good
            second.files = [:]
            second.files[.households] = [
                ["4304811002010007", "430481100201", "national", "general", "illness", "", "2014", "", "false", "false", "false", "", "", ""]
            ]
            second.files[.statusEvents] = [
                ["4304811002010007", "1", "identified", "notExited", "2014-05-01", ""],
                ["4304811002010007", "2", "exited", "exitedWithPolicies", "2016-12-01", ""],
                ["4304811002010007", "3", "returnedToPoverty", "returnedToPoverty", "2019-03-01", ""],
            ]
            second.files[.members] = [CSVFixture.member("4304811002010007", "head", "430481198502020017", "赵六", "male", "1985-02-02")]
            let before = try await RegistryProjection.state(store.sql, area: try AdminCode(Self.county))
            let folder = try second.write()
            let (outcome, _) = try await store.transaction { tx in
                try await RegistryImport.run(directory: folder, in: tx, today: today, partial: false)
            }
            #expect(outcome.committed)
            let county = try AdminCode(Self.county)
            #expect(try await RegistryProjection.state(store.sql, area: county).version > before.version)
            let current = try await store.sql.raw(
                "SELECT status, status_sequence, people, changed_on FROM household_current WHERE household_number = '4304811002010007'"
            ).first()
            #expect(try current?.decode(column: "status", as: String.self) == "returnedToPoverty")
            #expect(try current?.decode(column: "status_sequence", as: Int.self) == 3)
            #expect(try current?.decode(column: "changed_on", as: String.self) == "2019-03-01")
            #expect(try current?.decode(column: "people", as: Int.self) == 1)
            #expect(
                try await StatusCountQuery.projected(store.sql, area: county, groupBy: .village)
                    == (try await StatusCountQuery.rescanned(store.sql, area: county, asOf: Self.farFuture, groupBy: .village)))
            try await Self.expectRebuildKeeps(store, county: county)
        }
    }

    /// A rebuild of every county from history leaves the projection's tables and the county's
    /// horizon as they were.
    static func expectRebuildKeeps(_ store: Store, county: AdminCode) async throws {
        let kept = try await tables(store)
        let horizon = try await RegistryProjection.state(store.sql, area: county).horizon
        try await store.transaction { tx in try await RegistryProjection.paused(counties: nil, in: tx) {} }
        #expect(try await tables(store) == kept, "the rebuild differs from the rows written")
        #expect(try await RegistryProjection.state(store.sql, area: county).horizon == horizon)
    }

    /// The projection (every level) and the as-of answer on a random date equal Core's projection.
    static func expectAgreement(_ store: Store, _ model: ImportBatch, seed: UInt64, step: Int, random r: inout SeededRandom) async throws {
        let county = try AdminCode(Self.county)
        let state = try await RegistryProjection.state(store.sql, area: county)
        let latest = (model.events.map(\.effectiveDate) + model.memberships.flatMap { [$0.from] + ($0.to.map { [$0] } ?? []) }).max()
        if let latest, let horizon = state.horizon { #expect(horizon >= latest, "seed \(seed) step \(step): horizon \(horizon) < \(latest)") }
        for (level, length) in [(AreaLevel.village, 12), (.township, 9), (.county, 6)] {
            let projected = try await StatusCountQuery.projected(store.sql, area: county, groupBy: level)
            let core = StatusProjection.counts(
                model.households, events: model.events, memberships: model.memberships, on: farFuture, keyLength: length)
            #expect(projected == core, "seed \(seed) step \(step) by \(level)")
        }
        let date = AsOfPropertyTests.days[r.int(0...AsOfPropertyTests.days.count - 1)].adding(days: r.int(0...40))
        let core = StatusProjection.counts(model.households, events: model.events, memberships: model.memberships, on: date, keyLength: 12)
        let asOf = try await StatusCountQuery.counts(store.sql, area: county, asOf: date, groupBy: .village)
        let rewound = try await StatusCountQuery.rewound(store.sql, area: county, asOf: date, groupBy: .village)
        let rescanned = try await StatusCountQuery.rescanned(store.sql, area: county, asOf: date, groupBy: .village)
        #expect(asOf == core && rewound == core && rescanned == core, "seed \(seed) step \(step) as of \(date)")
        let township = try AdminCode("430481100")
        let inTownship = model.households.filter { township.contains($0.village) }
        #expect(
            try await StatusCountQuery.rewound(store.sql, area: township, asOf: date)
                == StatusProjection.counts(inTownship, events: model.events, memberships: model.memberships, on: date, keyLength: 9),
            "seed \(seed) step \(step) one township as of \(date)")
    }

    /// The projection's rows (every column, the last two changes too), with the aggregate rows
    /// that count nothing left out.
    static func tables(_ store: Store) async throws -> [String] {
        let columns = RegistryProjection.householdCurrent.columns
        let current = try await store.sql.raw(
            """
            SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM household_current
            ORDER BY county_code, household_number
            """
        ).all().map { row in
            columns
                .map {
                    (try? row.decode(column: $0, as: String?.self)).flatMap { $0 } ?? (try? row.decode(column: $0, as: Int?.self)).flatMap { $0 }.map(
                        String.init) ?? "∅"
                }
                .joined(separator: "|")
        }
        let counts = try await store.sql.raw(
            """
            SELECT county_code, village_code, status, households, people FROM area_status_count WHERE households <> 0
            ORDER BY county_code, village_code, status
            """
        ).all().map { row in
            [
                try row.decode(column: "village_code", as: String.self), try row.decode(column: "status", as: String.self),
                String(try row.decode(column: "households", as: Int.self)), String(try row.decode(column: "people", as: Int.self)),
            ].joined(separator: "|")
        }
        return current + ["—"] + counts
    }
}

/// One write to the registry's history, applied to the database and to the model alike.
enum Edit {
    case appendEvent(StatusEvent)
    case redate(HouseholdNumber, sequence: Int, CivilDate)
    case deleteEvent(HouseholdNumber, sequence: Int)
    case endMembership(Membership, CivilDate)
    case deleteMembership(Membership)
    case beginMembership(Membership)
    case move(HouseholdNumber, AdminCode)

    static let statuses: [(StatusEventKind, PovertyStatus)] = [
        (.identified, .notExited), (.exited, .exitedWithPolicies), (.returnedToPoverty, .returnedToPoverty),
        (.policiesEnded, .exitedWithoutPolicies), (.removedIneligible, .removedIneligible),
    ]

    static func day(_ r: inout SeededRandom) -> CivilDate {
        AsOfPropertyTests.days[r.int(0...AsOfPropertyTests.days.count - 1)].adding(days: r.int(0...1) * 20)
    }

    static func draw(_ r: inout SeededRandom, model: ImportBatch) -> Edit {
        let household = model.households[r.int(0...model.households.count - 1)].number
        let events = model.events.filter { $0.household == household }
        switch r.int(0...6) {
        case 1 where !events.isEmpty:
            return .redate(household, sequence: events[r.int(0...events.count - 1)].sequence, day(&r))
        case 2 where !events.isEmpty:
            return .deleteEvent(household, sequence: events[r.int(0...events.count - 1)].sequence)
        case 3 where model.memberships.contains { $0.to == nil }:
            let open = model.memberships.indices.filter { model.memberships[$0].to == nil }
            let m = model.memberships[open[r.int(0...open.count - 1)]]
            return .endMembership(m, max(m.from, day(&r)))
        case 4 where !model.memberships.isEmpty:
            return .deleteMembership(model.memberships[r.int(0...model.memberships.count - 1)])
        case 5 where !model.members.isEmpty:
            let member = model.members[r.int(0...model.members.count - 1)].1
            let from = day(&r)
            guard !model.memberships.contains(where: { $0.household == household && $0.idNumber == member.idNumber && $0.from == from }) else {
                return .move(household, AsOfPropertyTests.villages[r.int(0...AsOfPropertyTests.villages.count - 1)])
            }
            return .beginMembership(Membership(household: household, idNumber: member.idNumber, relation: .other, from: from, to: nil))
        case 6:
            return .move(household, AsOfPropertyTests.villages[r.int(0...AsOfPropertyTests.villages.count - 1)])
        default:
            let (kind, status) = statuses[r.int(0...statuses.count - 1)]
            let sequence = (events.map(\.sequence).max() ?? 0) + r.int(1...2)
            return .appendEvent(StatusEvent(household: household, sequence: sequence, kind: kind, status: status, effectiveDate: day(&r)))
        }
    }

    func apply(to tx: StoreTransaction) async throws {
        let county = ProjectionPropertyTests.county
        switch self {
        case .appendEvent(let e):
            try await BulkLoad.insertPortable([RegistryRows.row(e, county: county)], into: RegistryRows.statusEvent, in: tx)
        case .redate(let h, let sequence, let day):
            try await tx.sql.raw(
                """
                UPDATE status_event SET effective_date = \(bind: day.description)
                WHERE county_code = \(bind: county) AND household_number = \(bind: h.rawValue) AND sequence = \(bind: sequence)
                """
            ).run()
        case .deleteEvent(let h, let sequence):
            try await tx.sql.raw(
                "DELETE FROM status_event WHERE county_code = \(bind: county) AND household_number = \(bind: h.rawValue) AND sequence = \(bind: sequence)"
            ).run()
        case .endMembership(let m, let day):
            try await tx.sql.raw(
                """
                UPDATE membership SET to_date = \(bind: day.description)
                WHERE county_code = \(bind: county) AND household_number = \(bind: m.household.rawValue)
                  AND id_number = \(bind: m.idNumber) AND from_date = \(bind: m.from.description)
                """
            ).run()
        case .deleteMembership(let m):
            try await tx.sql.raw(
                """
                DELETE FROM membership WHERE county_code = \(bind: county) AND household_number = \(bind: m.household.rawValue)
                  AND id_number = \(bind: m.idNumber) AND from_date = \(bind: m.from.description)
                """
            ).run()
        case .beginMembership(let m):
            try await BulkLoad.insertPortable([RegistryRows.row(m, county: county)], into: RegistryRows.membership, in: tx)
        case .move(let h, let village):
            try await tx.sql.raw(
                "UPDATE household SET village_code = \(bind: village.rawValue) WHERE county_code = \(bind: county) AND household_number = \(bind: h.rawValue)"
            ).run()
        }
    }

    func apply(to model: inout ImportBatch) {
        switch self {
        case .appendEvent(let e): model.events.append(e)
        case .redate(let h, let sequence, let day):
            if let i = model.events.firstIndex(where: { $0.household == h && $0.sequence == sequence }) {
                let e = model.events[i]
                model.events[i] = StatusEvent(household: h, sequence: sequence, kind: e.kind, status: e.status, effectiveDate: day)
            }
        case .deleteEvent(let h, let sequence): model.events.removeAll { $0.household == h && $0.sequence == sequence }
        case .endMembership(let m, let day):
            if let i = model.memberships.firstIndex(where: { $0.same(as: m) }) { model.memberships[i].to = day }
        case .deleteMembership(let m): model.memberships.removeAll { $0.same(as: m) }
        case .beginMembership(let m): model.memberships.append(m)
        case .move(let h, let village):
            if let i = model.households.firstIndex(where: { $0.number == h }) { model.households[i].village = village }
        }
    }
}

extension Membership {
    /// The membership's key in the database: household, person and start.
    func same(as other: Membership) -> Bool { household == other.household && idNumber == other.idNumber && from == other.from }
}
