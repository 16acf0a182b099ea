import Foundation
import NIOConcurrencyHelpers

/// A clock tests set and move: sessions expire, lockouts end and "today" changes when a test
/// says so, not when the machine does.
public final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    /// Starts at 2020-10-15 10:00 in Asia/Shanghai (the day of the Leiyang press conference).
    public init(_ start: Date = Date(timeIntervalSince1970: 1_602_727_200)) { current = NIOLockedValueBox(start) }

    public var now: Date { current.withLockedValue { $0 } }

    public func advance(seconds: TimeInterval) { current.withLockedValue { $0 = $0.addingTimeInterval(seconds) } }

    /// The clock as the service environment takes it.
    public var function: @Sendable () -> Date { { self.now } }
}
