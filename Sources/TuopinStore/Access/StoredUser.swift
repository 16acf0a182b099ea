import TuopinCore

/// A user as the `app_user` table keeps them: the account, its bcrypt hash, and whether it is
/// locked after failed sign-ins.
public struct StoredUser: Sendable, Equatable {
    public var user: User
    /// bcrypt (`$2b$…`); never logged, never shown.
    public var passwordHash: String
    public var lockedUntil: Instant?
    public var createdAt: Instant
    public var passwordChangedAt: Instant

    public init(user: User, passwordHash: String, lockedUntil: Instant? = nil, createdAt: Instant, passwordChangedAt: Instant) {
        self.user = user
        self.passwordHash = passwordHash
        self.lockedUntil = lockedUntil
        self.createdAt = createdAt
        self.passwordChangedAt = passwordChangedAt
    }
}
