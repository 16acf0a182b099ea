import Foundation

/// When an account is locked after failed sign-ins (5 failures in 15 minutes by default, per
/// account). The numbers are configuration passed in; the failure instants come from the store.
///
/// ```swift
/// let rules = SignInLockout(maximumFailures: 5, window: 15 * 60, duration: 15 * 60)
/// rules.lockedUntil(failures: fiveInTenMinutes, now: now)   // the last failure + 15 minutes
/// ```
public struct SignInLockout: Sendable, Equatable {
    public var maximumFailures: Int
    /// Seconds over which failures are counted.
    public var window: TimeInterval
    /// Seconds the account stays locked.
    public var duration: TimeInterval

    public init(maximumFailures: Int = 5, window: TimeInterval = 15 * 60, duration: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.window = window
        self.duration = duration
    }

    /// The instant the lock ends if the failures since the last success, counted inside the
    /// window ending at `now`, reach the maximum; nil when the account is not locked.
    public func lockedUntil(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { $0 > now.addingTimeInterval(-window) && $0 <= now }.sorted()
        guard recent.count >= maximumFailures, let last = recent.last else { return nil }
        let until = last.addingTimeInterval(duration)
        return until > now ? until : nil
    }
}
