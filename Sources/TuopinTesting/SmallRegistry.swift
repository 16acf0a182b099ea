import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// A fresh registry holding `CSVFixture.good` (two households in 白溪村 430481100201 of 耒阳),
/// imported through the registry service, with one user per role scoped around it. Tests that
/// write (sign-ins that lock, user changes, corrupted rows) use it instead of the shared demo.
public struct SmallRegistry: Sendable {
    public let store: Store
    public let clock: TestClock
    public let environment: ServiceEnvironment

    public static let password = "xiang-river-2020"
    public static let village = "430481100201"
    /// A village of the same township that holds no household (so scope, not data, decides).
    public static let otherVillage = "430481100202"

    /// Users by role: `admin` (everywhere), `inspector` (the city), `city` (430400), `county`
    /// (430481), `township` (430481100), `cadre` (430481100201), `othercadre` (430481100202).
    public static let users: [(String, Role, String)] = [
        ("admin", .administrator, "all"), ("inspector", .inspector, "430400"), ("city", .cityOffice, "430400"),
        ("county", .countyOffice, "430481"), ("township", .townshipOfficer, "430481100"), ("cadre", .villageCadre, village),
        ("othercadre", .villageCadre, otherVillage),
    ]

    /// Builds the registry (`edit` may add rows to the fixture first), runs `body` with it and closes its store, also when `body` throws.
    public static func with<T: Sendable>(
        on database: TestDatabase = .sqlite, clock: TestClock = TestClock(),
        configure: (inout TuopinConfiguration) -> Void = { _ in }, fixture edit: (inout CSVFixture) -> Void = { _ in },
        _ body: (SmallRegistry) async throws -> T
    ) async throws -> T {
        try await database.withStore { store in
            let environment = try TestEnvironment.make(store: store, clock: clock, configure: configure)
            let system = TestEnvironment.system
            var fixture = CSVFixture.good
            fixture.files[.areas]!.append(["430481100202", "石湾村", "village"])
            fixture.files[.areas]!.append(["430424", "衡东县", "county"])
            edit(&fixture)
            let outcome = try await RegistryService(environment).importFolder(try fixture.write(), commitPartial: false, by: system)
            // An edited fixture the import refuses would leave an empty registry and tests that pass for the wrong reason.
            guard outcome.rejections.isEmpty else {
                throw FixtureRefused(reasons: outcome.rejections.map { "\($0.file) \($0.line) \($0.field ?? "")" })
            }
            for (name, role, scope) in users {
                try await UserService(environment).add(
                    User(username: try Username(name), displayName: name, role: role, scope: AreaScope(token: scope)!),
                    password: password, by: system)
            }
            return try await body(SmallRegistry(store: store, clock: clock, environment: environment))
        }
    }

    /// The stored user named `name`.
    public func user(_ name: String) async throws -> User {
        try await UserService(environment).commandLineUser(try Username(name), osUser: "tests")
    }
}

/// The fixture's own rows were refused by the import (a test edited them wrongly).
public struct FixtureRefused: Error, CustomStringConvertible {
    public var reasons: [String]
    public var description: String { "fixture refused: " + reasons.joined(separator: "; ") }
}
