import SQLKit

/// A table as the database's own catalogue describes it: its columns with the kind of value
/// each holds, and its primary key (what a copy pages by). Read, not declared, so that a
/// migration adding a column needs no change here.
struct TableShape: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case int, text, bool
    }

    let name: String
    let columns: [(name: String, kind: Kind)]
    let primaryKey: [String]

    static func == (a: TableShape, b: TableShape) -> Bool {
        a.name == b.name && a.primaryKey == b.primaryKey && a.columns.map(\.name) == b.columns.map(\.name)
            && a.columns.map(\.kind) == b.columns.map(\.kind)
    }

    var bulkTable: BulkTable { BulkTable(name, columns.map(\.name)) }

    /// The schema's declared types (`INTEGER`, `BIGINT`, `BOOLEAN`, `TEXT`; PostgreSQL's
    /// catalogue spells them in lower case) as the values a bulk load binds.
    static func kind(ofDeclared type: String) -> Kind {
        let t = type.lowercased()
        if t.contains("int") { return .int }
        if t.contains("bool") { return .bool }
        return .text
    }

    /// Catalogue names are interpolated into statements: only plain lower-case identifiers pass.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= 0x61 && first <= 0x7A || first == 0x5F else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F } && name.utf8.count <= 63
    }

    enum ShapeError: Error, Equatable {
        /// The table is not in the database, has no primary key, or has a name that is not a plain identifier.
        case unusable(table: String)
    }

    /// Reads `table`'s shape from the catalogue of the database `sql` talks to.
    static func read(_ table: String, _ sql: any SQLDatabase, dialect: StoreDialect) async throws -> TableShape {
        guard isPlainIdentifier(table) else { throw ShapeError.unusable(table: table) }
        var columns: [(String, Kind)] = []
        var key: [(Int, String)] = []
        switch dialect {
        case .sqlite:
            for row in try await sql.raw("SELECT name, type, pk FROM pragma_table_info(\(bind: table)) ORDER BY cid").all() {
                let name = try row.decode(column: "name", as: String.self)
                columns.append((name, kind(ofDeclared: try row.decode(column: "type", as: String.self))))
                let pk = try row.decode(column: "pk", as: Int.self)
                if pk > 0 { key.append((pk, name)) }
            }
        case .postgres:
            for row in try await sql.raw(
                """
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """
            ).all() {
                columns.append(
                    (try row.decode(column: "column_name", as: String.self), kind(ofDeclared: try row.decode(column: "data_type", as: String.self))))
            }
            for row in try await sql.raw(
                """
                SELECT a.attname AS name, array_position(i.indkey::int2[], a.attnum) AS position
                FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indisprimary AND i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(\(bind: table)))::regclass
                """
            ).all() {
                key.append((try row.decode(column: "position", as: Int.self), try row.decode(column: "name", as: String.self)))
            }
        }
        let primaryKey = key.sorted { $0.0 < $1.0 }.map(\.1)
        guard !columns.isEmpty, !primaryKey.isEmpty, columns.allSatisfy({ isPlainIdentifier($0.0) }) else {
            throw ShapeError.unusable(table: table)
        }
        return TableShape(name: table, columns: columns.map { (name: $0.0, kind: $0.1) }, primaryKey: primaryKey)
    }

    /// The values of one row, in column order.
    func values(of row: any SQLRow) throws -> [StoreValue] {
        try columns.map { column in
            if try row.decodeNil(column: column.name) { return .null }
            switch column.kind {
            case .int: return .int(try row.decode(column: column.name, as: Int64.self))
            case .bool: return .bool(try row.decode(column: column.name, as: Bool.self))
            case .text: return .text(try row.decode(column: column.name, as: String.self))
            }
        }
    }
}
