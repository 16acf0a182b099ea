import NIOConcurrencyHelpers
import SQLKit
import SQLiteNIO

/// A cheap "has anything been committed since?" for caches in front of the database (pages,
/// sessions): a number that grows whenever a transaction commits, from this process or any
/// other. On a SQLite file it is `PRAGMA data_version` of a connection that never writes, asked
/// at most once per `interval` (concurrent askers share the answer, so a commit by another
/// process shows within that interval; this process's own commits show at once). Elsewhere
/// (PostgreSQL, in memory) there is no stamp and callers do not cache.
final class ChangeStamp: Sendable {
    private struct State {
        var stamp: Int64 = 0
        var dataVersion: Int64?
        var checkedAt: ContinuousClock.Instant?
        var checking = false
    }
    private let state = NIOLockedValueBox(State())
    let watch: SQLiteConnection
    let interval: Duration

    init(watch: SQLiteConnection, interval: Duration = .milliseconds(1)) {
        self.watch = watch
        self.interval = interval
    }

    /// This process committed: every stamp after this differs from every stamp before.
    func committed() { state.withLockedValue { $0.stamp += 1 } }

    func current() async -> Int64 {
        let now = ContinuousClock.now
        let (stamp, ask) = state.withLockedValue { s -> (Int64, Bool) in
            if s.checking { return (s.stamp, false) }
            if let at = s.checkedAt, now - at < interval { return (s.stamp, false) }
            s.checking = true
            return (s.stamp, true)
        }
        guard ask else { return stamp }
        let version = try? await watch.sql().raw("PRAGMA data_version").first()?.decode(column: "data_version", as: Int64.self)
        return state.withLockedValue { s in
            s.checking = false
            s.checkedAt = now
            // An unanswered check counts as a change: nothing cached before it is trusted after it.
            if version == nil || version != s.dataVersion { s.stamp += 1 }
            s.dataVersion = version
            return s.stamp
        }
    }
}
