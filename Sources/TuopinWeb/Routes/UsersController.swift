import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStrings

/// `/admin/users`: administrators list, add, disable and enable users, change their role and
/// scope and set passwords, inside their own scope (the service enforces it). Every change is a
/// form post (CSRF-checked), then a redirect back to the list (post/redirect/get).
struct UsersController: Sendable {
    let users: UserService
    let site: Site

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: list)
            .post(use: add)
            .post(":username/disable", use: disable)
            .post(":username/enable", use: enable)
            .post(":username/role", use: setRole)
            .post(":username/password", use: setPassword)
    }

    /// Confirmation messages the list may show after a redirect (`?done=`).
    static let confirmations: Set<String> = ["added", "disabled", "enabled", "role", "password"]

    func list(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let done = request.uri.queryParameters.get("done").flatMap { Self.confirmations.contains($0) ? $0 : nil }
        return try await UsersPage.render(
            user: user, users: users, site: site, context: context,
            notice: done.map {
                site.strings[context.language].text(
                    "users.done." + $0,
                    ["name": request.uri.queryParameters.get("user") ?? ""])
            },
            error: nil, status: .ok)
    }

    func add(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let f = context.form
        return try await act(request, context, done: "added", name: f["username"] ?? "") {
            let role = try Self.role(f["role"])
            let scope = try Self.scope(f["scope"])
            let username = try Self.username(f["username"])
            let display = f.value("displayName") ?? username.rawValue
            try await users.add(
                User(username: username, displayName: String(display.prefix(64)), role: role, scope: scope),
                password: f["password"] ?? "", by: user)
        }
    }

    func disable(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let name = context.parameters.get("username") ?? ""
        return try await act(request, context, done: "disabled", name: name) { try await users.disable(try Self.username(name), by: user) }
    }

    func enable(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let name = context.parameters.get("username") ?? ""
        return try await act(request, context, done: "enabled", name: name) { try await users.enable(try Self.username(name), by: user) }
    }

    func setRole(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let name = context.parameters.get("username") ?? ""
        let f = context.form
        return try await act(request, context, done: "role", name: name) {
            try await users.setRole(try Self.username(name), role: try Self.role(f["role"]), scope: try Self.scope(f["scope"]), by: user)
        }
    }

    func setPassword(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let name = context.parameters.get("username") ?? ""
        let password = context.form["password"] ?? ""
        return try await act(request, context, done: "password", name: name) {
            try await users.setPassword(try Self.username(name), to: password, by: user)
        }
    }

    /// Runs a change; on success redirects to the list with a confirmation, on a refused value
    /// shows the list again with the reason. Access refusals go to the 403 page.
    func act(
        _ request: Request, _ context: TuopinRequestContext, done: String, name: String,
        _ change: () async throws -> Void
    ) async throws -> Response {
        let user = try context.requireUser()
        do {
            try await change()
            return Response(
                status: .seeOther, headers: [.location: "/admin/users?done=\(done)&user=\(Site.queryEscape(name))", .cacheControl: "no-store"])
        } catch let error as AccessDenied {
            throw error
        } catch let error as any PageError {
            let s = site.strings[context.language]
            return try await UsersPage.render(
                user: user, users: users, site: site, context: context, notice: nil, error: s.describe(error),
                status: error.status
            ).response(from: request, context: context)
        }
    }

    static func username(_ text: String?) throws -> Username {
        do { return try Username(text ?? "") } catch let e as Username.ParseError { throw BadParameter("username", e) }
    }

    static func role(_ text: String?) throws -> Role {
        guard let role = Role(token: text ?? "") else { throw BadParameter("role", UnknownValue(value: text ?? "")) }
        return role
    }

    static func scope(_ text: String?) throws -> AreaScope {
        guard let scope = AreaScope(token: (text ?? "").trimmingCharacters(in: .whitespaces)) else {
            throw BadParameter("scope", UnknownValue(value: text ?? ""))
        }
        return scope
    }
}

/// A form value no code list knows.
struct UnknownValue: WordedError, Sendable {
    var value: String
    func message(_ s: Localizer) -> String { s.text("import.reason.unknownCode", ["value": String(value.prefix(40))]) }
}
