import Testing
import TuopinCore

/// DESIGN "Who uses it" as a table: what each role may do inside its scope. Every role × action
/// pair is checked, inside the scope and outside it.
@Suite("Access policy: every role × action, inside and outside the scope")
struct AccessPolicyTests {
    static let village = try! AdminCode("430481100201")
    static let neighbour = try! AdminCode("430481100202")

    /// (role, scope, actions allowed inside it) — the reading of DESIGN's table this system uses.
    static let table: [(Role, String, Set<AccessAction>)] = [
        (.villageCadre, "430481100201", [.view, .viewPrivate, .export, .editRegistry, .rectifyFinding]),
        (.townshipOfficer, "430481100", [.view, .viewPrivate, .export, .editRegistry, .reviewAtTownship, .rectifyFinding, .verifyFinding]),
        (
            .countyOffice, "430481",
            [
                .view, .viewPrivate, .export, .exportUnmasked, .importRegistry, .editRegistry, .approveAtCounty, .viewAudit, .recordFinding,
                .rectifyFinding, .verifyFinding, .conductSurvey, .runCampaign,
            ]
        ),
        (.cityOffice, "430400", [.view, .export, .importRegistry, .viewAudit, .recordFinding, .verifyFinding, .conductSurvey, .runCampaign]),
        (.inspector, "430400", [.view, .export, .viewAudit]),
        (.administrator, "430400", Set(AccessAction.allCases)),
    ]

    static var cases: [(Role, String, AccessAction, Bool)] {
        table.flatMap { role, scope, allowed in AccessAction.allCases.map { (role, scope, $0, allowed.contains($0)) } }
    }

    @Test("inside the scope, the role decides", arguments: cases)
    func insideTheScope(_ role: Role, _ scope: String, _ action: AccessAction, _ allowed: Bool) throws {
        let user = User(username: try Username("someone"), displayName: "", role: role, scope: .area(try AdminCode(scope)))
        let decision = AccessPolicy.decide(user, action, area: Self.village)
        #expect(decision.passed == allowed)
        #expect(decision.failedChecks.map(\.rule) == (allowed ? [] : [AccessPolicy.role]))
    }

    @Test("outside the scope, nothing is allowed", arguments: cases)
    func outsideTheScope(_ role: Role, _ scope: String, _ action: AccessAction, _ allowed: Bool) throws {
        let user = User(username: try Username("someone"), displayName: "", role: role, scope: .area(try AdminCode(scope)))
        // The next village, another township's village, another county's, another city's (长沙).
        let elsewhere = try AdminCode(
            ["430481100201": "430481100202", "430481100": "430481101201", "430481": "430424100201"][scope] ?? "430102001001")
        let decision = AccessPolicy.decide(user, action, area: elsewhere)
        #expect(!decision.passed)
        #expect(decision.failedChecks.map(\.rule).contains(AccessPolicy.scope))
    }

    @Test func theVillageCadreOfOneVillageMayNotSeeTheNext() throws {
        let cadre = User(username: try Username("baixi"), displayName: "", role: .villageCadre, scope: .area(Self.village))
        let d = AccessPolicy.decide(cadre, .view, area: Self.neighbour)
        let scope = try #require(d.failedChecks.first)
        #expect(scope.rule == AccessPolicy.scope)
        #expect(scope["scope"] == .token("430481100201") && scope["area"] == .token("430481100202"))
    }

    @Test func aDisabledAccountMayDoNothing() throws {
        let admin = User(username: try Username("root.admin"), displayName: "", role: .administrator, scope: .everywhere, isDisabled: true)
        for action in AccessAction.allCases {
            #expect(AccessPolicy.decide(admin, action, area: Self.village).failedChecks.map(\.rule) == [AccessPolicy.account])
        }
    }

    @Test func aRecordWithoutAnAreaIsOutsideEveryAreaScope() throws {
        let city = User(username: try Username("city"), displayName: "", role: .administrator, scope: .area(try AdminCode("430400")))
        #expect(!AccessPolicy.decide(city, .editPolicy, area: nil).passed, "a national policy row needs the whole registry")
        #expect(AccessPolicy.decide(.system(osUser: "root"), .editPolicy, area: nil).passed)
    }

    @Test func inspectorsNeverWrite() throws {
        let inspector = User(username: try Username("audit"), displayName: "", role: .inspector, scope: .everywhere)
        for action in AccessAction.allCases where action.isWrite { #expect(!AccessPolicy.decide(inspector, action, area: Self.village).passed) }
    }

    @Test func administratorsManageUsersOnlyInsideTheirScope() throws {
        let admin = User(username: try Username("admin"), displayName: "", role: .administrator, scope: .area(try AdminCode("430481")))
        #expect(AccessPolicy.decide(admin, manage: .area(Self.village)).passed)
        #expect(!AccessPolicy.decide(admin, manage: .area(try AdminCode("430424"))).passed)
        #expect(!AccessPolicy.decide(admin, manage: .everywhere).passed)
    }
}

@Suite("Roles and scopes")
struct RoleScopeTests {
    @Test(
        "a role's scope has its level",
        arguments: [
            (Role.villageCadre, "430481100201", true), (.villageCadre, "430481100", false), (.townshipOfficer, "430481100", true),
            (.townshipOfficer, "430481", false), (.countyOffice, "430481", true), (.countyOffice, "430400", false),
            (.cityOffice, "430400", true), (.cityOffice, "430000", true), (.cityOffice, "430481", false),
            (.inspector, "430481100201", true), (.administrator, "430481", true),
        ])
    func scopeLevels(_ role: Role, _ code: String, _ allowed: Bool) throws {
        #expect(role.allowsScope(.area(try AdminCode(code))) == allowed)
    }

    @Test func onlyInspectorsAndAdministratorsMayHaveTheWholeRegistry() {
        #expect(Role.allCases.filter { $0.allowsScope(.everywhere) } == [.inspector, .administrator])
    }

    @Test func scopesContainTheirAreasAndNothingElse() throws {
        let leiyang = AreaScope.area(try AdminCode("430481"))
        #expect(leiyang.contains(try AdminCode("430481100201")))
        #expect(leiyang.contains(try AdminCode("430481")))
        #expect(!leiyang.contains(try AdminCode("430400")), "not the city above it")
        #expect(!leiyang.contains(try AdminCode("430482")))
        #expect(!leiyang.contains(nil))
        #expect(leiyang.covers(.area(try AdminCode("430481100"))) && !leiyang.covers(.everywhere))
        #expect(AreaScope(token: "all") == .everywhere && AreaScope(token: "430481")?.code?.rawValue == "430481")
        #expect(AreaScope(token: "4304x1") == nil)
    }
}
