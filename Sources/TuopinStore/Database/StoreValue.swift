import SQLKit
import SQLiteNIO

/// A value bound into a bulk statement: the few column types the schema uses.
public enum StoreValue: Sendable, Encodable, Equatable {
    case int(Int64)
    case text(String)
    case bool(Bool)
    case null

    public static func int(_ v: Int) -> StoreValue { .int(Int64(v)) }
    public static func text(_ v: String?) -> StoreValue { v.map { .text($0) } ?? .null }
    public static func int(_ v: Int?) -> StoreValue { v.map { .int(Int64($0)) } ?? .null }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let v): try c.encode(v)
        case .text(let v): try c.encode(v)
        case .bool(let v): try c.encode(v)
        case .null: try c.encodeNil()
        }
    }

    /// The SQLite form, for the SQLite bulk path.
    var sqliteData: SQLiteData {
        switch self {
        case .int(let v): .integer(Int(v))
        case .text(let v): .text(v)
        case .bool(let v): .integer(v ? 1 : 0)
        case .null: .null
        }
    }
}
