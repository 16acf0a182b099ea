import TuopinCore

/// The optional files of yearly facts and special-group tags. Their rows belong to households
/// of this import (like events and incomes), so a faulty row rejects its household whole.
extension ImportRun {
    /// household_years.csv: one row per household and year, held to `HouseholdYearRules`.
    func importHouseholdYears() async throws {
        var pending: [PendingRow<HouseholdYear>] = []
        var seen: [Int64: Int32] = [:]
        try await read(
            .householdYears, columns: ImportRows.HouseholdYearColumns.init,
            { row, c in
                let household = owner(&row, c.number)
                guard let facts = ImportRows.householdYear(&row, c) else { return }
                row.apply(HouseholdYearRules.evaluate(facts, today: today)) { check in
                    switch check.rule {
                    case HouseholdYearRules.fuels: "fuels"
                    case HouseholdYearRules.builtYear: "built_year"
                    case HouseholdYearRules.renovationYear: "renovation_year"
                    case HouseholdYearRules.floorArea: "floor_area"
                    case HouseholdYearRules.roadDistance: "road_km"
                    case HouseholdYearRules.water: Self.waterColumn(facts.water)
                    default: "year"
                    }
                }
                guard let household, row.isValid, !isOfRejected(row, household) else { return }
                let key = Int64(household) * 10_000 + Int64(facts.year)
                if let first = seen[key] {
                    row.reject("year", .duplicateRow(firstLine: Int(first)))
                    return
                }
                seen[key] = Int32(row.line)
                pending.append(PendingRow(value: facts, line: row.line, fields: row.fields, household: household))
            },
            flush: {
                try await self.writeHouseholdRows(&pending, file: .householdYears) { RegistryRows.row($0, county: $1) }
            })
    }

    /// member_years.csv: a member of the row's household in that year (in members.csv), once a year.
    func importMemberYears() async throws {
        var pending: [PendingRow<(MemberYear, HouseholdNumber)>] = []
        var seen: [MemberYearKey: Int32] = [:]
        try await read(
            .memberYears, columns: ImportRows.MemberYearColumns.init,
            { row, c in
                let household = owner(&row, c.number)
                guard let facts = ImportRows.memberYear(&row, c) else { return }
                row.apply(MemberYearRules.evaluate(facts, today: today)) { check in
                    switch check.rule {
                    case MemberYearRules.health: "health"
                    case MemberYearRules.disability: "disability_category"
                    case MemberYearRules.monthsWorked: "months_worked"
                    case MemberYearRules.monthsEmployed: "months_employed"
                    default: "year"
                    }
                }
                guard let household, let number = try? HouseholdNumber(households[Int(household)].number) else { return }
                // A row of a household rejected already is reported with it (its members may not have
                // been kept); nor is anyone looked for when members.csv could not be read whole.
                if !households[Int(household)].rejected, !outcome.fatalFiles.contains(.members) {
                    let key = IdentityKey(facts.idType, facts.idNumber)
                    let years = memberOf?[MemberOfHousehold(key: key, household: household)]
                    if years?.contains(Int16(truncatingIfNeeded: facts.year)) != true {
                        row.reject("id_number", .notAMemberOfHousehold(number.rawValue, year: facts.year))
                    }
                }
                guard row.isValid, !isOfRejected(row, household) else { return }
                let yearKey = MemberYearKey(person: IdentityKey(facts.idType, facts.idNumber), year: Int16(truncatingIfNeeded: facts.year))
                if let first = seen[yearKey] {
                    row.reject("year", .duplicateRow(firstLine: Int(first)))
                    return
                }
                seen[yearKey] = Int32(row.line)
                pending.append(PendingRow(value: (facts, number), line: row.line, fields: row.fields, household: household))
            },
            flush: {
                try await self.writeHouseholdRows(&pending, file: .memberYears) { RegistryRows.row($0.0, county: $1, household: $0.1) }
            })
        memberOf = nil
    }

    /// special_groups.csv: the groups a tag may name. A group the registry lacks is added (the
    /// code table travels with the registry) when the importer's scope is the whole registry;
    /// one it has must carry the same names.
    func importSpecialGroups() async throws {
        guard has(.specialGroups) else { return }
        let known = Dictionary(try await SpecialGroupQuery.groups(try await database()).map { ($0.token, $0) }, uniquingKeysWith: { a, _ in a })
        var added: [SpecialGroup] = []
        var seen: [String: Int] = [:]
        try await read(
            .specialGroups, columns: ImportRows.SpecialGroupColumns.init,
            { row, c in
                let token = row.text(c.token, maximum: 40), zh = row.text(c.zh, maximum: 40), en = row.optionalText(c.en) ?? ""
                guard let token, let zh, row.isValid else { return }
                let group: SpecialGroup
                do throws(SpecialGroupError) { group = try SpecialGroup(token: token, label: Label(zh, en)) } catch {
                    row.reject(error == .badName ? "name_zh" : "token", .invalidSpecialGroup(error))
                    return
                }
                if let first = seen[token] {
                    row.reject("token", .duplicateRow(firstLine: first))
                    return
                }
                seen[token] = row.line
                if let existing = known[token] {
                    if existing.label != group.label { row.reject("name_zh", .specialGroupDiffers(token)) } else { outcome.unchangedRows += 1 }
                    return
                }
                // The code table is the whole registry's: only an import with the whole registry in scope adds to it.
                guard scope == .everywhere else {
                    row.reject("token", .unknownSpecialGroup(token))
                    return
                }
                added.append(group)
            }, flush: {})
        for group in added { try await SpecialGroupQuery.save(group, in: tx) }
        if !added.isEmpty { outcome.writtenRows[.specialGroups, default: 0] += added.count }
    }

    /// household_groups.csv: tags of groups the registry's code table has, from a start date.
    func importGroups() async throws {
        guard has(.householdGroups) else { return }
        let groups = Set(try await SpecialGroupQuery.groups(try await database()).map(\.token))
        var pending: [PendingRow<SpecialGroupTag>] = []
        var seen: [String: Int32] = [:]
        try await read(
            .householdGroups, columns: ImportRows.GroupColumns.init,
            { row, c in
                let household = owner(&row, c.number)
                guard let tag = ImportRows.groupTag(&row, c) else { return }
                if !groups.contains(tag.group) { row.reject("group", .unknownSpecialGroup(String(tag.group.prefix(40)))) }
                row.apply(SpecialGroupTagRules.evaluate(tag, today: today)) { $0.rule == SpecialGroupTagRules.span ? "to_date" : "from_date" }
                guard let household, row.isValid, !isOfRejected(row, household) else { return }
                let key = "\(household)|\(tag.group)|\(tag.from)"
                if let first = seen[key] {
                    row.reject("from_date", .duplicateRow(firstLine: Int(first)))
                    return
                }
                seen[key] = Int32(row.line)
                pending.append(PendingRow(value: tag, line: row.line, fields: row.fields, household: household))
            },
            flush: {
                try await self.writeHouseholdRows(&pending, file: .householdGroups) { RegistryRows.row($0, county: $1) }
            })
    }
}

extension ImportRun {
    /// The first water column out of its range (for the place of a `year.water` rejection).
    static func waterColumn(_ w: WaterAccess?) -> String {
        guard let w else { return "water_litres" }
        let r = HouseholdYearRules.waterRanges
        if !r.litres.contains(w.litresPerPersonPerDay) { return "water_litres" }
        if !r.minutes.contains(w.roundTripMinutes) { return "water_round_trip_minutes" }
        if !r.lift.contains(w.verticalLiftMetres) { return "water_lift_metres" }
        return "water_shortage_days"
    }
}

/// A person's row for a year in member_years.csv (once each).
struct MemberYearKey: Hashable {
    var person: IdentityKey
    var year: Int16
}
