import Foundation
import Testing
import TuopinCore

@testable import TuopinServices

/// The data-quality reports pages show: nothing while the first check runs, then its report;
/// a failure said as such (not "still running") and kept with the latest report; a new check
/// only once the latest is older than the configured age.
@Suite("Quality shelf")
struct QualityShelfTests {
    struct Broken: Error {}

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            n += 1
            return n
        }
    }

    static func settled(
        _ shelf: QualityShelf, at now: Date, compute: @escaping @Sendable () async throws -> QualityReport
    ) async throws
        -> QualityShelf.Shelved
    {
        for _ in 0..<200 {
            let s = shelf.report("k", now: now, maximumAge: 600, compute: compute)
            if s.latest != nil || s.failure != nil { return s }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        return shelf.report("k", now: now, maximumAge: 600, compute: compute)
    }

    @Test func aFailureIsSaidAndTheLatestReportKept() async throws {
        let shelf = QualityShelf()
        let calls = Counter()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        // The first check succeeds, the second fails.
        let compute: @Sendable () async throws -> QualityReport = {
            if calls.next() > 1 { throw Broken() }
            return QualityReport(area: "430481", asOf: CivilDate(year: 2024, month: 6, day: 1)!, findings: [])
        }
        let first = shelf.report("k", now: start, maximumAge: 600, compute: compute)
        #expect(first.latest == nil && first.failure == nil, "nothing while the first check runs")
        let ready = try await Self.settled(shelf, at: start, compute: compute)
        #expect(ready.latest?.report.area == "430481" && ready.failure == nil && ready.latest?.checkedAt == start)
        #expect(shelf.report("k", now: start.addingTimeInterval(599), maximumAge: 600, compute: compute).latest != nil)
        let later = start.addingTimeInterval(601)
        _ = shelf.report("k", now: later, maximumAge: 600, compute: compute)
        var after = shelf.report("k", now: later, maximumAge: 600, compute: compute)
        for _ in 0..<200 where after.failure == nil {
            try await Task.sleep(nanoseconds: 5_000_000)
            after = shelf.report("k", now: later, maximumAge: 600, compute: compute)
        }
        #expect(after.failure is Broken, "the failure is said")
        #expect(after.latest?.checkedAt == start, "the latest report is kept")
        let n = calls.next()
        #expect(n == 3, "two checks ran, no more within the age")
    }
}
