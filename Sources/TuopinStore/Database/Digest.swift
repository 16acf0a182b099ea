import Crypto
import Foundation

/// SHA-256 as lower-case hex: audit-entry hashes, stored session ids, imported-file digests.
public enum Digest {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func sha256Hex(_ data: some DataProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }
}

/// SHA-256 over data that arrives in pieces (a file read block by block).
public struct StreamingDigest: Sendable {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ data: Data) { hasher.update(data: data) }

    /// The hex digest of everything so far.
    public var hex: String {
        let bytes = Data(hasher.finalize())
        return Digest.sha256Hex(rawBytes: bytes)
    }
}

extension Digest {
    /// Hex of bytes that already are a digest.
    static func sha256Hex(rawBytes: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in rawBytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
