import Foundation
import TuopinStore

/// Random tokens for session ids and CSRF tokens: 32 bytes from the system's secure generator,
/// base64url without padding (43 characters). Only the SHA-256 of a session id is stored.
public enum SessionToken {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What the database keeps of a session id.
    public static func storedHash(_ token: String) -> String { Digest.sha256Hex(token) }

    /// Compares two tokens in time that does not depend on where they differ.
    public static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
