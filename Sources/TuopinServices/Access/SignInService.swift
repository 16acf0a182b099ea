import TuopinCore
import TuopinStore

/// Web sign-in: checks a password with lockout, starts, resolves and ends server-side sessions.
///
/// A session is a random id in an HttpOnly cookie; the database keeps only its SHA-256. It ends
/// after `sessionIdleTimeoutSeconds` without a request and `sessionAbsoluteTimeoutSeconds` after
/// sign-in. A visitor who is not signed in gets an anonymous session that carries the sign-in
/// form's CSRF token; signing in replaces it with a new id (rotation).
public struct SignInService: Sendable {
    let environment: ServiceEnvironment
    /// Sessions and their users as last read, good while nothing has been committed since.
    let resolved = VersionedCache(capacity: 4_096)

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// A stored session with its user (nil before sign-in, or when the user may not sign in).
    struct Stored: Sendable {
        var session: StoredSession
        var user: User?
    }

    /// A session as the web layer holds it: the cookie value and the form token.
    public struct Issued: Sendable, Equatable {
        public var token: String
        public var csrfToken: String
    }

    /// A live session: who (nil before sign-in) and its CSRF token.
    public struct Active: Sendable, Equatable {
        public var user: User?
        public var csrfToken: String
        public var token: String

        public init(user: User?, csrfToken: String, token: String) {
            self.user = user
            self.csrfToken = csrfToken
            self.token = token
        }
    }

    public enum SignInError: Error, Equatable, Sendable {
        /// Unknown name or wrong password (which of the two is not said).
        case invalidCredentials
        /// Too many failures: no password is checked until the lock ends.
        case locked(until: Instant)
        /// The password was right but the account is disabled.
        case disabled
    }

    /// An anonymous session for a visitor, so the sign-in form can carry a CSRF token.
    public func startAnonymous() async throws -> Issued {
        let issued = Issued(token: SessionToken.make(), csrfToken: SessionToken.make())
        let now = environment.instant
        try await environment.store.transaction { tx in
            try await SessionQuery.insert(
                StoredSession(
                    idHash: SessionToken.storedHash(issued.token), username: nil,
                    csrfToken: issued.csrfToken, createdAt: now, lastSeenAt: now), in: tx)
        }
        return issued
    }

    /// The session behind a cookie value, or nil when it is unknown, expired or its user can no
    /// longer sign in (an expired session is deleted).
    public func resolve(_ token: String) async throws -> Active? {
        guard !token.isEmpty, token.utf8.count <= 128 else { return nil }
        let hash = SessionToken.storedHash(token)
        let store = environment.store
        // While nothing has been committed, the session and its user read last time still hold.
        let read: @Sendable () async throws -> Stored? = {
            guard let session = try await SessionQuery.find(idHash: hash, store.sql) else { return nil }
            var user: User? = nil
            if let name = session.username {
                let stored = try await UserQuery.find(name, store.sql)
                if let stored, !stored.user.isDisabled { user = stored.user }
            }
            return Stored(session: session, user: user)
        }
        let found =
            if let stamp = await store.changeStamp() { try await resolved.value(hash, version: stamp, compute: read) } else { try await read() }
        guard let found else { return nil }
        let session = found.session, user = found.user
        let now = environment.instant
        let c = environment.configuration
        let expired =
            session.lastSeenAt.adding(seconds: c.sessionIdleTimeoutSeconds) <= now
            || session.createdAt.adding(seconds: c.sessionAbsoluteTimeoutSeconds) <= now
        if expired || (session.username != nil && user == nil) {
            try await store.transaction { tx in try await SessionQuery.delete(idHash: hash, in: tx) }
            return nil
        }
        // Writes at most once a minute per session.
        if session.lastSeenAt.adding(seconds: 60) <= now {
            try await store.transaction { tx in try await SessionQuery.touch(idHash: hash, at: now, in: tx) }
        }
        return Active(user: user, csrfToken: session.csrfToken, token: token)
    }

    /// Checks the password and starts a new session, ending `replacing` (the anonymous one).
    /// Failures are counted per account; `lockout.maximumFailures` of them within the window
    /// lock it for `lockout.duration`. Every outcome is audited.
    public func signIn(username text: String, password: String, replacing: String?) async throws -> (User, Issued) {
        let store = environment.store
        let now = environment.instant
        let hasher = PasswordHasher(cost: environment.configuration.bcryptCost)
        let attempted = String(text.lowercased().prefix(32))
        guard let username = try? Username(text), let stored = try await UserQuery.find(username, store.sql) else {
            _ = try await hasher.verify(password, hash: PasswordHasher.decoy)
            try await environment.audit.recordAlone(
                AuditEntry(
                    .signInFailed, entity: "user:" + attempted, area: nil,
                    detail: ["reason": "unknownUser"]),
                actor: attempted, osUser: nil, in: store)
            throw SignInError.invalidCredentials
        }
        let area = stored.user.scope.code
        if let until = stored.lockedUntil, until > now {
            try await environment.audit.recordAlone(
                AuditEntry(
                    .signInFailed, entity: "user:" + username.rawValue, area: area,
                    detail: ["reason": "locked", "lockedUntil": .text(until.description)]),
                actor: username.rawValue, osUser: nil, in: store)
            throw SignInError.locked(until: until)
        }
        guard try await hasher.verify(password, hash: stored.passwordHash) else {
            let lockout = environment.configuration.lockout
            let lockedUntil = try await store.transaction { tx -> Instant? in
                try await SignInQuery.recordFailure(username, at: now, in: tx)
                let since = now.adding(seconds: -Int64(lockout.window))
                let failures = try await SignInQuery.failures(username, since: since, tx.sql)
                try await environment.audit.record(
                    AuditEntry(
                        .signInFailed, entity: "user:" + username.rawValue, area: area,
                        detail: ["reason": "wrongPassword", "failures": .int(failures.count)]),
                    actor: username.rawValue, osUser: nil, in: tx)
                guard let until = lockout.lockedUntil(failures: failures.map(\.date), now: now.date).map(Instant.init) else { return nil }
                var locked = stored
                locked.lockedUntil = until
                try await UserQuery.update(locked, in: tx)
                try await SessionQuery.delete(username: username, in: tx)
                try await environment.audit.record(
                    AuditEntry(
                        .lockout, entity: "user:" + username.rawValue, area: area,
                        detail: ["failures": .int(failures.count), "lockedUntil": .text(until.description)]),
                    actor: username.rawValue, osUser: nil, in: tx)
                return until
            }
            if let lockedUntil { throw SignInError.locked(until: lockedUntil) }
            throw SignInError.invalidCredentials
        }
        guard !stored.user.isDisabled else {
            try await environment.audit.recordAlone(
                AuditEntry(
                    .signInFailed, entity: "user:" + username.rawValue, area: area,
                    detail: ["reason": "disabled"]),
                actor: username.rawValue, osUser: nil, in: store)
            throw SignInError.disabled
        }
        let issued = Issued(token: SessionToken.make(), csrfToken: SessionToken.make())
        let c = environment.configuration
        try await store.transaction { tx in
            if let replacing { try await SessionQuery.delete(idHash: SessionToken.storedHash(replacing), in: tx) }
            try await SessionQuery.deleteExpired(
                idleBefore: now.adding(seconds: -c.sessionIdleTimeoutSeconds),
                createdBefore: now.adding(seconds: -c.sessionAbsoluteTimeoutSeconds), in: tx)
            try await SessionQuery.insert(
                StoredSession(
                    idHash: SessionToken.storedHash(issued.token), username: username,
                    csrfToken: issued.csrfToken, createdAt: now, lastSeenAt: now), in: tx)
            try await SignInQuery.clear(username, in: tx)
            if stored.lockedUntil != nil {
                var unlocked = stored
                unlocked.lockedUntil = nil
                try await UserQuery.update(unlocked, in: tx)
            }
            try await environment.audit.record(AuditEntry(.signIn, entity: "user:" + username.rawValue, area: area), by: stored.user, in: tx)
        }
        return (stored.user, issued)
    }

    /// Ends the session (sign-out).
    public func signOut(_ active: Active) async throws {
        try await environment.store.transaction { tx in
            try await SessionQuery.delete(idHash: SessionToken.storedHash(active.token), in: tx)
            if let user = active.user {
                try await environment.audit.record(
                    AuditEntry(.signOut, entity: "user:" + user.username.rawValue, area: user.scope.code),
                    by: user, in: tx)
            }
        }
    }
}
