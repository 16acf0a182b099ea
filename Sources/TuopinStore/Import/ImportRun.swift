import Foundation
import SQLKit
import TuopinCore

/// One import, in one pass over the files inside the caller's write transaction: each row's
/// fields are parsed (`ImportRows`) and held to the rules of Core; accepted rows wait in chunks
/// for the keyed registry lookups their keys need, then are written. When the files are read,
/// the rules on each household's whole history and membership run, and the rows of every
/// household rejected after some of its rows were written are deleted again. The caller
/// commits, or rolls back when the import may not commit; nothing is visible before.
final class ImportRun {
    let directory: URL
    let tx: StoreTransaction
    let scope: AreaScope
    let today: CivilDate
    let sink: RegistryImport.RejectionSink?
    let progress: RegistryImport.ProgressSink?
    var outcome = ImportOutcome()
    /// The bytes of the folder's files, and of the files read whole so far (for `progress`).
    let totalBytes: Int
    var bytesDone = 0

    var householdIndex: [String: Int32] = [:]
    var households: [HouseholdEntry] = []
    /// Everyone read from members.csv, until it is read whole.
    var people = PeopleTable()
    /// The further spans of people who moved between households.
    var movers: [IdentityKey: [PersonSpan]] = [:]
    var areaKinds: [String: AreaKind] = [:]
    /// Codes the registry was asked about and does not hold.
    var missingAreas: Set<String> = []
    var newAreas: Set<String> = []
    var existingProfiles: [String: Set<String>] = [:]
    var existingAreaEvents: [String: Set<String>] = [:]
    /// Rejections decided after the rows were read, by file and row.
    var late: [RegistryFile: [Int: [LateRejection]]] = [:]
    /// Whether the registry holds anyone (an empty one needs no ID lookups).
    var registryHasMembers = false
    /// The indexes dropped for an import into an empty registry, not yet built again.
    var deferredIndexes: DeferredIndexes?
    /// Whether each county households.csv names held any household before this import (one that
    /// held none needs no lookup of the numbers: a household this import repeats is caught by
    /// `householdIndex`, and one written meanwhile by another import fails the write).
    var countyHeldHouseholds: [String: Bool] = [:]
    /// Rows already reported, by file (so the report pass lists each row once).
    var reported: [RegistryFile: Set<Int>] = [:]
    /// Who belongs to which household of the import, and in which years (from the first year of
    /// their first span there to the last of their last): kept only when member_years.csv is there
    /// (its rows name a member of their household in that year).
    var memberOf: [MemberOfHousehold: ClosedRange<Int16>]?
    /// The code lists: the registry's local codes, and those local_codes.csv adds.
    var codes = CodeBook()

    static let chunk = 2_000

    init(
        directory: URL, tx: StoreTransaction, scope: AreaScope, today: CivilDate, sink: RegistryImport.RejectionSink?,
        progress: RegistryImport.ProgressSink? = nil
    ) {
        self.directory = directory
        self.tx = tx
        self.scope = scope
        self.today = today
        self.sink = sink
        self.progress = progress
        totalBytes = RegistryFile.allCases.reduce(0) { sum, file in
            let url = directory.appendingPathComponent(file.fileName).resolvingSymlinksInPath()
            return sum + (((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.intValue ?? 0)
        }
    }

    /// The writes in flight, oldest first: rows are written while the next chunks are read and
    /// checked (on the other core). Each write starts when the one before has finished.
    var inFlight: [(task: Task<Void, any Error>, buildsIndexes: Bool)] = []
    /// At most this many writes wait, so memory stays bounded whatever the reading's lead.
    static let writesInFlight = 8
    /// … and this many while an index is being built (about a second at 100,000 households),
    /// so that the reader reads on meanwhile instead of waiting for it. Each chunk waiting holds
    /// its rows: with 64 the peak memory of tier S went from 240 to 351 MiB, with 32 to 311 MiB.
    static let writesInFlightBehindIndex = 32

    /// The transaction's database, once the writes in flight have finished (a lookup or delete
    /// never runs beside a write, and a failed write stops the import here).
    func database() async throws -> any SQLDatabase {
        try await drain()
        return tx.sql
    }

    /// Waits for every write in flight.
    func drain() async throws {
        while !inFlight.isEmpty { try await inFlight.removeFirst().task.value }
    }

    // MARK: Reading files

    /// Whether the folder holds `file` (a work a file needs is skipped when it is absent).
    func has(_ file: RegistryFile) -> Bool { Self.present(file, in: directory) }

    /// Whether the folder has an entry named for `file`, of any kind: a link that leads nowhere
    /// (dangling, or a loop) is there, and refused as unreadable rather than taken for absent.
    static func present(_ file: RegistryFile, in directory: URL) -> Bool {
        var status = stat()
        return lstat(directory.appendingPathComponent(file.fileName).path, &status) == 0
    }

    /// Opens a file of the folder, or reports why it cannot be read; nil when it is absent.
    static func open(_ file: RegistryFile, in directory: URL) -> Result<FileHandle, ImportRejection>? {
        guard present(file, in: directory) else { return nil }
        // A link is followed: what it points at must be a regular file.
        let url = directory.appendingPathComponent(file.fileName).resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return .failure(ImportRejection(file: file, line: 0, field: nil, reason: .unreadableFile))
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: url.path)[.type]) as? FileAttributeType
        guard !isDirectory.boolValue, type == .typeRegular else {
            return .failure(ImportRejection(file: file, line: 0, field: nil, reason: .notARegularFile))
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return .failure(ImportRejection(file: file, line: 0, field: nil, reason: .unreadableFile))
        }
        return .success(handle)
    }

    /// Reads `file` row by row: `body` parses and checks each readable row (and may queue it);
    /// `flush` runs every `chunk` rows and at the end. Structural problems are rejections.
    func read<C>(
        _ file: RegistryFile, columns: (ImportRows.Columns) -> C, _ body: (inout RowReader, C) -> Void,
        flush: () async throws -> Void
    ) async throws {
        guard let opened = Self.open(file, in: directory) else { return }
        let handle: FileHandle
        switch opened {
        case .failure(let rejection):
            outcome.record(rejection, sink: sink)
            outcome.files.append(ImportedFile(file: file, bytes: 0, sha256: ""))
            return
        case .success(let h): handle = h
        }
        defer { try? handle.close() }
        var reader = CSVReader(handle: handle, maximumFieldBytes: ImportLimits.fieldBytes, maximumFields: ImportLimits.fieldsPerRow)
        defer {
            outcome.files.append(ImportedFile(file: file, bytes: reader.bytesRead, sha256: reader.digest.hex))
            bytesDone += reader.bytesRead
            progress?(min(bytesDone, totalBytes), totalBytes)
        }
        guard let first = reader.next() else {
            outcome.record(ImportRejection(file: file, line: 1, field: nil, reason: .emptyFile), sink: sink)
            return
        }
        let header: ImportHeader
        switch first {
        case .record(let r): header = ImportHeader(r.fields, file: file)
        case .spoiled(let row, let fields, let problem):
            // Its own fault refuses the file (`isFatal` on the header's line 1, as `ImportHeader`
            // places its faults), with no column said missing after it.
            var rejection = Self.rejection(file, row: row, fields: fields, problem)
            rejection.line = 1
            outcome.record(rejection, sink: sink)
            return
        }
        for r in header.rejections { outcome.record(r, sink: sink) }
        if !header.unknownColumns.isEmpty { outcome.unknownColumns[file] = header.unknownColumns }
        let usable = header.rejections.isEmpty
        let resolved = columns(ImportRows.Columns(header))
        var sinceFlush = 0
        while let item = reader.next() {
            outcome.readRows += 1
            switch item {
            case .record(let record):
                guard usable else { continue }
                var row = RowReader(header: header, line: record.row, fields: record.fields, plain: record.plain)
                body(&row, resolved)
                if !row.isValid { reject(row) }
            case .spoiled(let row, let fields, let problem):
                // A file refused at its header is not read further: its rows' faults would only
                // repeat the header's (a file in another encoding).
                guard usable else { continue }
                let rejection = Self.rejection(file, row: row, fields: fields, problem)
                outcome.rejectedRows += 1
                reported[file, default: []].insert(row)
                outcome.record(rejection, sink: sink)
                if !rejection.isFatal { rejectOwner(file: file, header: header, line: row, fields: fields) }
            }
            sinceFlush += 1
            if sinceFlush >= Self.chunk {
                try await flush()
                sinceFlush = 0
                progress?(min(bytesDone + reader.bytesRead, totalBytes), totalBytes)
            }
        }
        try await flush()
    }

    static func rejection(_ file: RegistryFile, row: Int, fields: [String], _ problem: CSVReader.Problem) -> ImportRejection {
        switch problem {
        case .notUTF8(_, let n):
            ImportRejection(file: file, line: row, field: column(file, n), reason: .notUTF8, fields: fields)
        case .fieldTooLong(_, let n, let bytes):
            ImportRejection(file: file, line: row, field: column(file, n), reason: .fieldTooLong(bytes: bytes, maximum: ImportLimits.fieldBytes))
        case .textAfterClosingQuote(_, let n):
            ImportRejection(file: file, line: row, field: column(file, n), reason: .textAfterClosingQuote, fields: fields)
        case .unterminatedQuote: ImportRejection(file: file, line: row, field: nil, reason: .unterminatedQuote)
        case .tooManyFields(_, let count):
            ImportRejection(
                file: file, line: row, field: nil, reason: .tooManyColumns(found: count, maximum: ImportLimits.fieldsPerRow), fields: fields)
        }
    }

    /// The name of a 1-based column as the format orders it (for the place of a structural fault).
    static func column(_ file: RegistryFile, _ n: Int) -> String? { n <= file.columns.count ? file.columns[n - 1] : nil }

    // MARK: Rejecting

    /// Reports a row's own faults; a rejected row of a household file rejects its household.
    func reject(_ row: RowReader) {
        outcome.rejectedRows += 1
        reported[row.file, default: []].insert(row.line)
        for r in row.rejections { outcome.record(r, sink: sink) }
        rejectOwner(file: row.file, header: row.header, line: row.line, fields: row.fields)
    }

    /// Reports one rejection of an accepted row (a registry lookup refused it).
    func reject(_ file: RegistryFile, line: Int, fields: [String], field: String?, _ reason: ImportRejection.Reason, household: Int32 = -1) {
        outcome.rejectedRows += 1
        reported[file, default: []].insert(line)
        outcome.record(ImportRejection(file: file, line: line, field: field, reason: reason, fields: fields), sink: sink)
        if household >= 0 { rejectHousehold(household, because: file) }
    }

    /// Rejects the household a rejected row belongs to. In the events, members and incomes files
    /// a rejected row whose household number cannot be read could be anyone's, so the whole
    /// import fails (see `isFatal`); a row of a household not in the file stands alone.
    func rejectOwner(file: RegistryFile, header: ImportHeader, line: Int, fields: [String]) {
        guard file.isHouseholdOwned else { return }
        let column = header.index["household_number"]
        let number = column.flatMap { $0 < fields.count ? fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
        if let index = householdIndex[number] {
            rejectHousehold(index, because: file)
        } else if file != .households && !HouseholdNumber.isWellFormed(number) {
            outcome.record(ImportRejection(file: file, line: line, field: "household_number", reason: .unattributable, fields: fields), sink: sink)
        }
    }

    /// Marks a household rejected; its rows already accepted are deleted and listed later.
    /// `file` is the file of the household's row that was faulty: its data from that file is
    /// then incomplete (nil for a rule on its whole history or membership, which read it all).
    func rejectHousehold(_ index: Int32, because file: RegistryFile?) {
        let i = Int(index)
        switch file {
        case .households: households[i].householdRowRejected = true
        case .statusEvents: households[i].eventRowRejected = true
        case .members: households[i].memberRowRejected = true
        default: break
        }
        guard !households[i].rejected else { return }
        households[i].rejected = true
        if households[i].written { households[i].rejectedAfterRows = true }
    }

    /// A rejection decided after the row was read (on a household's whole history or
    /// membership): reported by the report pass, with the row as read.
    func late(_ file: RegistryFile, row: Int32, field: String?, _ reason: ImportRejection.Reason, household: Int32) {
        late[file, default: [:]][Int(row), default: []].append(LateRejection(field: field, reason: reason))
        rejectHousehold(household, because: nil)
        households[Int(household)].rejectedAfterRows = true
    }

    /// Reports a row of a rejected household that has no fault of its own.
    func cascade(_ file: RegistryFile, line: Int, fields: [String], household: Int32) {
        outcome.rejectedRows += 1
        reported[file, default: []].insert(line)
        outcome.record(
            ImportRejection(
                file: file, line: line, field: "household_number", reason: .householdRejected(households[Int(household)].number),
                fields: fields), sink: sink)
    }

    // MARK: Writing

    /// Queues the building of the deferred indexes of `tables` (all that are left when nil)
    /// behind the writes of their rows.
    func buildIndexes(of tables: [BulkTable]? = nil) async throws {
        guard let statements = deferredIndexes?.take(tables), !statements.isEmpty else { return }
        try await queue(buildsIndexes: true) { tx in try await DeferredIndexes.build(statements, in: tx) }
    }

    /// Queues `work` to run after the writes before it; waits while too many wait.
    func queue(buildsIndexes: Bool = false, _ work: @escaping @Sendable (StoreTransaction) async throws -> Void) async throws {
        while inFlight.count >= (inFlight.contains(where: \.buildsIndexes) ? Self.writesInFlightBehindIndex : Self.writesInFlight) {
            try await inFlight.removeFirst().task.value
        }
        let previous = inFlight.last?.task, tx = tx
        let task = Task {
            try await previous?.value
            try await work(tx)
        }
        inFlight.append((task, buildsIndexes))
    }

    /// Queues `rows` to be written after the writes before them; waits while too many wait.
    /// (The rows are made by the reader, not in the write's task: on two cores, making them
    /// there competed with SQLite for the second core and slowed the import, as measured.)
    /// `file` is the file the rows come from, for the count of rows written (nil for rows the
    /// import derives, such as the projection's).
    func write(_ rows: [[StoreValue]], into table: BulkTable, file: RegistryFile?) async throws {
        guard !rows.isEmpty else { return }
        try await queue { tx in
            do { try await BulkLoad.insert(rows, into: table, in: tx) } catch {
                // Every key was looked up first: a key taken now was taken by another writer
                // meanwhile, or (an ID number) by a county on another shard.
                throw IdentityClaimedElsewhere(error) ?? RegistryImport.ImportError.registryChanged
            }
        }
        if let file, table.name != RegistryRows.member.name { outcome.writtenRows[file, default: 0] += rows.count }
    }
}
