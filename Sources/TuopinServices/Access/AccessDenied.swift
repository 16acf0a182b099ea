import TuopinCore
import TuopinStore
import TuopinStrings

/// A refusal by `AccessPolicy`: who asked, to do what, where, and the decision that refused it.
/// The web shows it as a worded 403 page; the command line prints it and exits non-zero.
public struct AccessDenied: Error, Equatable, Sendable {
    public var user: User
    public var action: AccessAction
    public var area: AdminCode?
    public var decision: Decision

    public init(user: User, action: AccessAction, area: AdminCode?, decision: Decision) {
        self.user = user
        self.action = action
        self.area = area
        self.decision = decision
    }
}

extension AccessDenied: WordedError {
    /// "村干部（430481100201）不能查看 430481100202", or why the role or account refuses it.
    public func message(_ s: Localizer) -> String {
        let arguments = [
            "user": user.username.rawValue, "role": s.label(user.role.label), "scope": user.scope.token,
            "action": s.label(action.label), "area": area?.rawValue ?? s.text("access.wholeRegistry"),
        ]
        guard let failed = decision.failedChecks.first else { return s.text("access.scope.fail", arguments) }
        return s.text(failed.rule.rawValue + ".fail", arguments)
    }
}

extension ServiceEnvironment {
    /// Checks `AccessPolicy` for `user`; a refusal is audited (in a transaction of its own) and
    /// thrown as `AccessDenied`. Every service method calls this before it reads or writes.
    public func authorize(_ user: User, _ action: AccessAction, area: AdminCode?) async throws {
        let decision = AccessPolicy.decide(user, action, area: area)
        guard !decision.passed else { return }
        try await refuse(AccessDenied(user: user, action: action, area: area, decision: decision))
    }

    /// `AccessPolicy` inside a write transaction: throws the refusal without auditing it. Auditing
    /// needs the writer the transaction holds, so `transaction(_:)` audits it after the rollback.
    public func permit(_ user: User, _ action: AccessAction, area: AdminCode?) throws {
        let decision = AccessPolicy.decide(user, action, area: area)
        guard decision.passed else { throw AccessDenied(user: user, action: action, area: area, decision: decision) }
    }

    /// A write transaction whose body may check access with `permit`: a refusal rolls the
    /// transaction back and is then audited in a transaction of its own, and thrown.
    public func transaction<T: Sendable>(_ body: @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        do {
            return try await store.transaction { tx in try await body(tx) }
        } catch let denied as AccessDenied {
            try await refuse(denied)
        }
    }

    /// Audits and throws a refusal decided elsewhere (giving a user a scope outside one's own).
    func refuse(_ denied: AccessDenied) async throws -> Never {
        let rules = denied.decision.failedChecks.map { AuditValue.text($0.rule.rawValue) }
        try await audit.recordAlone(
            AuditEntry(
                .accessDenied, entity: "action:" + denied.action.token, area: denied.area ?? denied.user.scope.code,
                detail: ["action": .text(denied.action.token), "area": .text(denied.area?.rawValue ?? "all"), "failed": .list(rules)]),
            actor: denied.user.username.rawValue, osUser: denied.user.osUser, in: store)
        throw denied
    }
}
