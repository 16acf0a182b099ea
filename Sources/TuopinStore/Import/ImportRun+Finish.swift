import Foundation
import TuopinCore

extension ImportRun {
    /// The whole import: the files in the order rows refer to each other, the rules on each
    /// household as a whole, and the rows of rejected households taken out again.
    func run() async throws -> PendingReport {
        do {
            return try await runFiles()
        } catch {
            // No write may outlive the transaction it was queued in.
            try? await drain()
            throw error
        }
    }

    private func runFiles() async throws -> PendingReport {
        checkFileNames()
        registryHasMembers = try await ImportKeysQuery.hasMembers(try await database())
        deferredIndexes = try await DeferredIndexes.dropWhenEmpty(tx, holdsMembers: registryHasMembers)
        try await importAreas()
        try await importAreaEvents()
        try await importProfiles()
        try await importSpecialGroups()
        try await importLocalCodes()
        try await importHouseholds()
        try await buildIndexes(of: [RegistryRows.household])
        try await importStatusEvents()
        try await buildIndexes(of: [RegistryRows.statusEvent])
        checkHistories()
        if has(.memberYears) { memberOf = [:] }
        try await importMembers()
        try await buildIndexes(of: [RegistryRows.member, RegistryRows.membership])
        checkCompositions()
        // Each household's projected row is known now (its events and memberships are read):
        // it is written while the incomes are read, and taken out again with the household's
        // other rows if a later file rejects it.
        try await writeProjection()
        try await importIncomes()
        try await buildIndexes(of: [RegistryRows.income, RegistryProjection.householdCurrent])
        try await importHouseholdYears()
        try await importMemberYears()
        try await importGroups()
        // The rest, before the deletions below, which find rows by these indexes.
        try await buildIndexes()
        try await drain()
        if outcome.readRows == 0 && !outcome.fatal {
            let first = RegistryFile.allCases.first { f in outcome.files.contains { $0.file == f.fileName } } ?? .households
            outcome.record(ImportRejection(file: first, line: 0, field: nil, reason: .noRows), sink: sink)
        }
        let report = pendingReport()
        try await deleteRejected()
        outcome.counties = Set(households.filter { !$0.rejected && $0.written }.map(\.county))
        return report
    }

    /// A format file present only under another spelling refuses the import: names are exact,
    /// and the file would otherwise be taken for absent (with every household's members, say).
    /// Another spelling is any name that `RegistryFile.lookalike` takes for the file's:
    /// `MEMBERS.CSV`, `members.csv ` (a space), `members.csv.txt`, `members.xlsx`, `member.csv`,
    /// `status-events.csv`.
    func checkFileNames() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in RegistryFile.allCases where !has(file) {
            for name in names.sorted() where RegistryFile.lookalike(name) == file {
                outcome.record(ImportRejection(file: file, line: 0, field: nil, reason: .misnamedFile(name)), sink: sink)
            }
        }
    }

    /// The history rules, on each household whose own row and every event were read, once the
    /// events file is read: the failed check goes on the row it is about. The events are then
    /// let go (only whether the household is on the roll is kept).
    func checkHistories() {
        // A file that could not be read whole refuses the import already: its missing rows are
        // not reported again as each household's gaps.
        let complete = outcome.fatalFiles.isDisjoint(with: [.households, .statusEvents])
        for i in households.indices {
            let h = households[i]
            households[i].onRoll = h.events.max { $0.sequence < $1.sequence }?.status.isEnrolled ?? true
            households[i].projected.take(h.events)
            households[i].events = []
            guard complete, !h.householdRowRejected, !h.eventRowRejected, let number = try? HouseholdNumber(h.number) else { continue }
            let events = h.events.map {
                StatusEvent(
                    household: number, sequence: Int($0.sequence), kind: $0.kind, status: $0.status,
                    effectiveDate: CivilDate(dayNumber: Int($0.day)))
            }
            for check in StatusHistoryRules.evaluate(history: events).failedChecks {
                if let row = Self.eventRow(h.events, check) {
                    late(.statusEvents, row: row, field: Self.eventField(check.rule), .rule(check), household: Int32(i))
                } else {
                    // A fault of the household as a whole goes on its own row, named by its number.
                    late(.households, row: h.row, field: "household_number", .rule(check), household: Int32(i))
                }
            }
        }
    }

    /// DQ-006 on each household whose own row was read, once the member file is read; the
    /// memberships and the people are then let go. Two heads at once is a fault whatever else is
    /// wrong, so it is checked even when a member row was rejected.
    func checkCompositions() {
        people = PeopleTable()
        movers = [:]
        let complete = outcome.fatalFiles.isDisjoint(with: [.households, .members])
        for i in households.indices {
            let h = households[i]
            households[i].projected.take(h.memberships)
            households[i].memberships = []
            guard complete, !h.householdRowRejected, let number = try? HouseholdNumber(h.number) else { continue }
            let memberships = h.memberships.map {
                Membership(
                    household: number, idNumber: "", relation: $0.isHead ? .head : .other, from: CivilDate(dayNumber: Int($0.from)),
                    to: $0.to == Int32.max ? nil : CivilDate(dayNumber: Int($0.to)))
            }
            let composition = HouseholdCompositionRules.evaluate(memberships, onRoll: h.onRoll)
            for check in composition.failedChecks where !h.memberRowRejected || check.rule == HouseholdCompositionRules.oneHeadAtATime {
                if check.rule == HouseholdCompositionRules.oneHeadAtATime, let second = Self.secondHead(h.memberships) {
                    late(.members, row: second.row, field: "relation", .rule(check), household: Int32(i))
                } else {
                    // A fault of the household as a whole goes on its own row, named by its number.
                    late(.households, row: h.row, field: "household_number", .rule(check), household: Int32(i))
                }
            }
        }
    }

    /// The later of the first two heads whose spans overlap (by start, then row).
    static func secondHead(_ memberships: [CompactMembership]) -> CompactMembership? {
        let heads = memberships.filter(\.isHead).sorted { ($0.from, $0.row) < ($1.from, $1.row) }
        for (i, a) in heads.enumerated() {
            if let b = heads[(i + 1)...].first(where: { $0.from < a.to }) { return b }
        }
        return nil
    }

    /// Queues the `household_current` rows of the households still good whose own row was
    /// written (their whole history comes with this import: a household the registry holds
    /// already is refused). A household rejected later loses this row with its others.
    func writeProjection() async throws {
        // In larger chunks than the files' rows: they are queued at once, behind the members'
        // index builds, and must leave room in the queue for the incomes read meanwhile.
        let chunk = Self.chunk * 5
        var rows: [[StoreValue]] = []
        rows.reserveCapacity(chunk)
        for h in households where !h.rejected && h.writtenRows.household {
            rows.append(RegistryProjection.currentRow(county: h.county, household: h.number, village: h.village, h.projected.projected))
            if rows.count == chunk {
                try await write(rows, into: RegistryProjection.householdCurrent, file: nil)
                rows.removeAll(keepingCapacity: true)
            }
        }
        try await write(rows, into: RegistryProjection.householdCurrent, file: nil)
    }

    /// The column of status_events.csv a failed history check is about.
    static func eventField(_ rule: RuleID) -> String {
        switch rule {
        case StatusHistoryRules.order, StatusHistoryRules.dateRange: "effective_date"
        case StatusHistoryRules.transition, StatusHistoryRules.first, StatusHistoryRules.kindAgrees: "kind"
        default: "sequence"
        }
    }

    /// The row of the event a history check names by its sequence.
    static func eventRow(_ events: [CompactEvent], _ check: Check) -> Int32? {
        let sequence: Int64? =
            switch check["sequence"] ?? check["found"] {
            case .count(let n)?: n
            default: nil
            }
        return sequence.flatMap { s in events.first { Int64($0.sequence) == s }?.row }
    }

    /// What the report pass lists: the rows with reasons found late, and every row written of a
    /// household rejected afterwards. Those rows are counted as rejected, not written.
    func pendingReport() -> PendingReport {
        var report = PendingReport(rows: late, households: [], reported: reported)
        for h in households where h.rejected && h.rejectedAfterRows {
            report.households.insert(h.number)
            for file in RegistryFile.allCases where file.isHouseholdOwned {
                let count = h.writtenRows[file]
                guard count > 0 else { continue }
                outcome.rejectedRows += count
                outcome.writtenRows[file, default: 0] -= count
                if (outcome.writtenRows[file] ?? 0) <= 0 { outcome.writtenRows[file] = nil }
            }
        }
        for (file, rows) in late {
            for (row, reasons) in rows.sorted(by: { $0.key < $1.key }) {
                for r in reasons where outcome.rejections.count < ImportOutcome.keptRejections {
                    outcome.rejections.append(ImportRejection(file: file, line: row, field: r.field, reason: r.reason))
                }
            }
        }
        return report
    }

    /// Deletes what was written of households rejected afterwards, and the people who then
    /// belong to no household (all of them came with this import: people the registry held
    /// already are refused).
    func deleteRejected() async throws {
        try await drain()
        let gone = households.indices.filter { households[$0].rejected && households[$0].written }
        guard !gone.isEmpty else { return }
        for (county, indexes) in Dictionary(grouping: gone, by: { households[$0].county }) {
            let numbers = indexes.map { households[$0].number }
            let people = try await ImportKeysQuery.people(county: county, of: numbers, tx.sql)
            try await ImportKeysQuery.deleteHouseholds(county: county, numbers, tx)
            for (type, ofType) in Dictionary(grouping: people, by: \.type) {
                try await ImportKeysQuery.deleteMembersWithoutHousehold(county: county, type: type, ofType.map(\.number), tx)
            }
        }
    }
}
