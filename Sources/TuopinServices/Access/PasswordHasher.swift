import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing and checking, run on NIO's blocking thread pool so a sign-in never stalls an
/// event loop (a hash at cost 12 takes a quarter of a second).
public struct PasswordHasher: Sendable {
    public let cost: UInt8

    public init(cost: UInt8) { self.cost = cost }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash of a random password, checked against when the user name is unknown so that a
    /// wrong name costs as long as a wrong password.
    static let decoy = Bcrypt.hash("decoy-\(UInt64.random(in: .min ... .max))", cost: 10)
}
