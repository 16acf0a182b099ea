import TuopinCore

/// The first pass over each file: parse, apply the row rules of Core, index what the household
/// rules and the registry checks need.
extension ImportValidator {
    /// areas.csv: read whole (a province has some 30,000 villages), resolved against the
    /// registry by `resolveAreas`.
    mutating func readAreas() -> [(area: Area, line: Int, fields: [String])] {
        var pending: [(area: Area, line: Int, fields: [String])] = []
        var seen: [String: Int] = [:]
        if let info = read(
            .areas,
            { v, row in
                guard let area = ImportRows.area(&row) else { return }
                row.apply(AreaRules.evaluate(name: area.name)) { _ in "name" }
                if let first = seen[area.code.rawValue] {
                    row.reject("code", .duplicateRow(firstLine: first))
                    return
                }
                seen[area.code.rawValue] = row.line
                if row.isValid { pending.append((area, row.line, row.fields)) }
            })
        {
            plan.files.append(info)
        }
        return pending
    }

    /// Areas after the registry said which of them it holds (`existing`): parents first, each new
    /// one needs its parent known and must lie inside the importer's scope.
    mutating func resolveAreas(_ pending: [(area: Area, line: Int, fields: [String])], existing: [String: AreaKind]) {
        for (code, kind) in existing { plan.areaKinds[code] = kind }
        let ordered = pending.sorted { ($0.area.code.rawValue.count, $0.area.code) < ($1.area.code.rawValue.count, $1.area.code) }
        for (area, line, fields) in ordered {
            let code = area.code.rawValue
            if plan.areaKinds[code] != nil && !plan.newAreas.contains(code) { continue }  // in the registry: skipped
            var problem: (String, ImportRejection.Reason)? = nil
            if area.code.level >= .county, let parent = area.code.parent, plan.areaKinds[parent.rawValue] == nil {
                problem = ("code", .unknownArea(parent.rawValue))
            } else if !scope.contains(area.code) {
                problem = ("code", .outsideScope(code))
            }
            if let (field, reason) = problem {
                plan.rejectedRows += 1
                plan.rejectedRowsByFile[.areas, default: []].insert(line)
                plan.record(ImportRejection(file: .areas, line: line, field: field, reason: reason, fields: fields), sink: sink)
                continue
            }
            plan.areaKinds[code] = area.kind
            plan.newAreas.insert(code)
        }
    }

    /// Checks that an area a row names is known at the level it must have, or notes it to ask
    /// the registry; and that it lies inside the importer's scope.
    mutating func checkArea(_ code: AdminCode, level: AreaLevel, field: String, _ row: inout RowReader, household: Int32 = -1) {
        if !scope.contains(code) { row.reject(field, .outsideScope(code.rawValue)) }
        if let kind = plan.areaKinds[code.rawValue] {
            if kind.level != level { row.reject(field, level == .village ? .notAVillage(code.rawValue) : .unknownArea(code.rawValue)) }
        } else if row.isValid {
            plan.areaReferences[code.rawValue, default: []].append(
                AreaReference(file: row.file, row: Int32(row.line), field: field, household: household, level: level))
        }
    }

    mutating func readAreaEvents() {
        var seen: [String: Int] = [:]
        if let info = read(
            .areaEvents,
            { v, row in
                guard let event = ImportRows.areaEvent(&row) else { return }
                row.apply(AreaRules.evaluate(event, today: v.today)) { $0.rule == AreaRules.eventDate ? "effective_date" : "kind" }
                let level: AreaLevel = [.designatedPoorVillage, .villageExited].contains(event.kind) ? .village : .county
                v.checkArea(event.area, level: level, field: "area_code", &row)
                let key = "\(event.area.rawValue)|\(event.kind.token)|\(event.effectiveDate)"
                if let first = seen[key] { row.reject("effective_date", .duplicateRow(firstLine: first)) } else { seen[key] = row.line }
                if row.isValid, let county = event.area.county?.rawValue {
                    v.plan.areaEventKeys[county, default: [:]][key] = Int32(row.line)
                }
            })
        {
            plan.files.append(info)
        }
    }

    mutating func readProfiles() {
        var seen: [String: Int] = [:]
        if let info = read(
            .villageProfiles,
            { v, row in
                guard let profile = ImportRows.profile(&row) else { return }
                row.apply(AreaRules.evaluate(profile, today: v.today)) { check in
                    switch check.rule {
                    case AreaRules.profileYear: "year"
                    case AreaRules.population: "rural_registered_population"
                    default: "collective_income"
                    }
                }
                v.checkArea(profile.village, level: .village, field: "village_code", &row)
                let key = "\(profile.village.rawValue)|\(profile.year)"
                if let first = seen[key] { row.reject("year", .duplicateRow(firstLine: first)) } else { seen[key] = row.line }
                if row.isValid, let county = profile.village.county?.rawValue {
                    v.plan.profileKeys[county, default: [:]][key] = Int32(row.line)
                }
            })
        {
            plan.files.append(info)
        }
    }

    // MARK: Households and their rows

    mutating func readHouseholds() {
        if let info = read(
            .households,
            { v, row in
                let numberText = row.raw("household_number")
                let household = ImportRows.household(&row)
                guard let number = try? HouseholdNumber(numberText) else { return }
                if let first = v.plan.householdIndex[number.rawValue] {
                    // Two rows, one number: neither can be told apart from the other by its rows.
                    row.reject("household_number", .duplicateHousehold(firstLine: Int(v.plan.households[Int(first)].row)))
                    v.plan.households[Int(first)].rejected = true
                    return
                }
                let index = Int32(v.plan.households.count)
                v.plan.householdIndex[number.rawValue] = index
                let village = household?.village ?? (try? AdminCode(row.raw("village_code")))
                v.plan.households.append(
                    HouseholdEntry(
                        number: number.rawValue, row: Int32(row.line), county: village?.county?.rawValue ?? "",
                        village: village?.rawValue ?? ""))
                guard let household else { return }
                row.apply(
                    HouseholdRules.evaluate(
                        main: household.mainCause, secondary: household.secondaryCauses,
                        firstIdentifiedYear: household.firstIdentifiedYear, plannedExitYear: household.plannedExitYear,
                        phone: household.phone, bankAccount: household.bankAccount, today: v.today)
                ) { check in
                    switch check.rule {
                    case HouseholdRules.tooManyCauses, HouseholdRules.causeEqualsMain, HouseholdRules.causeRepeated: "secondary_causes"
                    case HouseholdRules.firstYear: "first_identified_year"
                    case HouseholdRules.plannedExit: "planned_exit_year"
                    case HouseholdRules.phoneForm: "phone"
                    default: "bank_account"
                    }
                }
                v.checkArea(household.village, level: .village, field: "village_code", &row, household: index)
            })
        {
            plan.files.append(info)
        }
    }

    /// The household a row names: known from households.csv, or a rejection of the row.
    func owner(_ row: inout RowReader) -> Int32? {
        let text = row.raw("household_number")
        guard !text.isEmpty, (try? HouseholdNumber(text)) != nil else { return nil }  // reported by the parser
        guard let index = plan.householdIndex[text] else {
            row.reject("household_number", .unknownHousehold(String(text.prefix(40))))
            return nil
        }
        return index
    }

    mutating func readStatusEvents() {
        if let info = read(
            .statusEvents,
            { v, row in
                let household = v.owner(&row)
                guard let event = ImportRows.statusEvent(&row) else { return }
                row.apply(StatusHistoryRules.evaluate(event, today: v.today)) {
                    $0.rule == StatusHistoryRules.dateRange ? "effective_date" : "status"
                }
                guard let household, row.isValid else { return }
                let h = Int(household)
                if let first = v.plan.households[h].events.first(where: { $0.sequence == Int32(event.sequence) }) {
                    row.reject("sequence", .duplicateRow(firstLine: Int(first.row)))
                    return
                }
                v.plan.households[h].events.append(
                    CompactEvent(
                        sequence: Int32(event.sequence), day: Int32(event.effectiveDate.dayNumber),
                        kind: event.kind, status: event.status, row: Int32(row.line)))
            })
        {
            plan.files.append(info)
        }
    }

    mutating func readMembers() {
        if let info = read(
            .members,
            { v, row in
                let household = v.owner(&row)
                guard let (member, membership) = ImportRows.member(&row) else { return }
                let (identity, normalised) = IdentityRules.evaluate(
                    member.idType, member.idNumber, sex: member.sex, birthDate: member.birthDate,
                    today: v.today)
                row.apply(identity) { check in
                    switch check.rule {
                    case IdentityRules.sexAgrees: "sex"
                    case IdentityRules.birthDateAgrees: "birth_date"
                    default: "id_number"
                    }
                }
                row.apply(
                    MemberRules.evaluate(
                        name: member.name, birthDate: member.birthDate, ethnicity: member.ethnicity, from: membership.from,
                        to: membership.to, endReason: membership.endReason, today: v.today)
                ) { check in
                    switch check.rule {
                    case MemberRules.nameLength: "name"
                    case MemberRules.birthDateRange: "birth_date"
                    case MemberRules.ethnicityCode: "ethnicity"
                    case MemberRules.endReasonNeedsEnd: "end_reason"
                    case MemberRules.endAfterStart: "to_date"
                    default: "from_date"
                    }
                }
                guard let household, let number = normalised, row.isValid else { return }
                let key = IdentityKey(member.idType, number)
                let span = PersonSpan(
                    household: household, from: Int32(membership.from.dayNumber),
                    to: membership.to.map { Int32($0.dayNumber) } ?? Int32.max, row: Int32(row.line))
                var hasher = Hasher()
                hasher.combine(member.name)
                hasher.combine(member.sex)
                hasher.combine(member.birthDate)
                let fingerprint = hasher.finalize()
                if var person = v.plan.people[key] {
                    if person.fingerprint != fingerprint {
                        row.reject("name", .identityDiffers(otherLine: Int(person.firstRow)))
                        return
                    }
                    for other in person.spans where other.from < span.to && span.from < other.to {
                        if other.household == household {
                            row.reject("id_number", .duplicateRow(firstLine: Int(other.row)))
                        } else {
                            row.reject(
                                "id_number",
                                .identityInTwoHouseholds(
                                    otherHousehold: v.plan.households[Int(other.household)].number,
                                    otherLine: Int(other.row)))
                        }
                        return
                    }
                    person.more = (person.more ?? []) + [span]
                    v.plan.people[key] = person
                } else {
                    v.plan.people[key] = PersonEntry(firstRow: Int32(row.line), fingerprint: fingerprint, first: span, more: nil)
                }
                v.plan.households[Int(household)].memberships.append(
                    CompactMembership(isHead: membership.relation == .head, from: span.from, to: span.to, row: span.row))
            })
        {
            plan.files.append(info)
        }
    }

    mutating func readIncomes() {
        if let info = read(
            .incomes,
            { v, row in
                let household = v.owner(&row)
                guard let record = ImportRows.income(&row) else { return }
                row.apply(IncomeRules.evaluate(record, today: v.today)) { check in
                    switch check.rule {
                    case IncomeRules.year: "year"
                    case IncomeRules.size: "household_size"
                    default:
                        // A component's own column.
                        if case .label(let label)? = check["item"] { IncomeItem.allCases.first { $0.label == label }?.token } else { nil }
                    }
                }
                guard let household, row.isValid else { return }
                let key = UInt64(UInt32(bitPattern: household)) << 16 | UInt64(UInt16(truncatingIfNeeded: record.year))
                if let first = v.plan.incomeKeys[key] {
                    row.reject("year", .duplicateRow(firstLine: Int(first)))
                    return
                }
                v.plan.incomeKeys[key] = Int32(row.line)
                v.plan.households[Int(household)].incomeRows += 1
            })
        {
            plan.files.append(info)
        }
    }
}
