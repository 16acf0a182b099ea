import Foundation
import SQLKit
import TuopinCore

/// The first pass of an import: reads every file once, parses each row's fields, applies the
/// row rules of Core, and keeps the compact indexes the household rules and the registry
/// checks need. Nothing is written.
struct ImportValidator {
    var plan: ImportPlan
    let scope: AreaScope
    let today: CivilDate
    let sink: RegistryImport.RejectionSink?

    init(directory: URL, scope: AreaScope, today: CivilDate, sink: RegistryImport.RejectionSink?) {
        plan = ImportPlan(directory: directory)
        self.scope = scope
        self.today = today
        self.sink = sink
    }

    // MARK: Reading files

    /// Opens a file of the folder, or reports why it cannot be read; nil when it is absent.
    static func open(_ file: RegistryFile, in directory: URL) -> Result<FileHandle, ImportRejection>? {
        let url = directory.appendingPathComponent(file.fileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        let type = (try? FileManager.default.attributesOfItem(atPath: url.path)[.type]) as? FileAttributeType
        guard !isDirectory.boolValue, type == .typeRegular else {
            return .failure(ImportRejection(file: file, line: 0, field: nil, reason: .notARegularFile))
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return .failure(ImportRejection(file: file, line: 0, field: nil, reason: .unreadableFile))
        }
        return .success(handle)
    }

    /// Reads `file` row by row, giving each readable row to `body`; structural problems are
    /// rejections. Returns the file's digest and size, or nil when the file is absent.
    mutating func read(_ file: RegistryFile, _ body: (inout ImportValidator, inout RowReader) -> Void) -> ImportedFile? {
        guard let opened = Self.open(file, in: plan.directory) else { return nil }
        let handle: FileHandle
        switch opened {
        case .failure(let rejection):
            plan.record(rejection, sink: sink)
            return ImportedFile(file: file, bytes: 0, sha256: "")
        case .success(let h): handle = h
        }
        defer { try? handle.close() }
        var reader = CSVReader(handle: handle, maximumFieldBytes: ImportLimits.fieldBytes)
        guard let first = reader.next() else {
            plan.record(ImportRejection(file: file, line: 1, field: nil, reason: .emptyFile), sink: sink)
            return ImportedFile(file: file, bytes: reader.bytesRead, sha256: reader.digest.hex)
        }
        let names: [String]
        switch first {
        case .record(let r): names = r.fields
        case .spoiled(let row, let fields, let problem):
            plan.record(Self.rejection(file, row: row, fields: fields, problem), sink: sink)
            plan.record(ImportRejection(file: file, line: 1, field: nil, reason: .missingColumn(file.columns[0]), fields: fields), sink: sink)
            return ImportedFile(file: file, bytes: reader.bytesRead, sha256: reader.digest.hex)
        }
        let header = ImportHeader(names, file: file)
        for r in header.rejections { plan.record(r, sink: sink) }
        if !header.unknownColumns.isEmpty { plan.unknownColumns[file] = header.unknownColumns }
        let usable = header.rejections.isEmpty
        while let item = reader.next() {
            plan.readRows += 1
            switch item {
            case .record(let record):
                guard usable else { continue }
                var row = RowReader(header: header, line: record.row, fields: record.fields)
                body(&self, &row)
                finish(row)
            case .spoiled(let row, let fields, let problem):
                let rejection = Self.rejection(file, row: row, fields: fields, problem)
                if !rejection.isFatal, usable {
                    // The row's household, if it can be read, is rejected with it.
                    var partial = RowReader(header: header, line: row, fields: fields)
                    attribute(&partial, rejection)
                } else {
                    plan.rejectedRows += 1
                    plan.record(rejection, sink: sink)
                }
            }
        }
        return ImportedFile(file: file, bytes: reader.bytesRead, sha256: reader.digest.hex)
    }

    static func rejection(_ file: RegistryFile, row: Int, fields: [String], _ problem: CSVReader.Problem) -> ImportRejection {
        switch problem {
        case .notUTF8(_, let column):
            ImportRejection(file: file, line: row, field: Self.column(file, column), reason: .notUTF8, fields: fields)
        case .fieldTooLong(_, let column, let bytes):
            ImportRejection(
                file: file, line: row, field: Self.column(file, column), reason: .fieldTooLong(bytes: bytes, maximum: ImportLimits.fieldBytes),
                fields: [])
        case .textAfterClosingQuote(_, let column):
            ImportRejection(file: file, line: row, field: Self.column(file, column), reason: .textAfterClosingQuote, fields: fields)
        case .unterminatedQuote: ImportRejection(file: file, line: row, field: nil, reason: .unterminatedQuote, fields: [])
        }
    }

    /// The name of a 1-based column as the format orders it (the header may differ; this is
    /// only for naming the place of a structural fault).
    static func column(_ file: RegistryFile, _ n: Int) -> String? { n <= file.columns.count ? file.columns[n - 1] : nil }

    /// Records a row's rejections; a rejected row of a household file rejects its household.
    mutating func finish(_ row: RowReader) {
        guard !row.isValid else { return }
        plan.rejectedRows += 1
        plan.rejectedRowsByFile[row.file, default: []].insert(row.line)
        for r in row.rejections { plan.record(r, sink: sink) }
        rejectOwner(of: row)
    }

    /// A spoiled row: reported, and its household rejected when its number can be read.
    mutating func attribute(_ row: inout RowReader, _ rejection: ImportRejection) {
        plan.rejectedRows += 1
        plan.rejectedRowsByFile[row.file, default: []].insert(row.line)
        plan.record(rejection, sink: sink)
        rejectOwner(of: row)
    }

    /// Rejects the household a rejected row belongs to. In the events, members and incomes files,
    /// a rejected row whose household number cannot be read could belong to any household, so
    /// the whole import fails (see `isFatal`); a row of a household not in the file stands alone.
    mutating func rejectOwner(of row: RowReader) {
        switch row.file {
        case .households, .statusEvents, .members, .incomes:
            let column = row.header.index["household_number"]
            let number = column.flatMap { $0 < row.fields.count ? row.fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
            if let index = plan.householdIndex[number] {
                plan.households[Int(index)].rejected = true
                if row.file == .statusEvents { plan.households[Int(index)].eventRowRejected = true }
                if row.file == .members { plan.households[Int(index)].memberRowRejected = true }
                if row.file == .households { plan.households[Int(index)].householdRowRejected = true }
            } else if row.file != .households && (try? HouseholdNumber(number)) == nil {
                plan.record(
                    ImportRejection(file: row.file, line: row.line, field: "household_number", reason: .unattributable, fields: row.fields),
                    sink: sink)
            }
        default: break
        }
    }

    // MARK: Late rejections

    /// A rejection decided after the row was read (reported with the row in the second pass).
    mutating func late(_ file: RegistryFile, row: Int, field: String?, _ reason: ImportRejection.Reason) {
        if plan.lateRejections[file]?[row] == nil { plan.rejectedRows += 1 }
        plan.lateRejections[file, default: [:]][row, default: []].append(LateRejection(field: field, reason: reason))
        let rejection = ImportRejection(file: file, line: row, field: field, reason: reason)
        if plan.rejections.count < ImportPlan.keptRejections { plan.rejections.append(rejection) }
    }

    /// A late rejection of a household's own row: the household goes with it.
    mutating func late(household index: Int32, file: RegistryFile, row: Int32, field: String?, _ reason: ImportRejection.Reason) {
        late(file, row: Int(row), field: field, reason)
        plan.households[Int(index)].rejected = true
    }
}
