import Foundation
import SQLKit
import TuopinCore

/// Imports a folder of registry CSV files (docs/CSV-FORMAT.md) in two passes over the files,
/// so memory stays the same whatever their size:
///
/// 1. `validate` reads every file once, in a read snapshot: each field parsed, each row held to
///    the rules of Core, each household to the rules on its whole history and membership, and
///    the keys the files name looked up in the registry. Nothing is written.
/// 2. `write` reads them again inside the caller's transaction (the service's, with its audit
///    entry) and writes the accepted rows; `report` reads them to report, without writing.
///
/// Every rejection goes to the caller's sink as it is found; a household with any rejected row
/// of its own is rejected whole, with all its rows.
///
/// ```swift
/// let plan = try await store.read { try await RegistryImport.validate(directory: folder, reader: $0, today: today) }
/// guard plan.canCommit(partial: false) else { … }
/// try await store.transaction { tx in _ = try await RegistryImport.write(plan, in: tx) }
/// ```
public enum RegistryImport {
    public typealias RejectionSink = @Sendable (ImportRejection) -> Void

    public enum ReadError: Error, Equatable, Sendable {
        /// The folder does not exist or holds none of the registry files.
        case noFiles(String)
    }

    public enum ImportError: Error, Equatable, Sendable {
        /// A file changed between the two passes; nothing was written.
        case fileChanged(String)
        /// The registry gained a household, person or profile the import also adds while the
        /// import ran (another import at the same time); nothing was written.
        case registryChanged
    }

    /// The first pass. Rows for areas outside `scope` are rejected; `today` bounds dates.
    public static func validate(
        directory: URL, reader: StoreReader, scope: AreaScope = .everywhere, today: CivilDate,
        sink: RejectionSink? = nil
    ) async throws -> ImportPlan {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
            RegistryFile.allCases.contains(where: { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0.fileName).path) })
        else { throw ReadError.noFiles(directory.path) }
        var v = ImportValidator(directory: directory, scope: scope, today: today, sink: sink)
        let areas = v.readAreas()
        let codes = Set(areas.flatMap { [$0.area.code.rawValue] + ($0.area.code.parent.map { [$0.rawValue] } ?? []) })
        v.resolveAreas(areas, existing: try await ImportKeysQuery.areaKinds(Array(codes), reader.sql))
        v.readAreaEvents()
        v.readProfiles()
        v.readHouseholds()
        v.readStatusEvents()
        v.readMembers()
        v.readIncomes()
        try await v.checkAreaReferences(reader.sql)
        try await v.checkRegistry(reader.sql)
        v.checkHouseholds()
        if v.plan.readRows == 0 && !v.plan.fatal {
            v.plan.record(
                ImportRejection(
                    file: RegistryFile.allCases.first { f in v.plan.files.contains { $0.file == f.fileName } } ?? .households,
                    line: 0, field: nil, reason: .noRows), sink: sink)
        }
        return v.plan
    }

    /// What the second pass did: rows written (or that would be) per file, and the rejections
    /// it reported (rows of rejected households, and rows decided against after the first pass).
    public struct WriteResult: Sendable {
        public var rows: [RegistryFile: Int]
        public var rejections: [ImportRejection]
        /// Rows not written because their household was rejected (reported in `rejections`).
        public var cascadedRows: Int

        public var total: Int { rows.values.reduce(0, +) }
    }

    /// The second pass, writing the rows `plan` accepts in `tx`.
    public static func write(_ plan: ImportPlan, in tx: StoreTransaction, sink: RejectionSink? = nil) async throws -> WriteResult {
        let writer = ImportWriter(plan: plan, sink: sink)
        do { try await writer.run(tx) } catch let error as ImportError {
            throw error
        } catch let error as StoredValueError {
            throw error
        } catch {
            // A unique key taken since the first pass looked (the only database error the checks
            // leave possible).
            throw ImportError.registryChanged
        }
        return WriteResult(rows: writer.counts, rejections: writer.rejections, cascadedRows: writer.cascadedRows)
    }

    /// The second pass without writing: reports the rows of rejected households and the late
    /// rejections with their rows, for a refused import.
    public static func report(_ plan: ImportPlan, sink: RejectionSink? = nil) async throws -> WriteResult {
        let writer = ImportWriter(plan: plan, sink: sink)
        try await writer.run(nil)
        return WriteResult(rows: writer.counts, rejections: writer.rejections, cascadedRows: writer.cascadedRows)
    }

    /// The columns of the rejected-rows file.
    public static let rejectedRowsHeader = ["file", "line", "field", "reason", "row"]

    /// One line of the rejected-rows file: where, why (worded by the caller) and the row as read.
    public static func rejectedRowLine(_ r: ImportRejection, wording: String) -> String {
        CSVText.line([r.file.fileName, String(r.line), r.field ?? "", wording, CSVText.line(r.fields)])
    }
}
