/// A sign-in name: 2–32 characters of lower-case ASCII letters, digits, `.`, `_` and `-`,
/// starting with a letter. Built only through `init`, so a held `Username` is valid.
///
/// ```swift
/// try Username("leiyang.county")   // ok
/// try Username("Li Wei")           // throws .invalidCharacter(" ")
/// ```
public struct Username: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// The built-in operator of command-line work done without `--as` (audited with the OS user).
    public static let system = Username(verified: "system")

    public enum ParseError: Error, Equatable, Sendable {
        case wrongLength(Int)
        case invalidCharacter(Character)
        case mustStartWithLetter
        /// `system` is the built-in command-line operator.
        case reserved(String)
    }

    public init(_ text: String) throws {
        let lower = text.lowercased()
        guard (2...32).contains(lower.count) else { throw ParseError.wrongLength(lower.count) }
        if let bad = lower.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0))) }) {
            throw ParseError.invalidCharacter(bad)
        }
        guard lower.first?.isLetter == true else { throw ParseError.mustStartWithLetter }
        guard lower != Self.system.rawValue else { throw ParseError.reserved(lower) }
        rawValue = lower
    }

    private init(verified: String) { rawValue = verified }

    /// A stored name, trusted as written by this system (the `system` operator included).
    public init(stored: String) { rawValue = stored }

    public var description: String { rawValue }

    public static func < (a: Username, b: Username) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
