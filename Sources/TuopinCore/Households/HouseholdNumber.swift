/// A household's registry number (户编号, `aac001`).
///
/// The national format is unknown, so any 1–32 letters, digits or hyphens are accepted; the demo
/// and new enrolments use the 12-digit village code plus a 4-digit sequence (`4304811002010001`).
public struct HouseholdNumber: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case tooLong(Int)
        case invalidCharacter(position: Int)
    }

    public init(_ text: String) throws(ParseError) {
        guard !Self.isWellFormed(text) else {
            rawValue = text
            return
        }
        guard !text.isEmpty else { throw ParseError.empty }
        for (i, b) in text.utf8.enumerated() {
            guard i < 32 else { throw ParseError.tooLong(text.count) }
            guard Self.isAllowed(b) else {
                let bad = text.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }
                throw ParseError.invalidCharacter(position: bad.map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 1)
            }
        }
        rawValue = text
    }

    /// Whether `text` is a household number: checked on its bytes (ASCII letters, digits and
    /// hyphens are one byte each), so a hot path need not build the value or its error.
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= 32 && bytes.allSatisfy(isAllowed)
    }

    private static func isAllowed(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45
    }

    /// The number for the `sequence`-th household of a village: village code + 4 digits.
    public static func make(village: AdminCode, sequence: Int) -> HouseholdNumber {
        let s = String(sequence)
        // Twelve digits and four or more: always a valid number.
        return HouseholdNumber(verified: village.statCode12 + String(repeating: "0", count: max(0, 4 - s.count)) + s)
    }

    private init(verified: String) { rawValue = verified }

    public static func < (a: HouseholdNumber, b: HouseholdNumber) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
