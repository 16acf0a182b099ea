import Foundation

/// A value in an audit entry's `before`, `after` or `detail` JSON: text, a number, a flag, a
/// list or an object. Private values are masked before they become one.
public enum AuditValue: Sendable, Equatable, Encodable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case int(Int64)
    case bool(Bool)
    case list([AuditValue])
    case object([String: AuditValue])

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public static func int(_ n: Int) -> AuditValue { .int(Int64(n)) }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .int(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .list(let l): try c.encode(l)
        case .object(let o): try c.encode(o)
        }
    }

    /// Compact JSON with sorted keys, or nil for an empty object.
    static func json(_ object: [String: AuditValue]?) -> String? {
        guard let object, !object.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
