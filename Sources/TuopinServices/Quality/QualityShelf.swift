import Foundation

/// Data-quality reports kept for pages (the dashboard's alert, the worklist), per area and
/// reader: a page takes the latest finished report and never waits for a check; a check runs
/// in the background when there is none yet or the latest began more than the configured
/// minutes ago (`TUOPIN_QUALITY_REFRESH_MINUTES`), one at a time per key. A city's check costs
/// seconds of a core, so it is not rerun on every commit: a page says when its report was made.
public final class QualityShelf: @unchecked Sendable {
    struct Entry {
        var started: Date
        var running: Bool
        var latest: (report: QualityReport, checkedAt: Date)?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// The latest finished report under `key` with when its check began, or nil; starts a check
    /// when none is running and the latest began at least `maximumAge` seconds before `now`.
    func report(
        _ key: String, now: Date, maximumAge: TimeInterval, compute: @escaping @Sendable () async throws -> QualityReport
    ) -> (report: QualityReport, checkedAt: Date)? {
        lock.lock()
        defer { lock.unlock() }
        let entry = entries[key]
        if let entry, entry.running || now.timeIntervalSince(entry.started) < maximumAge { return entry.latest }
        entries[key] = Entry(started: now, running: true, latest: entry?.latest)
        Task {
            // A failed check leaves the latest report; the next page after `maximumAge` tries again.
            let report = try? await compute()
            self.finish(key, started: now, report)
        }
        return entry?.latest
    }

    private func finish(_ key: String, started: Date, _ report: QualityReport?) {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[key], entry.started == started else { return }
        entry.running = false
        if let report { entry.latest = (report, started) }
        entries[key] = entry
    }
}
