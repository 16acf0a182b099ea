import TuopinCore

/// Each file of the format, in the order rows refer to each other.
extension ImportRun {
    /// areas.csv: read whole (a province has some 30,000 villages), parents first; a new area
    /// needs its parent known and must lie inside the importer's scope.
    func importAreas() async throws {
        var pending: [PendingRow<Area>] = []
        var seen: [String: Int] = [:]
        try await read(
            .areas, columns: ImportRows.AreaColumns.init,
            { row, c in
                guard let area = ImportRows.area(&row, c) else { return }
                row.apply(AreaRules.evaluate(name: area.name)) { _ in "name" }
                if let first = seen[area.code.rawValue] {
                    row.reject("code", .duplicateRow(firstLine: first))
                    return
                }
                seen[area.code.rawValue] = row.line
                if row.isValid { pending.append(PendingRow(value: area, line: row.line, fields: row.fields, household: -1)) }
            }, flush: {})
        let codes = Set(pending.flatMap { [$0.value.code.rawValue] + ($0.value.code.parent.map { [$0.rawValue] } ?? []) })
        let known = try await ImportKeysQuery.areas(Array(codes), try await database())
        for (code, area) in known { areaKinds[code] = area.kind }
        var rows: [[StoreValue]] = []
        for p in pending.sorted(by: { ($0.value.code.rawValue.count, $0.value.code) < ($1.value.code.rawValue.count, $1.value.code) }) {
            let area = p.value, code = area.code.rawValue
            if let existing = known[code] {  // in the registry: kept as it is, and said so when the row differs
                if existing.name != area.name || existing.kind != area.kind {
                    reject(
                        .areas, line: p.line, fields: p.fields, field: existing.name != area.name ? "name" : "kind",
                        .areaDiffers(code, name: existing.name, kind: existing.kind.token))
                } else {
                    outcome.unchangedRows += 1
                }
                continue
            }
            if area.code.level >= .county, let parent = area.code.parent, areaKinds[parent.rawValue] == nil {
                reject(.areas, line: p.line, fields: p.fields, field: "code", .unknownArea(parent.rawValue))
            } else if !scope.contains(area.code) {
                reject(.areas, line: p.line, fields: p.fields, field: "code", .outsideScope(code))
            } else {
                areaKinds[code] = area.kind
                newAreas.insert(code)
                rows.append(RegistryRows.row(area))
            }
        }
        try await write(rows, into: RegistryRows.area, file: .areas)
    }

    /// The areas `codes` names that are not known yet, asked of the registry once each.
    func lookUpAreas(_ codes: some Sequence<String>) async throws {
        let unknown = Set(codes).filter { areaKinds[$0] == nil && !missingAreas.contains($0) }
        guard !unknown.isEmpty else { return }
        let found = try await ImportKeysQuery.areaKinds(Array(unknown), try await database())
        for code in unknown {
            if let kind = found[code] { areaKinds[code] = kind } else { missingAreas.insert(code) }
        }
    }

    /// Why an area a row names cannot be used at `level`, or nil when it can.
    func areaProblem(_ code: AdminCode, level: AreaLevel) -> ImportRejection.Reason? {
        if !scope.contains(code) { return .outsideScope(code.rawValue) }
        guard let kind = areaKinds[code.rawValue] else { return .unknownArea(code.rawValue) }
        if kind.level != level { return level == .village ? .notAVillage(code.rawValue) : .unknownArea(code.rawValue) }
        return nil
    }

    func importAreaEvents() async throws {
        var pending: [PendingRow<AreaEvent>] = []
        var seen: [String: Int] = [:]
        try await read(
            .areaEvents, columns: ImportRows.AreaEventColumns.init,
            { row, c in
                guard let event = ImportRows.areaEvent(&row, c) else { return }
                row.apply(AreaRules.evaluate(event, today: today)) { $0.rule == AreaRules.eventDate ? "effective_date" : "kind" }
                let key = "\(event.area.rawValue)|\(event.kind.token)|\(event.effectiveDate)"
                if let first = seen[key] { row.reject("effective_date", .duplicateRow(firstLine: first)) } else { seen[key] = row.line }
                if row.isValid { pending.append(PendingRow(value: event, line: row.line, fields: row.fields, household: -1)) }
            },
            flush: {
                try await self.lookUpAreas(pending.map(\.value.area.rawValue))
                var rows: [[StoreValue]] = []
                for p in pending {
                    let event = p.value
                    let level: AreaLevel = [.designatedPoorVillage, .villageExited].contains(event.kind) ? .village : .county
                    if let problem = self.areaProblem(event.area, level: level) {
                        self.reject(.areaEvents, line: p.line, fields: p.fields, field: "area_code", problem)
                        continue
                    }
                    let county = event.area.county?.rawValue ?? event.area.rawValue
                    if self.existingAreaEvents[county] == nil {
                        self.existingAreaEvents[county] = try await ImportKeysQuery.areaEvents(county: county, try await self.database())
                    }
                    if self.existingAreaEvents[county]?.contains("\(event.area.rawValue)|\(event.kind.token)|\(event.effectiveDate)") == true {
                        self.reject(.areaEvents, line: p.line, fields: p.fields, field: "effective_date", .areaEventAlreadyInRegistry)
                        continue
                    }
                    rows.append(RegistryRows.row(event))
                }
                pending.removeAll(keepingCapacity: true)
                try await self.write(rows, into: RegistryRows.areaEvent, file: .areaEvents)
            })
    }

    func importProfiles() async throws {
        var pending: [PendingRow<VillageProfile>] = []
        var seen: [String: Int] = [:]
        try await read(
            .villageProfiles, columns: ImportRows.ProfileColumns.init,
            { row, c in
                guard let profile = ImportRows.profile(&row, c) else { return }
                row.apply(AreaRules.evaluate(profile, today: today)) { check in
                    switch check.rule {
                    case AreaRules.profileYear: "year"
                    case AreaRules.population: "rural_registered_population"
                    default: "collective_income"
                    }
                }
                let key = "\(profile.village.rawValue)|\(profile.year)"
                if let first = seen[key] { row.reject("year", .duplicateRow(firstLine: first)) } else { seen[key] = row.line }
                if row.isValid { pending.append(PendingRow(value: profile, line: row.line, fields: row.fields, household: -1)) }
            },
            flush: {
                try await self.lookUpAreas(pending.map(\.value.village.rawValue))
                var rows: [[StoreValue]] = []
                for p in pending {
                    let profile = p.value
                    if let problem = self.areaProblem(profile.village, level: .village) {
                        self.reject(.villageProfiles, line: p.line, fields: p.fields, field: "village_code", problem)
                        continue
                    }
                    let county = profile.village.county?.rawValue ?? ""
                    if self.existingProfiles[county] == nil {
                        self.existingProfiles[county] = try await ImportKeysQuery.profiles(county: county, try await self.database())
                    }
                    if self.existingProfiles[county]?.contains("\(profile.village.rawValue)|\(profile.year)") == true {
                        self.reject(.villageProfiles, line: p.line, fields: p.fields, field: "year", .profileAlreadyInRegistry(year: profile.year))
                        continue
                    }
                    rows.append(RegistryRows.row(profile))
                }
                pending.removeAll(keepingCapacity: true)
                try await self.write(rows, into: RegistryRows.villageProfile, file: .villageProfiles)
            })
    }

    // MARK: Households and their rows

    func importHouseholds() async throws {
        var pending: [PendingRow<Household>] = []
        try await read(
            .households, columns: { [codes] in ImportRows.HouseholdColumns($0, codes: codes) },
            { row, c in
                let numberText = row.raw(c.number)
                let household = ImportRows.household(&row, c)
                guard HouseholdNumber.isWellFormed(numberText) else { return }
                if let first = householdIndex[numberText] {
                    // Two rows, one number: neither can be told from the other by its rows.
                    row.reject("household_number", .duplicateHousehold(firstLine: Int(households[Int(first)].row)))
                    rejectHousehold(first, because: .households)
                    return
                }
                let index = Int32(households.count)
                householdIndex[numberText] = index
                let village = household?.village ?? (try? AdminCode(row.raw(c.village)))
                households.append(
                    HouseholdEntry(
                        number: numberText, row: Int32(row.line), county: village?.county?.rawValue ?? "", village: village?.rawValue ?? ""))
                guard let household else { return }
                row.apply(
                    HouseholdRules.evaluate(
                        main: household.mainCause, secondary: household.secondaryCauses,
                        firstIdentifiedYear: household.firstIdentifiedYear, plannedExitYear: household.plannedExitYear,
                        phone: household.phone, bankAccount: household.bankAccount, today: today)
                ) { check in
                    switch check.rule {
                    case HouseholdRules.firstYear: "first_identified_year"
                    case HouseholdRules.plannedExit: "planned_exit_year"
                    case HouseholdRules.phoneForm: "phone"
                    case HouseholdRules.bankAccountForm: "bank_account"
                    default: "secondary_causes"
                    }
                }
                if row.isValid { pending.append(PendingRow(value: household, line: row.line, fields: row.fields, household: index)) }
            },
            flush: {
                try await self.lookUpAreas(pending.map(\.value.village.rawValue))
                var existing: [String: Set<String>] = [:]
                for (county, rows) in Dictionary(grouping: pending, by: { $0.value.county.rawValue }) {
                    // Asked before this import writes any household of the county; one that held
                    // none needs no lookup of its numbers (each lookup waits for the writes).
                    if self.countyHeldHouseholds[county] == nil {
                        self.countyHeldHouseholds[county] = try await ImportKeysQuery.holdsHouseholds(county: county, try await self.database())
                    }
                    guard self.countyHeldHouseholds[county] == true else { continue }
                    existing[county] = try await ImportKeysQuery.households(
                        county: county, rows.map(\.value.number.rawValue), try await self.database())
                }
                var rows: [[StoreValue]] = []
                for p in pending {
                    let h = p.value
                    if self.households[Int(p.household)].rejected {
                        self.cascade(.households, line: p.line, fields: p.fields, household: p.household)
                    } else if let problem = self.areaProblem(h.village, level: .village) {
                        self.reject(.households, line: p.line, fields: p.fields, field: "village_code", problem, household: p.household)
                    } else if existing[h.county.rawValue]?.contains(h.number.rawValue) == true {
                        self.reject(
                            .households, line: p.line, fields: p.fields, field: "household_number", .householdAlreadyInRegistry(h.number.rawValue),
                            household: p.household)
                    } else {
                        rows.append(RegistryRows.row(h))
                        self.households[Int(p.household)].writtenRows.household = true
                    }
                }
                pending.removeAll(keepingCapacity: true)
                try await self.write(rows, into: RegistryRows.household, file: .households)
            })
    }

    /// The household a row names: known from households.csv, or a rejection of the row. A row of
    /// a household already rejected is reported as such, and not parsed.
    func owner(_ row: inout RowReader, _ column: ImportColumn) -> Int32? {
        let text = row.raw(column)
        guard HouseholdNumber.isWellFormed(text) else { return nil }  // reported by the parser
        guard let index = householdIndex[text] else {
            // When households.csv could not be read whole (the import is refused already), its
            // numbers are not all known: the row is not blamed for it.
            if !outcome.fatalFiles.contains(.households) { row.reject(column.name, .unknownHousehold(String(text.prefix(40)))) }
            return nil
        }
        return index
    }

    /// Whether a row without a fault of its own belongs to a household rejected already: it is
    /// then reported with its household, not written. (Its own faults are reported all the same,
    /// so that one round of corrections fixes a file.)
    func isOfRejected(_ row: RowReader, _ household: Int32?) -> Bool {
        guard let household, households[Int(household)].rejected, row.isValid else { return false }
        cascade(row.file, line: row.line, fields: row.fields, household: household)
        return true
    }

    func importStatusEvents() async throws {
        var pending: [PendingRow<StatusEvent>] = []
        try await read(
            .statusEvents, columns: ImportRows.EventColumns.init,
            { row, c in
                let household = owner(&row, c.number)
                guard let event = ImportRows.statusEvent(&row, c) else { return }
                row.apply(StatusHistoryRules.evaluate(event, today: today)) { $0.rule == StatusHistoryRules.dateRange ? "effective_date" : "kind" }
                guard let household, row.isValid, !isOfRejected(row, household) else { return }
                let h = Int(household)
                if let first = households[h].events.first(where: { $0.sequence == Int32(event.sequence) }) {
                    row.reject("sequence", .duplicateRow(firstLine: Int(first.row)))
                    return
                }
                households[h].events.append(
                    CompactEvent(
                        sequence: Int32(event.sequence), day: Int32(event.effectiveDate.dayNumber), kind: event.kind,
                        status: event.status, row: Int32(row.line)))
                pending.append(PendingRow(value: event, line: row.line, fields: row.fields, household: household))
            },
            flush: {
                try await self.writeHouseholdRows(&pending, file: .statusEvents) { RegistryRows.row($0, county: $1) }
            })
    }

    func importIncomes() async throws {
        var pending: [PendingRow<IncomeRecord>] = []
        try await read(
            .incomes, columns: ImportRows.IncomeColumns.init,
            { row, c in
                let household = owner(&row, c.number)
                guard let record = ImportRows.income(&row, c) else { return }
                row.apply(IncomeRules.evaluate(record, today: today)) { check in
                    switch check.rule {
                    case IncomeRules.year: "year"
                    case IncomeRules.size: "household_size"
                    default:
                        // A component's own column.
                        if case .label(let label)? = check["item"] { IncomeItem.allCases.first { $0.label == label }?.token } else { nil }
                    }
                }
                guard let household, row.isValid, !isOfRejected(row, household) else { return }
                let year = Int16(truncatingIfNeeded: record.year)
                if let first = households[Int(household)].incomes.first(where: { $0.year == year }) {
                    row.reject("year", .duplicateRow(firstLine: Int(first.row)))
                    return
                }
                households[Int(household)].incomes.append((year, Int32(row.line)))
                pending.append(PendingRow(value: record, line: row.line, fields: row.fields, household: household))
            },
            flush: {
                try await self.writeHouseholdRows(&pending, file: .incomes) { RegistryRows.row($0, county: $1) }
            })
    }

    /// Writes the waiting rows of households still good; rows of those rejected meanwhile are
    /// reported with their household.
    func writeHouseholdRows<Value>(
        _ pending: inout [PendingRow<Value>], file: RegistryFile,
        _ convert: (Value, String) -> [StoreValue]
    ) async throws {
        var rows: [[StoreValue]] = []
        rows.reserveCapacity(pending.count)
        for p in pending {
            let h = Int(p.household)
            if households[h].rejected {
                cascade(file, line: p.line, fields: p.fields, household: p.household)
                continue
            }
            rows.append(convert(p.value, households[h].county))
            households[h].writtenRows.add(file)
        }
        let table =
            switch file {
            case .statusEvents: RegistryRows.statusEvent
            case .incomes: RegistryRows.income
            case .householdYears: RegistryRows.householdYear
            case .memberYears: RegistryRows.memberYear
            case .householdGroups: RegistryRows.specialGroupTag
            default: RegistryRows.membership
            }
        pending.removeAll(keepingCapacity: true)
        try await write(rows, into: table, file: file)
    }
}
