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
