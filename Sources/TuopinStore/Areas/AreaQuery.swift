import SQLKit
import TuopinCore

/// Looks up areas by code and lists an area's children.
public enum AreaQuery {
    public static func area(_ sql: any SQLDatabase, code: AdminCode) async throws -> Area? {
        try await sql.raw("SELECT code, name, kind FROM area WHERE code = \(bind: code.rawValue)").first().map(decode)
    }

    public static func children(_ sql: any SQLDatabase, of code: AdminCode) async throws -> [Area] {
        try await sql.raw("SELECT code, name, kind FROM area WHERE parent_code = \(bind: code.rawValue) ORDER BY code").all().map(decode)
    }

    /// Every area code in the database (for validating imports).
    public static func allCodes(_ sql: any SQLDatabase) async throws -> Set<String> {
        Set(try await sql.raw("SELECT code FROM area").all().map { try $0.decode(column: "code", as: String.self) })
    }

    static func decode(_ row: any SQLRow) throws -> Area {
        let code = try AdminCode(try row.decode(column: "code", as: String.self))
        let kind = AreaKind(token: try row.decode(column: "kind", as: String.self)) ?? .village
        return Area(code: code, name: try row.decode(column: "name", as: String.self), kind: kind)
    }
}
