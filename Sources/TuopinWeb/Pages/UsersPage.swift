import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStrings

/// The user-administration page: the users inside the administrator's scope, each with its
/// actions, and the form to add one.
enum UsersPage {
    static func render(
        user: User, users: UserService, site: Site, context: TuopinRequestContext, notice: String?, error: String?,
        status: HTTPResponse.Status
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let list = try await users.list(by: user)
        let roles = Role.allCases.map { ["token": $0.token, "label": s.label($0.label)] }
        let rows = list.map { stored -> [String: Any] in
            let u = stored.user
            return [
                "username": u.username.rawValue, "displayName": u.displayName, "role": s.label(u.role.label), "roleToken": u.role.token,
                "scope": u.scope.token,
                "status": u.isDisabled
                    ? s.text("users.status.disabled") : (stored.lockedUntil != nil ? s.text("users.status.locked") : s.text("users.status.active")),
                "disabled": u.isDisabled, "isSelf": u.username == user.username,
                "roles": Role.allCases.map { ["token": $0.token, "label": s.label($0.label), "selected": $0 == u.role] },
            ]
        }
        return site.page(
            "users",
            [
                "heading": s.text("users.heading"), "csrf": context.session?.csrfToken ?? "", "users": rows, "roles": roles,
                "notice": notice ?? "", "hasNotice": notice != nil, "error": error ?? "", "hasError": error != nil,
                "colUsername": s.text("users.col.username"), "colName": s.text("users.col.name"), "colRole": s.text("users.col.role"),
                "colScope": s.text("users.col.scope"), "colStatus": s.text("users.col.status"), "colActions": s.text("users.col.actions"),
                "disable": s.text("users.disable"), "enable": s.text("users.enable"), "changeRole": s.text("users.changeRole"),
                "setPassword": s.text("users.setPassword"), "newPassword": s.text("users.newPassword"),
                "addHeading": s.text("users.add.heading"), "usernameLabel": s.text("users.add.username"), "nameLabel": s.text("users.add.name"),
                "roleLabel": s.text("users.add.role"), "scopeLabel": s.text("users.add.scope"), "scopeHint": s.text("users.add.scopeHint"),
                "passwordLabel": s.text("users.add.password"), "passwordHint": s.text("users.add.passwordHint"), "add": s.text("users.add.submit"),
            ], context: context, title: s.text("users.heading"), status: status)
    }
}
