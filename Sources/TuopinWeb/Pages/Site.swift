import Foundation
import Hummingbird
import Mustache
import TuopinCore
import TuopinStrings

/// Templates, string tables and the stylesheet, loaded once at start-up so a missing one fails
/// the boot, not a request; and the page layout every page is drawn in.
public struct Site: Sendable {
    public let strings: StringTables
    let templates: MustacheLibrary
    let stylesheet: String
    /// The field form's script and its service worker (`static/field.js`, `field-sw.js`).
    let scripts: [String: String]

    public enum LoadError: Error {
        case missingResource(String)
        case badTemplate(String)
    }

    static let templateNames = [
        "layout", "dashboard", "error", "signin", "users", "households", "household", "audit", "notices", "reports", "uploads", "upload", "worklist",
        "findings",
        "finding", "surveys", "survey", "petitions", "petition", "campaigns", "campaign", "field", "quality",
    ]
    static let scriptNames = ["field", "field-sw", "signin"]

    static func load(strings: StringTables) throws -> Site {
        var library = MustacheLibrary()
        for name in templateNames {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources/templates"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { throw LoadError.missingResource("templates/\(name).mustache") }
            do { try library.register(text, named: name) } catch { throw LoadError.badTemplate(name) }
        }
        guard let css = Bundle.module.url(forResource: "style", withExtension: "css", subdirectory: "Resources/static"),
            let stylesheet = try? String(contentsOf: css, encoding: .utf8)
        else { throw LoadError.missingResource("static/style.css") }
        var scripts: [String: String] = [:]
        for name in scriptNames {
            guard let url = Bundle.module.url(forResource: name, withExtension: "js", subdirectory: "Resources/static"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { throw LoadError.missingResource("static/\(name).js") }
            scripts[name] = text
        }
        return Site(strings: strings, templates: library, stylesheet: stylesheet, scripts: scripts)
    }

    /// Renders `template` inside the layout: navigation for the user's role, who is signed in,
    /// the sign-out form (with its CSRF token) and the language switch.
    func page(
        _ template: String, _ values: [String: Any], context: TuopinRequestContext, title: String,
        status: HTTPResponse.Status = .ok, query: [String: String] = [:], refresh: Int? = nil
    ) -> HTML {
        let s = strings[context.language]
        let body = templates.render(values, withTemplate: template) ?? ""
        var layout: [String: Any] = [
            "body": body, "title": title, "lang": s.language == .zh ? "zh-CN" : "en", "appName": s.text("app.name"),
            "switchLanguage": s.text("app.switchLanguage"),
            "switchLink": "?"
                + (query.merging(["lang": s.language == .zh ? "en" : "zh"]) { $1 })
                .sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.queryEscape($0.value))" }.joined(separator: "&"),
            "skip": s.text("app.skipToContent"),
        ]
        // A page of a job under way reloads itself (no script needed).
        if let refresh { layout["refresh"] = String(refresh) }
        if let user = context.user {
            var nav: [[String: String]] = [
                ["label": s.text("nav.dashboard"), "link": "/"], ["label": s.text("nav.households"), "link": "/households"],
                ["label": s.text("nav.reports"), "link": "/reports"], ["label": s.text("nav.worklist"), "link": "/worklist"],
                ["label": s.text("nav.findings"), "link": "/findings"], ["label": s.text("nav.surveys"), "link": "/surveys"],
                ["label": s.text("nav.petitions"), "link": "/petitions"], ["label": s.text("nav.campaigns"), "link": "/campaigns"],
            ]
            if AccessPolicy.allowed(user.role).contains(.editRegistry) { nav.append(["label": s.text("nav.notices"), "link": "/notices"]) }
            if AccessPolicy.allowed(user.role).contains(.importRegistry) { nav.append(["label": s.text("nav.uploads"), "link": "/uploads"]) }
            if AccessPolicy.allowed(user.role).contains(.viewAudit) { nav.append(["label": s.text("nav.audit"), "link": "/audit"]) }
            if AccessPolicy.allowed(user.role).contains(.manageUsers) { nav.append(["label": s.text("nav.users"), "link": "/admin/users"]) }
            layout["signedIn"] = true
            layout["nav"] = nav
            layout["navLabel"] = s.text("nav.label")
            layout["who"] = s.text(
                "nav.who",
                [
                    "name": user.displayName, "username": user.username.rawValue, "role": s.label(user.role.label),
                    "scope": user.scope == .everywhere ? s.text("access.wholeRegistry") : user.scope.token,
                ])
            layout["signOut"] = s.text("nav.signOut")
            layout["csrf"] = context.session?.csrfToken ?? ""
        }
        return HTML(templates.render(layout, withTemplate: "layout") ?? body, status: status)
    }

    static func queryEscape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}
