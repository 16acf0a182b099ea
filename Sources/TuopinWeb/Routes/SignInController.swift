import Hummingbird
import TuopinCore
import TuopinServices

/// `/login` (the form and its post) and `/logout`. A visitor gets an anonymous session so the
/// form carries a CSRF token; signing in replaces it with a new session (the id is rotated).
struct SignInController: Sendable {
    let signIn: SignInService
    let site: Site
    let secureCookies: Bool

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get("login", use: form)
            .post("login", use: submit)
            .post("logout", use: signOut)
    }

    func form(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        if context.user != nil { return redirect(to: Self.safeNext(request.uri.queryParameters.get("next"))) }
        var context = context
        var fresh: SignInService.Issued? = nil
        if context.session == nil {
            let issued = try await signIn.startAnonymous()
            context.session = SignInService.Active(user: nil, csrfToken: issued.csrfToken, token: issued.token)
            fresh = issued
        }
        var response = try render(context, next: request.uri.queryParameters.get("next"), username: "", error: nil, status: .ok)
            .response(from: request, context: context)
        if let fresh { response.setCookie(sessionCookie(fresh.token)) }
        return response
    }

    func submit(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let username = context.form["username"] ?? ""
        let next = context.form["next"]
        do {
            let (_, issued) = try await signIn.signIn(username: username, password: context.form["password"] ?? "", replacing: context.session?.token)
            var response = redirect(to: Self.safeNext(next))
            response.setCookie(sessionCookie(issued.token))
            return response
        } catch let error as SignInService.SignInError {
            let s = site.strings[context.language]
            let (message, status): (String, HTTPResponse.Status) =
                switch error {
                case .invalidCredentials: (s.text("signin.error.invalid"), .unauthorized)
                case .locked(let until): (s.text("signin.error.locked", ["until": Self.localTime(until)]), .tooManyRequests)
                case .disabled: (s.text("signin.error.disabled"), .forbidden)
                }
            return try render(context, next: next, username: username, error: message, status: status).response(from: request, context: context)
        }
    }

    func signOut(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        if let session = context.session { try await signIn.signOut(session) }
        var response = redirect(to: "/login")
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true,
                sameSite: .lax))
        return response
    }

    func render(_ context: TuopinRequestContext, next: String?, username: String, error: String?, status: HTTPResponse.Status) throws -> HTML {
        let s = site.strings[context.language]
        return site.page(
            "signin",
            [
                "heading": s.text("signin.heading"), "usernameLabel": s.text("signin.username"), "passwordLabel": s.text("signin.password"),
                "submit": s.text("signin.submit"), "csrf": context.session?.csrfToken ?? "", "next": Self.safeNext(next), "username": username,
                "error": error ?? "", "hasError": error != nil, "hint": s.text("signin.hint"),
            ], context: context, title: s.text("signin.heading"), status: status)
    }

    func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// Where to go after signing in: a path on this site only (never `//host` or a full URL).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("\r"), !next.contains("\n")
        else { return "/" }
        return next
    }

    /// An instant as Beijing time, minutes only (`2026-12-01 14:05`).
    static func localTime(_ instant: Instant) -> String {
        let local = Instant(millisecondsSince1970: instant.millisecondsSince1970 + Int64(Instant.chinaStandardTime) * 1000).description
        return String(local.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
