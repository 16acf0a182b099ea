/// A citizen identity number (公民身份号码, GB 11643-1999) whose check character is right.
///
/// Building one normalises `x` to `X`, checks the layout (6-digit address code, birth date
/// `YYYYMMDD`, 3-digit sequence, check character) and verifies ISO 7064 MOD 11-2, so code
/// holding an `IdentityNumber` never checks it again.
///
/// ```swift
/// let id = try IdentityNumber("430481198001010013")
/// id.sex        // .male: sequence number 001 is odd
/// id.birthDate  // 1980-01-01
/// ```
///
/// - Warning: The address code is the county of registration *at the time of issue*; it may since
///   have been retired, so it is not checked against today's area codes.
public struct IdentityNumber: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Weights 2^(18−i) mod 11 for positions 1–17 (REFERENCE §5.3).
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = Array("10X98765432")

    public enum ParseError: Error, Equatable, Sendable {
        /// Not 18 characters (15-digit numbers must be upgraded first: `IdentityNumber(legacy:)`).
        case wrongLength(Int)
        /// Position (1-based) holds something other than a digit (or X in position 18).
        case notADigit(position: Int)
        /// Positions 7–14 are not a real date.
        case invalidBirthDate(String)
        /// The birth date is after the date the number is checked on.
        case birthDateInFuture(CivilDate)
        /// The MOD 11-2 check character disagrees.
        case wrongCheckCharacter(expected: Character, found: Character)
    }

    /// Parses and verifies an 18-character number.
    public init(_ text: String) throws(ParseError) {
        var bytes = Array(text.utf8)
        if bytes.count == 18 && bytes[17] == UInt8(ascii: "x") { bytes[17] = UInt8(ascii: "X") }
        guard text.count == 18 else { throw ParseError.wrongLength(text.count) }
        if bytes.count != 18 {  // a full-width digit or other non-ASCII character
            throw ParseError.notADigit(position: (text.firstIndex { !$0.isASCII }).map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 1)
        }
        for (i, b) in bytes.enumerated() where !(b >= 48 && b <= 57) && !(i == 17 && b == UInt8(ascii: "X")) {
            throw ParseError.notADigit(position: i + 1)
        }
        let digits = bytes.map { Int($0) - 48 }
        let birth = digits[6..<14].reduce(0) { $0 * 10 + $1 }
        guard CivilDate(year: birth / 10_000, month: birth / 100 % 100, day: birth % 100) != nil else {
            throw ParseError.invalidBirthDate(String(decoding: bytes[6..<14], as: UTF8.self))
        }
        var sum = 0
        for i in 0..<17 { sum += digits[i] * Self.weights[i] }
        let expected = Self.checkCharacters[sum % 11]
        let found = Character(Unicode.Scalar(bytes[17]))
        guard found == expected else { throw ParseError.wrongCheckCharacter(expected: expected, found: found) }
        rawValue = String(decoding: bytes, as: UTF8.self)
    }

    /// Upgrades a legacy 15-digit number (6 + YYMMDD + 3): inserts "19" and appends the check character.
    public init(legacy text: String) throws {
        let chars = Array(text)
        guard chars.count == 15 else { throw ParseError.wrongLength(chars.count) }
        if let bad = chars.firstIndex(where: { !($0.isASCII && $0.isNumber) }) { throw ParseError.notADigit(position: bad + 1) }
        let body = Array(String(chars[0..<6]) + "19" + String(chars[6..<15]))
        try self.init(String(body) + String(Self.checkCharacter(for: body[0..<17])))
    }

    /// The MOD 11-2 check character for 17 digits.
    public static func checkCharacter(for digits: ArraySlice<Character>) -> Character {
        checkCharacter(utf8: digits.map { $0.asciiValue ?? 48 })
    }

    static func checkCharacter(utf8 digits: [UInt8]) -> Character {
        var sum = 0
        for i in 0..<17 { sum += (Int(digits[i]) - 48) * weights[i] }
        return checkCharacters[sum % 11]
    }

    /// Builds a valid number from its parts: the check character is computed.
    ///
    /// ```swift
    /// IdentityNumber.make(address: "430481", birthDate: CivilDate(year: 1980, month: 1, day: 1)!, sequence: 1)
    /// // 430481198001010013
    /// ```
    public static func make(address: String, birthDate: CivilDate, sequence: Int) -> IdentityNumber {
        precondition(address.utf8.count == 6 && (0...999).contains(sequence))
        var bytes = Array(address.utf8)
        func append(_ n: Int, width: Int) {
            var d = [UInt8]()
            var v = n
            for _ in 0..<width {
                d.append(UInt8(48 + v % 10))
                v /= 10
            }
            bytes += d.reversed()
        }
        append(birthDate.year, width: 4)
        append(birthDate.month, width: 2)
        append(birthDate.day, width: 2)
        append(sequence, width: 3)
        bytes.append(checkCharacter(utf8: bytes).asciiValue!)
        return IdentityNumber(verified: String(decoding: bytes, as: UTF8.self))
    }

    /// A number already known to be valid (built by `make`).
    private init(verified: String) { rawValue = verified }

    /// The 6-digit address code of the county of registration at the time of issue.
    public var addressCode: String { String(rawValue.prefix(6)) }

    public var birthDate: CivilDate {
        let n = number(6..<14)
        return CivilDate(year: n / 10_000, month: n / 100 % 100, day: n % 100)!
    }

    /// The 3-digit sequence number: odd for men, even for women.
    public var sequence: Int { number(14..<17) }

    private func number(_ range: Range<Int>) -> Int {
        Array(rawValue.utf8)[range].reduce(0) { $0 * 10 + Int($1) - 48 }
    }

    public var sex: Sex { sequence % 2 == 1 ? .male : .female }

    /// Whole years of age on `date` (DQ-002 is `verify(on:)`).
    public func age(on date: CivilDate) -> Int { birthDate.age(on: date) }

    /// Checks the number against a day: the birth date may not be in the future (DQ-002).
    public func verify(on date: CivilDate) throws {
        if birthDate > date { throw ParseError.birthDateInFuture(birthDate) }
    }

    /// The number with the birth date hidden, for lists, logs and exports: `430481********0013`.
    public var masked: String { String(rawValue.prefix(6)) + "********" + String(rawValue.suffix(4)) }

    public var description: String { masked }
}
