import TuopinCore
import TuopinStrings

/// Why a change to a user was refused (other than by `AccessPolicy`).
public enum UserError: Error, Equatable, Sendable {
    case unknownUser(String)
    /// The account is disabled.
    case disabled(String)
    case alreadyExists(String)
    /// The role cannot have this scope (a village cadre scoped to a county).
    case scopeNotAllowed(Role, AreaScope)
    /// The new password fails `PasswordPolicy`.
    case passwordRejected(Decision)
    /// An administrator may not disable their own account or take away their own rights.
    case cannotChangeOwnAccess
}

extension UserError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .unknownUser(let name): return s.text("error.user.unknown", ["name": name])
        case .disabled(let name): return s.text("error.user.disabled", ["name": name])
        case .alreadyExists(let name): return s.text("error.user.exists", ["name": name])
        case .scopeNotAllowed(let role, let scope):
            let levels = role.scopeLevels.map { $0.sorted().map { s.label($0.label) }.joined(separator: s.text("list.or")) } ?? ""
            return s.text("error.user.scope", ["role": s.label(role.label), "scope": scope.token, "levels": levels])
        case .passwordRejected(let decision):
            return s.text("error.user.password", ["reasons": decision.failedChecks.map(s.explain).joined(separator: s.text("list.separator"))])
        case .cannotChangeOwnAccess: return s.text("error.user.own")
        }
    }
}
