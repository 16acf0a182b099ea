import Foundation
import SQLKit
import TuopinCore

/// Reads and validates a folder of registry CSV files (staged import: parse → validate →
/// report). The service commits the good rows with `RegistryWriter` in its own transaction,
/// together with the import's audit entry.
public enum RegistryImport {
    public enum ReadError: Error, Equatable, Sendable {
        /// The folder does not exist or holds none of the registry files.
        case noFiles(String)
        /// A file is not UTF-8 text.
        case unreadable(String)
    }

    /// Reads and validates; nothing is written. Rows for areas outside `scope` are rejected.
    public static func validate(directory: URL, reader: StoreReader, scope: AreaScope = .everywhere) async throws -> ImportOutcome {
        var tables: [RegistryFile: CSVTable] = [:]
        var rejections: [ImportRejection] = []
        var files: [ImportedFile] = []
        for file in RegistryFile.allCases {
            let url = directory.appendingPathComponent(file.fileName)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                throw ReadError.unreadable(file.fileName)
            }
            files.append(ImportedFile(file: file, bytes: data.count, sha256: Digest.sha256Hex(data)))
            let (table, problems) = CSVTable.read(text, as: file)
            rejections += problems
            if let table { tables[file] = table }
        }
        guard !tables.isEmpty || !rejections.isEmpty else { throw ReadError.noFiles(directory.path) }
        let existing = try await existingKeys(reader.sql)
        var parser = ImportParser(existing: existing.keys, existingAreaKinds: existing.kinds, scope: scope)
        parser.run(tables)
        return ImportOutcome(
            batch: parser.batch, rejections: (rejections + parser.rejections).sorted { ($0.file, $0.line) < ($1.file, $1.line) },
            readRows: parser.readRows, files: files)
    }

    static func existingKeys(_ sql: any SQLDatabase) async throws -> (keys: ExistingKeys, kinds: [String: AreaKind]) {
        var kinds: [String: AreaKind] = [:]
        for row in try await sql.raw("SELECT code, kind FROM area").all() {
            let code = try row.storedText("code", table: "area", key: row.rawText("code"))
            kinds[code] = try row.storedCode("kind", as: AreaKind.self, table: "area", key: code)
        }
        let households = Set(
            try await sql.raw("SELECT household_number FROM household").all()
                .map { try $0.decode(column: "household_number", as: String.self) })
        let identities = Set(
            try await sql.raw("SELECT id_type, id_number FROM member").all()
                .map { try $0.decode(column: "id_type", as: String.self) + "|" + $0.decode(column: "id_number", as: String.self) })
        return (ExistingKeys(areaCodes: Set(kinds.keys), households: households, identities: identities), kinds)
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
