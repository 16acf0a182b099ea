import Foundation
import TuopinCore

/// The second pass of an import: reads the files again, reports the rows decided against after
/// the first pass read them (with the row as read) and every row of a rejected household, and
/// writes the accepted rows in the caller's transaction, a few thousand per statement. A file
/// whose bytes changed since the first pass stops it (the transaction is rolled back).
final class ImportWriter {
    let plan: ImportPlan
    let sink: RegistryImport.RejectionSink?
    /// Rejections this pass found (capped like the plan's).
    var rejections: [ImportRejection] = []
    var counts: [RegistryFile: Int] = [:]
    /// Rows not written because their household was rejected.
    var cascadedRows = 0
    private var insertedPeople: Set<IdentityKey> = []
    static let batchRows = 2_000

    init(plan: ImportPlan, sink: RegistryImport.RejectionSink?) {
        self.plan = plan
        self.sink = sink
    }

    /// Runs the pass; writes only when `tx` is given.
    func run(_ tx: StoreTransaction?) async throws {
        // Areas the registry holds already are not written again.
        try await pass(.areas, tx) { [plan] row, _ in
            ImportRows.area(&row).map { plan.newAreas.contains($0.code.rawValue) ? [(RegistryRows.area, RegistryRows.row($0))] : [] }
        }
        try await pass(.areaEvents, tx) { row, _ in ImportRows.areaEvent(&row).map { [(RegistryRows.areaEvent, RegistryRows.row($0))] } }
        try await pass(.villageProfiles, tx) { row, _ in ImportRows.profile(&row).map { [(RegistryRows.villageProfile, RegistryRows.row($0))] } }
        try await pass(.households, tx) { row, _ in ImportRows.household(&row).map { [(RegistryRows.household, RegistryRows.row($0))] } }
        try await pass(.statusEvents, tx) { row, county in
            ImportRows.statusEvent(&row).map { [(RegistryRows.statusEvent, RegistryRows.row($0, county: county))] }
        }
        try await pass(.members, tx) { [self] row, county in
            guard let (member, membership) = ImportRows.member(&row) else { return nil }
            var out: [(BulkTable, [StoreValue])] = []
            if insertedPeople.insert(IdentityKey(member.idType, member.idNumber)).inserted {
                out.append((RegistryRows.member, RegistryRows.row(member, county: county)))
            }
            out.append((RegistryRows.membership, RegistryRows.row(membership, county: county)))
            return out
        }
        try await pass(.incomes, tx) { row, county in ImportRows.income(&row).map { [(RegistryRows.income, RegistryRows.row($0, county: county))] } }
    }

    /// One file: each accepted row becomes table rows (`convert`), buffered and inserted.
    private func pass(
        _ file: RegistryFile, _ tx: StoreTransaction?,
        _ convert: (inout RowReader, String) -> [(BulkTable, [StoreValue])]?
    ) async throws {
        guard let expected = plan.files.first(where: { $0.file == file.fileName }),
            case .success(let handle)? = ImportValidator.open(file, in: plan.directory)
        else { return }
        defer { try? handle.close() }
        var reader = CSVReader(handle: handle, maximumFieldBytes: ImportLimits.fieldBytes)
        guard case .record(let first)? = reader.next() else { return }
        let header = ImportHeader(first.fields, file: file)
        guard header.rejections.isEmpty else { return }
        let own = plan.rejectedRowsByFile[file] ?? []
        let late = plan.lateRejections[file] ?? [:]
        let householdColumn = header.index["household_number"]
        var buffers: [String: (table: BulkTable, rows: [[StoreValue]])] = [:]
        while let item = reader.next() {
            guard case .record(let record) = item, !own.contains(record.row) else { continue }
            if let reasons = late[record.row] {
                for r in reasons { report(ImportRejection(file: file, line: record.row, field: r.field, reason: r.reason, fields: record.fields)) }
                continue
            }
            var county = ""
            if let column = householdColumn, column < record.fields.count {
                let number = record.fields[column].trimmingCharacters(in: .whitespaces)
                if let index = plan.householdIndex[number] {
                    let household = plan.households[Int(index)]
                    if household.rejected {
                        cascadedRows += 1
                        report(
                            ImportRejection(
                                file: file, line: record.row, field: "household_number", reason: .householdRejected(number),
                                fields: record.fields))
                        continue
                    }
                    county = household.county
                }
            }
            var row = RowReader(header: header, line: record.row, fields: record.fields)
            guard let tables = convert(&row, county), row.isValid else { continue }
            counts[file, default: 0] += 1
            guard let tx else { continue }
            for (table, values) in tables {
                buffers[table.name, default: (table, [])].rows.append(values)
                if buffers[table.name]!.rows.count >= Self.batchRows { try await flush(&buffers, table.name, tx) }
            }
        }
        if let tx {
            // Parents before children: members before memberships.
            for name in buffers.keys.sorted(by: { Self.order($0) < Self.order($1) }) { try await flush(&buffers, name, tx) }
        }
        guard reader.digest.hex == expected.sha256 else { throw RegistryImport.ImportError.fileChanged(file.fileName) }
    }

    static func order(_ table: String) -> Int { table == RegistryRows.member.name ? 0 : 1 }

    private func flush(_ buffers: inout [String: (table: BulkTable, rows: [[StoreValue]])], _ name: String, _ tx: StoreTransaction) async throws {
        guard let buffer = buffers[name], !buffer.rows.isEmpty else { return }
        if name == RegistryRows.membership.name, let members = buffers[RegistryRows.member.name], !members.rows.isEmpty {
            try await BulkLoad.insert(members.rows, into: members.table, in: tx)
            buffers[RegistryRows.member.name]?.rows.removeAll(keepingCapacity: true)
        }
        try await BulkLoad.insert(buffer.rows, into: buffer.table, in: tx)
        buffers[name]?.rows.removeAll(keepingCapacity: true)
    }

    private func report(_ rejection: ImportRejection) {
        if rejections.count < ImportPlan.keptRejections { rejections.append(rejection) }
        sink?(rejection)
    }
}
