/// Whether a user may do an action on an area: the one permission rule, pure and explained.
///
/// Three checks, each with the values that decided it:
/// - `access.account`: the account is enabled;
/// - `access.role`: the role may do the action (`AccessPolicy.allowed`);
/// - `access.scope`: the area lies inside the user's scope. A registry-wide object (`area: nil`)
///   is inside the whole-registry scope only.
///
/// ```swift
/// let d = AccessPolicy.decide(cadre, .view, area: try AdminCode("430481100202"))
/// d.passed                       // false
/// d.failedChecks.map(\.rule)     // [access.scope]
/// // worded: "村干部（430481100201）不能查看 430481100202"
/// ```
public enum AccessPolicy {
    public static let account = RuleID("access.account")
    public static let role = RuleID("access.role")
    public static let scope = RuleID("access.scope")

    /// The actions each role may take (inside its scope). Inspectors only read.
    public static func allowed(_ role: Role) -> Set<AccessAction> {
        switch role {
        case .villageCadre: [.view, .viewPrivate, .export, .editRegistry, .rectifyFinding]
        case .townshipOfficer: [.view, .viewPrivate, .export, .editRegistry, .reviewAtTownship, .rectifyFinding, .verifyFinding]
        case .countyOffice:
            [
                .view, .viewPrivate, .export, .exportUnmasked, .importRegistry, .editRegistry, .approveAtCounty, .viewAudit, .recordFinding,
                .rectifyFinding, .verifyFinding, .conductSurvey, .runCampaign,
            ]
        case .cityOffice: [.view, .export, .importRegistry, .viewAudit, .recordFinding, .verifyFinding, .conductSurvey, .runCampaign]
        case .inspector: [.view, .export, .viewAudit]
        case .administrator: Set(AccessAction.allCases)
        }
    }

    public static func decide(_ user: User, _ action: AccessAction, area: AdminCode?) -> Decision {
        let who: [ReasonValue] = [
            ReasonValue("user", .token(user.username.rawValue)), ReasonValue("role", .token(user.role.token)),
            ReasonValue("scope", .token(user.scope.token)), ReasonValue("action", .token(action.token)),
            ReasonValue("area", area.map { .token($0.rawValue) } ?? .missing),
        ]
        return Decision(checks: [
            Check(account, passed: !user.isDisabled, values: who),
            Check(role, passed: allowed(user.role).contains(action), values: who),
            Check(scope, passed: user.scope.contains(area), values: who),
        ])
    }

    /// Whether `user` may give another user `scope` (an administrator only inside their own).
    public static func decide(_ user: User, manage scope: AreaScope) -> Decision {
        switch scope {
        case .area(let code): decide(user, .manageUsers, area: code)
        case .everywhere: decide(user, .manageUsers, area: nil)
        }
    }
}
