import Foundation
import NIOConcurrencyHelpers
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// What the caches in front of the database rest on: `VersionedCache` serves a value only under
/// the version it was computed at (concurrent askers share one computation, a failure is not
/// kept, an older reader does not replace a newer entry), and `Store.changeStamp` moves with
/// every commit, this process's at once and another process's within its interval.
@Suite("Caches: versions and change stamps")
struct CacheInvalidationTests {
    @Test func aValueIsServedOnlyUnderItsVersion() async throws {
        let cache = VersionedCache()
        let calls = NIOLockedValueBox(0)
        func ask(_ version: Int64) async throws -> Int {
            try await cache.value("k", version: version) {
                calls.withLockedValue { $0 += 1 }
                return Int(version) * 10
            }
        }
        #expect(try await ask(1) == 10)
        #expect(try await ask(1) == 10)
        #expect(calls.withLockedValue { $0 } == 1, "the second ask is served")
        #expect(try await ask(2) == 20)
        #expect(calls.withLockedValue { $0 } == 2, "a new version recomputes")
        #expect(try await ask(1) == 10, "an older reader gets its own answer")
        #expect(try await ask(2) == 20)
        #expect(calls.withLockedValue { $0 } == 3, "… and does not replace the newer entry")
    }

    @Test func concurrentAskersShareOneComputation() async throws {
        let cache = VersionedCache()
        let calls = NIOLockedValueBox(0)
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try await cache.value("k", version: 7) {
                        calls.withLockedValue { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(50))
                        return 42
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 42, count: 32))
        #expect(calls.withLockedValue { $0 } == 1)
    }

    struct Refused: Error {}

    @Test func aFailureIsNotKept() async throws {
        let cache = VersionedCache()
        await #expect(throws: Refused.self) { try await cache.value("k", version: 1) { () async throws -> Int in throw Refused() } }
        #expect(try await cache.value("k", version: 1) { 5 } == 5)
    }

    @Test func theStampMovesWithEveryCommit() async throws {
        let path = TestDatabase.temporaryFile()
        let store = try await Store.open(.sqliteFile(path))
        try await Migrator.migrate(store)
        let other = try await Store.open(.sqliteFile(path))
        do {
            let first = try #require(await store.changeStamp())
            try await Task.sleep(for: .milliseconds(5))
            #expect(await store.changeStamp() == first, "nothing committed: the same stamp")
            try await store.transaction { tx in
                try await tx.sql.raw("INSERT INTO projection_state (county_code, version, horizon) VALUES ('430481', 1, '')").run()
            }
            let afterOwn = try #require(await store.changeStamp())
            #expect(afterOwn != first, "this process's commit shows at once")
            // Another process (here: another store on the same file) commits.
            try await other.transaction { tx in try await tx.sql.raw("UPDATE projection_state SET version = version + 1").run() }
            try await Task.sleep(for: .milliseconds(5))
            let afterOther = try #require(await store.changeStamp())
            #expect(afterOther != afterOwn, "another process's commit shows within the interval")
            try await Task.sleep(for: .milliseconds(5))
            #expect(await store.changeStamp() == afterOther)
        } catch {
            await other.close()
            await store.close()
            throw error
        }
        await other.close()
        await store.close()
    }

    @Test func aMemoryDatabaseHasNoStamp() async throws {
        let memory = try await Store.open(.sqliteMemory)
        #expect(await memory.changeStamp() == nil)
        await memory.close()
    }
}
