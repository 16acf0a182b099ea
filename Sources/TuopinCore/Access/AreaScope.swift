/// Where a user may look and act: one area and everything inside it, or the whole registry.
///
/// Scope is an administrative-code prefix (DESIGN "Who uses it"). A record outside the scope is
/// never shown, exported or changed; a record without an area is outside every area scope.
///
/// ```swift
/// let leiyang = AreaScope.area(try AdminCode("430481"))
/// leiyang.contains(try AdminCode("430481100201"))  // true
/// leiyang.contains(try AdminCode("430424"))        // false
/// AreaScope(token: "all")                          // .everywhere
/// ```
public enum AreaScope: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The whole registry (system operator, administrators, registry-wide inspectors).
    case everywhere
    case area(AdminCode)

    /// The token for the whole registry in files, the database and the command line.
    public static let everywhereToken = "all"

    /// Parses `all` or an area code; nil when the text is neither.
    public init?(token: String) {
        if token == Self.everywhereToken {
            self = .everywhere
            return
        }
        guard let code = try? AdminCode(token) else { return nil }
        self = .area(code)
    }

    public var token: String {
        switch self {
        case .everywhere: Self.everywhereToken
        case .area(let code): code.rawValue
        }
    }

    public var description: String { token }

    /// The area code, or nil for the whole registry.
    public var code: AdminCode? {
        if case .area(let code) = self { return code }
        return nil
    }

    /// Whether `area` lies inside the scope. `nil` is a registry-wide object (a national policy
    /// row, a user without an area): only the whole-registry scope contains it.
    public func contains(_ area: AdminCode?) -> Bool {
        switch self {
        case .everywhere: true
        case .area(let mine): area.map(mine.contains) ?? false
        }
    }

    /// Whether every area of `other` lies inside this scope.
    public func covers(_ other: AreaScope) -> Bool {
        switch other {
        case .everywhere: self == .everywhere
        case .area(let code): contains(code)
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let scope = AreaScope(token: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a scope: \(text)"))
        }
        self = scope
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}
