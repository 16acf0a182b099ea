/// An administrative-area code: GB/T 2260 for province, city and county (6 digits) and the NBS
/// statistical code below it: township (9 digits) and village (12 digits) (REFERENCE §5.1–5.2).
///
/// Building one checks the digits, the province and that no part below the level is zero; the
/// 12-digit padded form the NBS also uses (`430481000000`) is shortened to its level
/// (`430481`). A valid code knows its level and its parents.
///
/// ```swift
/// let village = try AdminCode("430481100201")
/// village.level            // .village
/// village.county?.rawValue // "430481"
/// village.chain.map(\.rawValue) // ["430000", "430400", "430481", "430481100", "430481100201"]
/// ```
public struct AdminCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String
    public let level: AreaLevel

    /// GB/T 2260 province-level codes (first two digits).
    static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ]

    public enum ParseError: Error, Equatable, Sendable {
        /// Codes have 6, 9 or 12 digits.
        case wrongLength(Int)
        /// Position (1-based) is not a digit.
        case notADigit(position: Int)
        /// The first two digits are not a GB/T 2260 province.
        case unknownProvince(String)
        /// A code whose county part is `00` but whose lower parts are not zero (e.g. `430400001`).
        case missingLevel(AreaLevel)
    }

    public init(_ text: String) throws(ParseError) {
        // Read on the bytes: a code is ASCII digits, and imports parse millions of them.
        var digits = Array(text.utf8)
        guard [6, 9, 12].contains(digits.count) else {
            throw ParseError.wrongLength(digits.allSatisfy { $0 < 0x80 } ? digits.count : text.count)
        }
        if let bad = digits.firstIndex(where: { $0 < 48 || $0 > 57 }) { throw ParseError.notADigit(position: bad + 1) }
        // Shorten the padded 12/9-digit forms to the significant level.
        while digits.count > 6, digits[digits.count - 3] == 48, digits[digits.count - 2] == 48, digits[digits.count - 1] == 48 {
            digits.removeLast(3)
        }
        func pair(_ i: Int) -> UInt8 { (digits[i] - 48) * 10 + (digits[i + 1] - 48) }
        let province = String(decoding: digits[0..<2], as: UTF8.self)
        guard Self.provinces.contains(province) else { throw ParseError.unknownProvince(province) }
        let cityPart = pair(2), countyPart = pair(4)
        switch digits.count {
        case 12: level = .village
        case 9: level = .township
        default:
            if cityPart == 0 && countyPart == 0 { level = .province } else if countyPart == 0 { level = .city } else { level = .county }
        }
        if digits.count > 6 {
            if countyPart == 0 { throw ParseError.missingLevel(.county) }
            if digits.count == 12 && digits[6] == 48 && digits[7] == 48 && digits[8] == 48 { throw ParseError.missingLevel(.township) }
        }
        if level == .county && cityPart == 0 { throw ParseError.missingLevel(.city) }
        rawValue = String(decoding: digits, as: UTF8.self)
    }

    /// A code known to be valid (a prefix of a valid code, at its level).
    private init(verified: String, level: AreaLevel) {
        rawValue = verified
        self.level = level
    }

    /// The code one level up, or nil for a province. A county directly under a province
    /// (city part `90`, 省直辖县级行政单位) has the province as parent.
    public var parent: AdminCode? {
        switch level {
        case .province: return nil
        case .city: return try? AdminCode(String(rawValue.prefix(2)) + "0000")
        case .county:
            let city = String(rawValue.prefix(4))
            return try? AdminCode(city.hasSuffix("90") ? String(rawValue.prefix(2)) + "0000" : city + "00")
        case .township: return AdminCode(verified: String(rawValue.prefix(6)), level: .county)
        case .village: return AdminCode(verified: String(rawValue.prefix(9)), level: .township)
        }
    }

    /// From the province down to this code.
    public var chain: [AdminCode] {
        var result = [self]
        while let up = result[0].parent { result.insert(up, at: 0) }
        return result
    }

    /// The county (6 digits) a township or village belongs to; the code itself for a county.
    public var county: AdminCode? {
        level >= .county ? (level == .county ? self : AdminCode(verified: String(rawValue.prefix(6)), level: .county)) : nil
    }

    /// The leading digits every code inside this area starts with: `43` for Hunan, `4304` for
    /// Hengyang, `430481` for Leiyang. Used for scope and area filters.
    public var prefix: String {
        switch level {
        case .province: String(rawValue.prefix(2))
        case .city: String(rawValue.prefix(4))
        default: rawValue
        }
    }

    /// Whether `other` is this area or lies inside it.
    public func contains(_ other: AdminCode) -> Bool {
        other.level >= level && other.rawValue.hasPrefix(prefix)
    }

    /// The township part's kind by the NBS ranges: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 units.
    public var townshipKind: TownshipKind? {
        guard level >= .township, let n = Int(String(Array(rawValue)[6..<9])) else { return nil }
        return TownshipKind(number: n)
    }

    /// The 12-digit NBS form (`statCode12`), padded with zeros.
    public var statCode12: String { rawValue + String(repeating: "0", count: 12 - rawValue.count) }

    public static func < (lhs: AdminCode, rhs: AdminCode) -> Bool { lhs.statCode12 < rhs.statCode12 }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The kind of a township-level unit, read from its 3-digit NBS number (REFERENCE §5.2).
public enum TownshipKind: String, CodeListValue, Codable {
    case subdistrict
    case town
    case township
    case enterpriseUnit

    init?(number: Int) {
        switch number {
        case 1...99: self = .subdistrict
        case 100...199: self = .town
        case 200...399: self = .township
        case 400...599: self = .enterpriseUnit
        default: return nil
        }
    }

    public var label: Label {
        switch self {
        case .subdistrict: Label("街道", "subdistrict")
        case .town: Label("镇", "town")
        case .township: Label("乡", "township")
        case .enterpriseUnit: Label("政企合一单位", "government-enterprise unit")
        }
    }
}
