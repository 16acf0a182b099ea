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

    public init(_ text: String) throws {
        guard !text.isEmpty else { throw ParseError.empty }
        guard text.count <= 32 else { throw ParseError.tooLong(text.count) }
        if let bad = text.firstIndex(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
            throw ParseError.invalidCharacter(position: text.distance(from: text.startIndex, to: bad) + 1)
        }
        rawValue = text
    }

    /// The number for the `sequence`-th household of a village: village code + 4 digits.
    public static func make(village: AdminCode, sequence: Int) -> HouseholdNumber {
        let s = String(sequence)
        return try! HouseholdNumber(village.statCode12 + String(repeating: "0", count: max(0, 4 - s.count)) + s)
    }

    public static func < (a: HouseholdNumber, b: HouseholdNumber) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
