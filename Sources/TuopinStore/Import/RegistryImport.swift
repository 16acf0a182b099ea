import Foundation
import SQLKit
import TuopinCore

/// Imports a folder of registry CSV files (docs/CSV-FORMAT.md), reading each file once, in
/// chunks, so memory stays the same whatever their size:
///
/// 1. `run`, inside the caller's write transaction (the service's, with its audit entry): every
///    field parsed, every row held to the rules of Core, the keys a chunk names looked up in the
///    registry, the accepted rows written; then each household held to the rules on its whole
///    history and membership, and the rows of households rejected late taken out again. When
///    the import may not commit, `run` throws `NotCommitted`, so the transaction rolls back.
/// 2. `report`, after the transaction: reads again just the rows that were rejected after they
///    were written, to report them with the row as read.
///
/// Every rejection goes to the caller's sink as it is found; a household with any rejected row
/// of its own is rejected whole, with all its rows.
///
/// ```swift
/// let (outcome, pending) = try await store.transaction { tx in
///     try await RegistryImport.run(directory: folder, in: tx, today: today, partial: false)
/// }
/// let late = try RegistryImport.report(pending, directory: folder)
/// ```
public enum RegistryImport {
    public typealias RejectionSink = @Sendable (ImportRejection) -> Void
    /// Receives the bytes of the folder's files read so far, and their total, as the files are read.
    public typealias ProgressSink = @Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void

    public enum ReadError: Error, Equatable, Sendable {
        /// The folder holds none of the registry files.
        case noFiles(String)
        /// There is no folder at the path (nothing, or a file).
        case notAFolder(String)
    }

    public enum ImportError: Error, Equatable, Sendable {
        /// The registry gained a household, person or profile this import also adds while the
        /// import ran (another import at the same time, on PostgreSQL); nothing was written.
        case registryChanged
    }

    /// The import found rows it may not commit (or nothing to commit): thrown out of the
    /// transaction so it rolls back, with what the import found.
    public struct NotCommitted: Error, Sendable {
        public var outcome: ImportOutcome
        public var pending: PendingReport

        /// Also thrown by a caller that only checks a folder, to roll its transaction back.
        public init(outcome: ImportOutcome, pending: PendingReport) {
            self.outcome = outcome
            self.pending = pending
        }
    }

    /// Imports the folder inside `tx`. Rows for areas outside `scope` are rejected; `today`
    /// bounds dates. With `partial`, the households without a fault are committed even when
    /// others are rejected.
    public static func run(
        directory: URL, in tx: StoreTransaction, scope: AreaScope = .everywhere, today: CivilDate, partial: Bool,
        sink: RejectionSink? = nil, progress: ProgressSink? = nil
    ) async throws -> (ImportOutcome, PendingReport) {
        try checkFolder(directory)
        let importRun = ImportRun(directory: directory, tx: tx, scope: scope, today: today, sink: sink, progress: progress)
        // The import writes with the projection's triggers paused, writes its households'
        // projected rows from what it read, and recounts the counties it wrote to before the
        // transaction commits.
        let pending = try await RegistryProjection.pausedWritingCurrentRows(counties: importRun.outcome.counties, in: tx) {
            try await importRun.run()
        }
        var outcome = importRun.outcome
        // Every row already in the registry as it is (areas imported again, say) is a success
        // that writes nothing, not a refusal with no fault to name.
        let allKnown = outcome.written == 0 && outcome.unchangedRows > 0 && outcome.rejectedRows == 0
        guard !outcome.fatal, outcome.written > 0 || allKnown, outcome.rejectedRows == 0 || partial else {
            outcome.writtenRows = [:]
            throw NotCommitted(outcome: outcome, pending: pending)
        }
        outcome.committed = true
        return (outcome, pending)
    }

    /// Throws unless `directory` is a folder holding at least one format file: a caller may ask
    /// before it opens (and so creates) a database.
    public static func checkFolder(_ directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReadError.notAFolder(directory.path)
        }
        guard RegistryFile.allCases.contains(where: { ImportRun.present($0, in: directory) }) else { throw ReadError.noFiles(directory.path) }
    }

    /// Reads again the rows `pending` names and reports each with its reasons and the row as read:
    /// the rows with reasons found late, and each row of a household rejected after rows of it
    /// were written that was not reported already.
    @discardableResult
    public static func report(_ pending: PendingReport, directory: URL, sink: RejectionSink? = nil) -> [ImportRejection] {
        var found: [ImportRejection] = []
        for file in RegistryFile.allCases {
            let late = pending.rows[file] ?? [:]
            let byHousehold = !pending.households.isEmpty && file.isHouseholdOwned
            guard !late.isEmpty || byHousehold, case .success(let handle)? = ImportRun.open(file, in: directory) else { continue }
            defer { try? handle.close() }
            var reader = CSVReader(handle: handle, maximumFieldBytes: ImportLimits.fieldBytes, maximumFields: ImportLimits.fieldsPerRow)
            var header: ImportHeader?
            let reported = pending.reported[file] ?? []
            while let item = reader.next() {
                // The first record is the header, as the import read it.
                guard case .record(let record) = item, let header else {
                    switch item {
                    case .record(let r) where header == nil: header = ImportHeader(r.fields, file: file)
                    case .spoiled(_, let fields, _) where header == nil: header = ImportHeader(fields, file: file)
                    default: break
                    }
                    continue
                }
                let numberColumn = header.index["household_number"]
                var reasons = late[record.row]
                if reasons == nil, byHousehold, !reported.contains(record.row), let column = numberColumn, column < record.fields.count {
                    let number = record.fields[column].trimmingCharacters(in: .whitespaces)
                    if pending.households.contains(number) {
                        reasons = [LateRejection(field: "household_number", reason: .householdRejected(number))]
                    }
                }
                for r in reasons ?? [] {
                    let rejection = ImportRejection(file: file, line: record.row, field: r.field, reason: r.reason, fields: record.fields)
                    if found.count < ImportOutcome.keptRejections { found.append(rejection) }
                    sink?(rejection)
                }
            }
        }
        return found
    }

    /// The columns of the rejected-rows file.
    public static let rejectedRowsHeader = ["file", "line", "field", "reason", "row"]

    /// One line of the rejected-rows file: where, why (worded by the caller) and the row as read.
    public static func rejectedRowLine(_ r: ImportRejection, wording: String) -> String {
        CSVText.line([r.file.fileName, String(r.line), r.field ?? "", CSVText.neutralized(wording), CSVText.neutralized(CSVText.line(r.fields))])
    }
}
