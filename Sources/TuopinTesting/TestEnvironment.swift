import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// The service environment for tests: a real store, a pinned clock, cheap bcrypt (cost 4, so
/// a hundred sign-ins take milliseconds) and the shipped string tables.
public enum TestEnvironment {
    public static func make(
        store: Store, clock: TestClock = TestClock(), configure: (inout TuopinConfiguration) -> Void = { _ in }
    ) throws -> ServiceEnvironment {
        var configuration = TuopinConfiguration()
        configuration.bcryptCost = 4
        configure(&configuration)
        return try ServiceEnvironment(store: store, configuration: configuration, now: clock.function)
    }

    /// The command-line operator tests act as when the acting user is not the point.
    public static let system = User.system(osUser: "tests")
}
