import TuopinCore

extension ImportRun {
    /// The whole import: the files in the order rows refer to each other, the rules on each
    /// household as a whole, and the rows of rejected households taken out again.
    func run() async throws -> PendingReport {
        registryHasMembers = try await ImportKeysQuery.hasMembers(sql)
        try await importAreas()
        try await importAreaEvents()
        try await importProfiles()
        try await importHouseholds()
        try await importStatusEvents()
        try await importMembers()
        try await importIncomes()
        if outcome.readRows == 0 && !outcome.fatal {
            let first = RegistryFile.allCases.first { f in outcome.files.contains { $0.file == f.fileName } } ?? .households
            outcome.record(ImportRejection(file: first, line: 0, field: nil, reason: .noRows), sink: sink)
        }
        checkHouseholds()
        let report = pendingReport()
        try await deleteRejected()
        outcome.counties = Set(households.filter { !$0.rejected && $0.written }.map(\.county))
        return report
    }

    /// DQ-006 and the history rules, on each household whose own row was read and whose events
    /// (or members) were all read: the failed check goes on the row it is about. Two heads at
    /// once is a fault whatever else is wrong, so it is always checked.
    func checkHouseholds() {
        for i in households.indices where !households[i].householdRowRejected {
            let h = households[i]
            guard let number = try? HouseholdNumber(h.number) else { continue }
            if !h.eventRowRejected {
                let events = h.events.map {
                    StatusEvent(
                        household: number, sequence: Int($0.sequence), kind: $0.kind, status: $0.status,
                        effectiveDate: CivilDate(dayNumber: Int($0.day)))
                }
                for check in StatusHistoryRules.evaluate(history: events).failedChecks {
                    if let row = eventRow(h, check) {
                        late(.statusEvents, row: row, field: "sequence", .rule(check), household: Int32(i))
                    } else {
                        late(.households, row: h.row, field: nil, .rule(check), household: Int32(i))
                    }
                }
            }
            let latest = h.events.max { $0.sequence < $1.sequence }
            let memberships = h.memberships.map {
                Membership(
                    household: number, idNumber: "", relation: $0.isHead ? .head : .other, from: CivilDate(dayNumber: Int($0.from)),
                    to: $0.to == Int32.max ? nil : CivilDate(dayNumber: Int($0.to)))
            }
            let composition = HouseholdCompositionRules.evaluate(memberships, onRoll: latest?.status.isEnrolled ?? true)
            for check in composition.failedChecks where !h.memberRowRejected || check.rule == HouseholdCompositionRules.oneHeadAtATime {
                if check.rule == HouseholdCompositionRules.oneHeadAtATime, let second = Self.secondHead(h.memberships) {
                    late(.members, row: second.row, field: "relation", .rule(check), household: Int32(i))
                } else {
                    late(.households, row: h.row, field: nil, .rule(check), household: Int32(i))
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

    /// The row of the event a history check names by its sequence.
    func eventRow(_ h: HouseholdEntry, _ check: Check) -> Int32? {
        let sequence: Int64? =
            switch check["sequence"] ?? check["found"] {
            case .count(let n)?: n
            default: nil
            }
        return sequence.flatMap { s in h.events.first { Int64($0.sequence) == s }?.row }
    }

    /// The rows of households rejected after some of their rows were written, not reported yet:
    /// each with its late reasons, or as a row of a rejected household.
    func pendingReport() -> PendingReport {
        var report = PendingReport()
        var unreported: [RegistryFile: Int] = [:]
        for h in households where h.rejected {
            var rows: [(RegistryFile, Int32)] = [(.households, h.row)]
            rows += h.events.map { (.statusEvents, $0.row) } + h.memberships.map { (.members, $0.row) } + h.incomes.map { (.incomes, $0.row) }
            for (file, row) in rows {
                let wasReported = reported[file]?.contains(Int(row)) == true
                if let reasons = late[file]?[Int(row)] {
                    // A rule on the whole household names this row: said even if the row was
                    // reported with its household already.
                    report.rows[file, default: [:]][Int(row)] = reasons
                } else if h.rejectedAfterRows && !wasReported {
                    report.rows[file, default: [:]][Int(row)] = [LateRejection(field: "household_number", reason: .householdRejected(h.number))]
                }
                if !wasReported && report.rows[file]?[Int(row)] != nil {
                    unreported[file, default: 0] += 1
                    reported[file, default: []].insert(Int(row))
                }
            }
        }
        for (file, count) in unreported {
            outcome.rejectedRows += count
            outcome.writtenRows[file, default: 0] -= count
            if (outcome.writtenRows[file] ?? 0) <= 0 { outcome.writtenRows[file] = nil }
        }
        for (file, rows) in report.rows {
            for (row, reasons) in rows.sorted(by: { $0.key < $1.key }) {
                for r in reasons where outcome.rejections.count < ImportOutcome.keptRejections {
                    outcome.rejections.append(ImportRejection(file: file, line: row, field: r.field, reason: r.reason))
                }
            }
        }
        return report
    }

    /// Deletes what was written of households rejected afterwards, and the people who belong to
    /// no household that stays.
    func deleteRejected() async throws {
        let gone = households.indices.filter { households[$0].rejected && households[$0].written }
        guard !gone.isEmpty else { return }
        for (county, indexes) in Dictionary(grouping: gone, by: { households[$0].county }) {
            try await ImportKeysQuery.deleteHouseholds(county: county, indexes.map { households[$0].number }, tx)
        }
        var leaving: [String: [IdentityKey]] = [:]
        for (key, person) in people where person.written && person.spans.allSatisfy({ households[Int($0.household)].rejected }) {
            leaving[households[Int(person.first.household)].county, default: []].append(key)
        }
        for (county, keys) in leaving {
            for (type, ofType) in Dictionary(grouping: keys, by: \.type) {
                try await ImportKeysQuery.deleteMembers(county: county, type: type, ofType.map(\.number), tx)
            }
        }
    }
}
