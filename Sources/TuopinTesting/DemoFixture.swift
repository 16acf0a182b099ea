import TuopinDemo
import TuopinServices
import TuopinStore

/// The Leiyang demo county (430481) loaded once per test process and shared read-only: the
/// registry the Hengyang Daily figures describe, big enough to be real, small enough for tests.
/// Its demo users (one per role, password `DemoUsers.password`) are there too.
public actor DemoFixture {
    public static let shared = DemoFixture()
    private var stores: [String: Task<Store, any Error>] = [:]

    /// A store holding the demo for `counties` (Leiyang by default). Do not write to it.
    public func store(counties: Set<String> = ["430481"], on database: TestDatabase = .sqlite) async throws -> Store {
        let key = database.description + ":" + counties.sorted().joined(separator: ",")
        if let task = stores[key] { return try await task.value }
        let task = Task {
            let store = try await database.makeStore()
            try await DemoLoader(try TestEnvironment.make(store: store)).load(counties: counties, by: TestEnvironment.system)
            return store
        }
        stores[key] = task
        return try await task.value
    }
}
