import Foundation
import TuopinStore

/// What services need from outside; built once at start-up and passed in.
public struct ServiceEnvironment: Sendable {
    public var store: Store
    /// The only clock.
    public var now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }
}
