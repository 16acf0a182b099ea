import TuopinCore
import TuopinServices

/// One demo user per role, so every view of the system can be tried at once: the administrator
/// and an inspector over the whole registry and the city, the city office, 耒阳's county office,
/// one of its townships and one of that township's villages (or the first county loaded, when
/// 耒阳 is not).
///
/// They share one password, printed by `tuopin demo` and given in the README: demo data only;
/// `tuopin users passwd` changes it.
public enum DemoUsers {
    public static let password = "hengyang-demo-2020"

    public struct Account: Sendable, Equatable {
        public var username: String
        public var role: Role
        public var scope: AreaScope
        public var scopeName: String
        public var password: String
    }

    /// The demo accounts as users, by username: the demo's later steps act as them.
    static func byName(_ accounts: [Account]) throws -> [String: User] {
        Dictionary(
            uniqueKeysWithValues: try accounts.map {
                ($0.username, User(username: try Username($0.username), displayName: $0.username, role: $0.role, scope: $0.scope))
            })
    }

    static func create(
        in environment: ServiceEnvironment, plan hengyang: HengyangPlan, generated: [DemoCounty], by user: User
    ) async throws -> [Account] {
        guard let county = generated.first(where: { $0.plan.code == "430481" }) ?? generated.first else { return [] }
        let areas = county.areas
        let township =
            areas.first { $0.code.rawValue == "430481100" }
            ?? areas.first { t in t.code.level == .township && areas.contains { $0.code.parent == t.code && $0.kind == .village } }
        let village = areas.first { $0.code.parent == township?.code && $0.kind == .village }
        guard let township, let village, let city = HengyangDemo.upperAreas(hengyang).first(where: { $0.code.level == .city })
        else { return [] }
        let countyCode = try AdminCode(county.plan.code)
        let countyName = areas.first { $0.code == countyCode }?.name ?? county.plan.code
        let plan: [(String, String, Role, AreaScope, String)] = [
            ("admin", "系统管理员", .administrator, .everywhere, "全部"),
            ("inspector", city.name + "督查组", .inspector, .area(city.code), city.name),
            ("city.office", city.name + "扶贫办", .cityOffice, .area(city.code), city.name),
            ("county.office", countyName + "乡村振兴局", .countyOffice, .area(countyCode), countyName),
            ("township.officer", township.name + "干部", .townshipOfficer, .area(township.code), countyName + township.name),
            ("village.cadre", village.name + "村干部", .villageCadre, .area(village.code), township.name + village.name),
        ]
        let users = UserService(environment)
        var accounts: [Account] = []
        for (name, display, role, scope, scopeName) in plan {
            let account = User(username: try Username(name), displayName: display, role: role, scope: scope)
            try await users.add(account, password: password, by: user)
            accounts.append(Account(username: name, role: role, scope: scope, scopeName: scopeName, password: password))
        }
        return accounts
    }
}
