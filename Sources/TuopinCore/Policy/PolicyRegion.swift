/// Where a policy row applies: the whole country, or one province (2-digit GB/T 2260 code).
///
/// Thresholds change by year and often by province (REFERENCE, axiom), so every policy table is
/// keyed by year and region, and a province row overrides the national one.
public enum PolicyRegion: Hashable, Sendable, Codable, CustomStringConvertible {
    case national
    case province(String)

    /// Parses `national` or a 2-digit province code such as `43`.
    public init?(token: String) {
        if token == "national" {
            self = .national
            return
        }
        guard token.count == 2, AdminCode.provinces.contains(token) else { return nil }
        self = .province(token)
    }

    public var token: String {
        switch self {
        case .national: "national"
        case .province(let code): code
        }
    }

    public var description: String { token }

    /// The area the row applies to: the province, or nil for the whole country (scope checks).
    public var area: AdminCode? {
        switch self {
        case .national: nil
        case .province(let code): try? AdminCode(code + "0000")
        }
    }

    /// The province of an area code.
    public static func of(_ area: AdminCode) -> PolicyRegion { .province(String(area.rawValue.prefix(2))) }

    public init(from decoder: any Decoder) throws {
        let t = try decoder.singleValueContainer().decode(String.self)
        guard let r = PolicyRegion(token: t) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "policy region \(t)"))
        }
        self = r
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}
