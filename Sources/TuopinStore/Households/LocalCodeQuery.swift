import SQLKit
import TuopinCore

/// The local codes an administrator added to the extensible code lists.
public enum LocalCodeQuery {
    public static func book(_ sql: any SQLDatabase) async throws -> CodeBook {
        CodeBook(try await codes(sql))
    }

    public static func codes(_ sql: any SQLDatabase) async throws -> [LocalCode] {
        try await sql.raw("SELECT list, token, name_zh, name_en, base FROM local_code ORDER BY list, token").all().map { row in
            let t = "local_code", key = row.rawText("list") + ":" + row.rawText("token")
            let list = try row.storedCode("list", as: CodeList.self, table: t, key: key)
            do {
                return try LocalCode(
                    list: list, token: try row.storedText("token", table: t, key: key),
                    label: Label(try row.storedText("name_zh", table: t, key: key), try row.storedText("name_en", table: t, key: key)),
                    base: try row.storedText("base", table: t, key: key))
            } catch {
                throw StoredValueError(table: t, column: "token", key: key, value: "\(error)")
            }
        }
    }

    /// Adds a code, or renames one (its token and base stay).
    public static func save(_ code: LocalCode, in tx: StoreTransaction) async throws {
        try await tx.sql.raw("DELETE FROM local_code WHERE list = \(bind: code.list.token) AND token = \(bind: code.token)").run()
        try await tx.sql.raw(
            """
            INSERT INTO local_code (list, token, name_zh, name_en, base)
            VALUES (\(bind: code.list.token), \(bind: code.token), \(bind: code.label.zh), \(bind: code.label.en), \(bind: code.base))
            """
        ).run()
    }
}
