import Foundation
import SQLKit
import TuopinCore

/// Imports a folder of registry CSV files: read, validate every row, then commit the good rows
/// in one transaction, or nothing when `commitPartial` is false and any row was rejected.
public enum RegistryImport {
    public enum ReadError: Error, Equatable, Sendable {
        /// The folder does not exist or holds none of the registry files.
        case noFiles(String)
        /// A file is not UTF-8 text.
        case unreadable(String)
    }

    /// Reads and validates; nothing is written.
    public static func validate(directory: URL, store: Store) async throws -> ImportOutcome {
        var tables: [RegistryFile: CSVTable] = [:]
        var rejections: [ImportRejection] = []
        for file in RegistryFile.allCases {
            let url = directory.appendingPathComponent(file.fileName)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                throw ReadError.unreadable(file.fileName)
            }
            let (table, problems) = CSVTable.read(text, as: file)
            rejections += problems
            if let table { tables[file] = table }
        }
        guard !tables.isEmpty || !rejections.isEmpty else { throw ReadError.noFiles(directory.path) }
        let existing = try await existingKeys(store.sql)
        var parser = ImportParser(existing: existing.keys, existingAreaKinds: existing.kinds)
        parser.run(tables)
        return ImportOutcome(batch: parser.batch, rejections: (rejections + parser.rejections).sorted { ($0.file, $0.line) < ($1.file, $1.line) },
                             readRows: parser.readRows)
    }

    static func existingKeys(_ sql: any SQLDatabase) async throws -> (keys: ExistingKeys, kinds: [String: AreaKind]) {
        var kinds: [String: AreaKind] = [:]
        for row in try await sql.raw("SELECT code, kind FROM area").all() {
            kinds[try row.decode(column: "code", as: String.self)] = AreaKind(token: try row.decode(column: "kind", as: String.self)) ?? .village
        }
        let households = Set(try await sql.raw("SELECT household_number FROM household").all()
            .map { try $0.decode(column: "household_number", as: String.self) })
        let identities = Set(try await sql.raw("SELECT id_type, id_number FROM member").all()
            .map { try $0.decode(column: "id_type", as: String.self) + "|" + $0.decode(column: "id_number", as: String.self) })
        return (ExistingKeys(areaCodes: Set(kinds.keys), households: households, identities: identities), kinds)
    }

    /// Writes an accepted batch in one transaction.
    public static func commit(_ batch: ImportBatch, to store: Store) async throws {
        try await RegistryWriter.write(batch, to: store)
    }

    /// The rejected rows as a CSV file: where, why (worded by the caller) and the row as read.
    public static func rejectedRowsCSV(_ rejections: [ImportRejection], wording: (ImportRejection) -> String) -> String {
        var lines = [CSVText.line(["file", "line", "field", "reason", "row"])]
        for r in rejections {
            lines.append(CSVText.line([r.file.fileName, String(r.line), r.field ?? "", wording(r), CSVText.line(r.fields)]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
