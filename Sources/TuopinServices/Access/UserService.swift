import TuopinCore
import TuopinStore

/// Users: add, list, disable, enable, change role and scope, set a password. Administrators
/// manage users inside their own scope; every change is audited in its own transaction.
public struct UserService: Sendable {
    let environment: ServiceEnvironment
    var hasher: PasswordHasher { PasswordHasher(cost: environment.configuration.bcryptCost) }

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// The user a command acts as (`--as`): known and enabled; the audit log also records the
    /// operating-system account.
    public func commandLineUser(_ username: Username, osUser: String) async throws -> User {
        guard var user = try await UserQuery.find(username, environment.store.sql)?.user else { throw UserError.unknownUser(username.rawValue) }
        guard !user.isDisabled else { throw UserError.disabled(username.rawValue) }
        user.osUser = osUser
        return user
    }

    /// The users whose scope lies inside `user`'s.
    public func list(by user: User) async throws -> [StoredUser] {
        try await environment.authorize(user, .manageUsers, area: user.scope.code)
        return try await UserQuery.all(environment.store.sql).filter { user.scope.covers($0.user.scope) }
    }

    /// One user, if `user` may manage them.
    public func find(_ username: Username, by user: User) async throws -> StoredUser {
        try await environment.authorize(user, .manageUsers, area: user.scope.code)
        guard let found = try await UserQuery.find(username, environment.store.sql), user.scope.covers(found.user.scope) else {
            throw UserError.unknownUser(username.rawValue)
        }
        return found
    }

    /// Adds a user with a password that passes `PasswordPolicy`.
    public func add(_ new: User, password: String, by user: User) async throws {
        try await checkManage(new.scope, by: user)
        guard new.role.allowsScope(new.scope) else { throw UserError.scopeNotAllowed(new.role, new.scope) }
        try checkPassword(password, for: new.username)
        let hash = try await hasher.hash(password)
        let now = environment.instant
        let account = User(username: new.username, displayName: new.displayName, role: new.role, scope: new.scope, isDisabled: new.isDisabled)
        try await environment.store.transaction { tx in
            guard try await UserQuery.find(new.username, tx.sql) == nil else { throw UserError.alreadyExists(new.username.rawValue) }
            try await UserQuery.insert(StoredUser(user: account, passwordHash: hash, createdAt: now, passwordChangedAt: now), in: tx)
            try await environment.audit.record(
                AuditEntry(.userAdded, entity: "user:" + new.username.rawValue, area: new.scope.code, after: Self.values(account)), by: user, in: tx)
        }
    }

    public func disable(_ username: Username, by user: User) async throws {
        guard username != user.username else { throw UserError.cannotChangeOwnAccess }
        try await change(username, .userDisabled, by: user) { $0.user.isDisabled = true }
    }

    public func enable(_ username: Username, by user: User) async throws {
        try await change(username, .userEnabled, by: user) {
            $0.user.isDisabled = false
            $0.lockedUntil = nil
        }
    }

    /// Gives a user another role and scope; both must fit together and lie inside `user`'s scope.
    public func setRole(_ username: Username, role: Role, scope: AreaScope, by user: User) async throws {
        guard username != user.username else { throw UserError.cannotChangeOwnAccess }
        try await checkManage(scope, by: user)
        guard role.allowsScope(scope) else { throw UserError.scopeNotAllowed(role, scope) }
        try await change(username, .userRoleSet, by: user) {
            $0.user.role = role
            $0.user.scope = scope
        }
    }

    /// Sets a password: an administrator for a user in their scope, or a user for themself.
    public func setPassword(_ username: Username, to password: String, by user: User) async throws {
        try checkPassword(password, for: username)
        let hash = try await hasher.hash(password)
        let now = environment.instant
        if username == user.username && !user.isSystem {
            try await environment.store.transaction { tx in
                guard var stored = try await UserQuery.find(username, tx.sql) else { throw UserError.unknownUser(username.rawValue) }
                stored.passwordHash = hash
                stored.passwordChangedAt = now
                try await UserQuery.update(stored, in: tx)
                try await environment.audit.record(
                    AuditEntry(.userPasswordSet, entity: "user:" + username.rawValue, area: stored.user.scope.code), by: user, in: tx)
            }
            return
        }
        try await change(username, .userPasswordSet, by: user, recordValues: false) {
            $0.passwordHash = hash
            $0.passwordChangedAt = now
            $0.lockedUntil = nil
        }
    }

    /// Loads the user, applies `edit`, writes it with its audit entry; ends the user's sessions
    /// so the change takes effect at once.
    private func change(
        _ username: Username, _ action: AuditAction, by user: User, recordValues: Bool = true,
        _ edit: @Sendable @escaping (inout StoredUser) -> Void
    ) async throws {
        try await environment.authorize(user, .manageUsers, area: user.scope.code)
        try await environment.store.transaction { tx in
            guard var stored = try await UserQuery.find(username, tx.sql), user.scope.covers(stored.user.scope) else {
                throw UserError.unknownUser(username.rawValue)
            }
            let before = stored.user
            edit(&stored)
            try await UserQuery.update(stored, in: tx)
            try await SessionQuery.delete(username: username, in: tx)
            if action == .userPasswordSet || action == .userEnabled { try await SignInQuery.clear(username, in: tx) }
            try await environment.audit.record(
                AuditEntry(
                    action, entity: "user:" + username.rawValue, area: stored.user.scope.code,
                    before: recordValues ? Self.values(before) : nil, after: recordValues ? Self.values(stored.user) : nil),
                by: user, in: tx)
        }
    }

    private func checkManage(_ scope: AreaScope, by user: User) async throws {
        let decision = AccessPolicy.decide(user, manage: scope)
        guard decision.passed else {
            try await environment.refuse(AccessDenied(user: user, action: .manageUsers, area: scope.code, decision: decision))
        }
    }

    private func checkPassword(_ password: String, for username: Username) throws {
        let decision = PasswordPolicy.decide(password, username: username.rawValue, minimumLength: environment.configuration.passwordMinimumLength)
        guard decision.passed else { throw UserError.passwordRejected(decision) }
    }

    static func values(_ u: User) -> [String: AuditValue] {
        ["displayName": .text(u.displayName), "role": .text(u.role.token), "scope": .text(u.scope.token), "disabled": .bool(u.isDisabled)]
    }
}
