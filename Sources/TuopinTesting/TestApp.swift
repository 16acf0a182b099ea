import Hummingbird
import HummingbirdTesting
import TuopinServices
import TuopinStore
import TuopinWeb

/// The real web application over a test store, for route tests (as `HummingbirdTesting` is to
/// Hummingbird).
///
/// ```swift
/// try await TestApp.make(store: store).test(.router) { client in
///     try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
/// }
/// ```
public enum TestApp {
    public static func make(store: Store) throws -> some ApplicationProtocol {
        Application(router: try WebApplication.buildRouter(environment: ServiceEnvironment(store: store)))
    }
}
