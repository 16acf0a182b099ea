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
        /// Why the latest check failed, when it did (cleared by the next that succeeds).
        var failure: (any Error)?
    }

    /// What a page shows: the latest report with when its check began, and the latest check's
    /// failure; neither while the first check runs.
    public struct Shelved: Sendable {
        public var latest: (report: QualityReport, checkedAt: Date)?
        public var failure: (any Error)?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// The latest finished report under `key` with when its check began, or nil; starts a check
    /// when none is running and the latest began at least `maximumAge` seconds before `now`.
    func report(_ key: String, now: Date, maximumAge: TimeInterval, compute: @escaping @Sendable () async throws -> QualityReport) -> Shelved {
        lock.lock()
        defer { lock.unlock() }
        let entry = entries[key]
        if let entry, entry.running || now.timeIntervalSince(entry.started) < maximumAge {
            return Shelved(latest: entry.latest, failure: entry.running ? nil : entry.failure)
        }
        entries[key] = Entry(started: now, running: true, latest: entry?.latest, failure: nil)
        Task {
            // A failed check keeps the latest report and says why; the next page after `maximumAge` tries again.
            do {
                self.finish(key, started: now, .success(try await compute()))
            } catch {
                self.finish(key, started: now, .failure(error))
            }
        }
        return Shelved(latest: entry?.latest, failure: nil)
    }

    /// What `report` would return, without starting a check.
    func peek(_ key: String) -> Shelved {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key] else { return Shelved(latest: nil, failure: nil) }
        return Shelved(latest: entry.latest, failure: entry.running ? nil : entry.failure)
    }

    private func finish(_ key: String, started: Date, _ result: Result<QualityReport, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[key], entry.started == started else { return }
        entry.running = false
        switch result {
        case .success(let report):
            entry.latest = (report, started)
            entry.failure = nil
        case .failure(let error): entry.failure = error
        }
        entries[key] = entry
    }
}
