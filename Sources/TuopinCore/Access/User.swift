/// Someone who works in Tuopin: a role, a scope, and whether the account may sign in.
///
/// Every service method takes the acting `User`; the built-in `system` operator stands for
/// command-line work done without `--as`, and carries the operating-system account it ran
/// under so the audit log can name it.
///
/// ```swift
/// let cadre = User(username: try Username("baixi"), displayName: "白溪村 刘伟", role: .villageCadre,
///                  scope: .area(try AdminCode("430481100201")))
/// AccessPolicy.decide(cadre, .view, area: try AdminCode("430481100202")).passed   // false
/// ```
public struct User: Hashable, Sendable {
    public var username: Username
    public var displayName: String
    public var role: Role
    public var scope: AreaScope
    public var isDisabled: Bool
    /// The operating-system account a command-line action ran under (audited); nil on the web.
    public var osUser: String?

    public init(username: Username, displayName: String, role: Role, scope: AreaScope, isDisabled: Bool = false, osUser: String? = nil) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.scope = scope
        self.isDisabled = isDisabled
        self.osUser = osUser
    }

    /// The command-line operator without `--as`: every right over the whole registry.
    public static func system(osUser: String) -> User {
        User(username: .system, displayName: "system", role: .administrator, scope: .everywhere, osUser: osUser)
    }

    public var isSystem: Bool { username == .system }
}
