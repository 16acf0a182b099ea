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

    /// The highest area of the registry at the first of `levels` that has one (the city a
    /// prefecture registry is built for, else its province, else its first county).
    public static func top(_ sql: any SQLDatabase, levels: [AreaLevel] = [.city, .province, .county]) async throws -> Area? {
        for level in levels {
            if let row = try await sql.raw("SELECT code, name, kind FROM area WHERE level = \(bind: level.token) ORDER BY code").first() {
                return try decode(row)
            }
        }
        return nil
    }

    /// Every area code in the database (for validating imports).
    public static func allCodes(_ sql: any SQLDatabase) async throws -> Set<String> {
        Set(try await sql.raw("SELECT code FROM area").all().map { try $0.decode(column: "code", as: String.self) })
    }

    static func decode(_ row: any SQLRow) throws -> Area {
        let key = row.rawText("code")
        let code = try row.storedAdminCode("code", table: "area", key: key)
        let kind = try row.storedCode("kind", as: AreaKind.self, table: "area", key: key)
        guard kind.level == code.level else { throw StoredValueError(table: "area", column: "kind", key: key, value: kind.token) }
        return Area(code: code, name: try row.storedText("name", table: "area", key: key), kind: kind)
    }
}

extension AreaQuery {
    /// The areas at the top of the registry (those without a parent in it), by code.
    public static func roots(_ sql: any SQLDatabase) async throws -> [Area] {
        try await sql.raw(
            """
            SELECT a.code, a.name, a.kind FROM area a
            WHERE NOT EXISTS (SELECT 1 FROM area p WHERE p.code = a.parent_code) ORDER BY a.code
            """
        ).all().map(decode)
    }
}
