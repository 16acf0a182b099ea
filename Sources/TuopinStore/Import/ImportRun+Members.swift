import TuopinCore

extension ImportRun {
    /// members.csv: each person's identity (DQ-001–003) and facts, one household at a time
    /// (DQ-007), one person behind one number; people the registry holds already are refused.
    func importMembers() async throws {
        var pending: [PendingRow<(Member, Membership)>] = []
        try await read(
            .members, columns: ImportRows.MemberColumns.init,
            { row, c in
                let household = owner(&row, c.number)
                guard let (parsedMember, parsedMembership) = ImportRows.member(&row, c) else { return }
                var member = parsedMember, membership = parsedMembership
                let (identity, normalised) = IdentityRules.evaluate(
                    member.idType, member.idNumber, sex: member.sex, birthDate: member.birthDate,
                    today: today)
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
                        to: membership.to, endReason: membership.endReason, health: member.health, today: today)
                ) { check in
                    switch check.rule {
                    case MemberRules.nameLength: "name"
                    case MemberRules.birthDateRange: "birth_date"
                    case MemberRules.ethnicityCode: "ethnicity"
                    case MemberRules.endReasonNeedsEnd: "end_reason"
                    case MemberRules.health: "health"
                    case MemberRules.endAfterStart: "to_date"
                    // The start, unless it is the end that lies after today.
                    case MemberRules.notFuture: membership.from > today ? "from_date" : "to_date"
                    default: "from_date"
                    }
                }
                guard let household, let number = normalised, row.isValid else { return }
                let key = IdentityKey(member.idType, number)
                // A head of a rejected household still counts for DQ-006 (two heads at once).
                defer {
                    if households[Int(household)].rejected, row.isValid {
                        households[Int(household)].memberships.append(
                            CompactMembership(
                                isHead: membership.relation == .head, from: Int32(membership.from.dayNumber),
                                to: membership.to.map { Int32($0.dayNumber) } ?? Int32.max, row: Int32(row.line)))
                    }
                }
                if isOfRejected(row, household) { return }
                let span = PersonSpan(
                    household: household, from: Int32(membership.from.dayNumber),
                    to: membership.to.map { Int32($0.dayNumber) } ?? Int32.max, row: Int32(row.line))
                var hasher = Hasher()
                hasher.combine(member.name)
                hasher.combine(member.sex)
                hasher.combine(member.birthDate)
                let fingerprint = UInt32(truncatingIfNeeded: hasher.finalize())
                let traits = PersonEntry.traits(sex: member.sex, birthDate: member.birthDate)
                if var person = people.get(key) {
                    if person.fingerprint != fingerprint {
                        row.reject(PersonEntry.differingColumn(person.traits, traits), .identityDiffers(otherLine: Int(person.first.row)))
                        return
                    }
                    let spans = [person.first] + (person.moved ? movers[key] ?? [] : [])
                    if let other = spans.first(where: { households[Int($0.household)].county != households[Int(household)].county }) {
                        row.reject("id_number", .identityInOtherCounty(households[Int(other.household)].county))
                        return
                    }
                    if let other = spans.first(where: { $0.from < span.to && span.from < $0.to }) {
                        if other.household == household {
                            row.reject("id_number", .duplicateRow(firstLine: Int(other.row)))
                        } else {
                            row.reject(
                                "id_number",
                                .identityInTwoHouseholds(
                                    otherHousehold: households[Int(other.household)].number,
                                    otherLine: Int(other.row)))
                            // Neither household can be right while both claim the person.
                            rejectHousehold(other.household, because: .members)
                        }
                        return
                    }
                    movers[key, default: []].append(span)
                    person.moved = true
                    people.set(key, person)
                } else {
                    people.set(key, PersonEntry(first: span, fingerprint: fingerprint, traits: traits))
                }
                households[Int(household)].memberships.append(
                    CompactMembership(
                        isHead: membership.relation == .head, from: span.from, to: span.to,
                        row: span.row))
                member.idNumber = number
                membership.idNumber = number
                if memberOf != nil {
                    // The years of the span: from its start to the day before it ends.
                    let first = Int16(truncatingIfNeeded: membership.from.year)
                    let last = Int16(truncatingIfNeeded: membership.to.map { $0.adding(days: -1).year } ?? 9999)
                    let k = MemberOfHousehold(key: key, household: household)
                    let years = memberOf?[k].map { min($0.lowerBound, first)...max($0.upperBound, last) } ?? first...max(first, last)
                    memberOf?[k] = years
                }
                pending.append(PendingRow(value: (member, membership), line: row.line, fields: row.fields, household: household))
            },
            flush: {
                try await self.flushMembers(&pending)
            })
    }

    /// Asks the registry about the waiting people (when it holds anyone), then writes the
    /// memberships of households still good, and each person's `member` row once.
    func flushMembers(_ pending: inout [PendingRow<(Member, Membership)>]) async throws {
        if registryHasMembers {
            var known: Set<IdentityKey> = []
            for (type, rows) in Dictionary(grouping: pending, by: { $0.value.0.idType }) {
                for number in try await ImportKeysQuery.identities(type, rows.map(\.value.0.idNumber), try await database()) {
                    known.insert(IdentityKey(type, number))
                }
            }
            if !known.isEmpty {
                pending.removeAll { p in
                    guard known.contains(IdentityKey(p.value.0.idType, p.value.0.idNumber)) else { return false }
                    reject(.members, line: p.line, fields: p.fields, field: "id_number", .identityAlreadyInRegistry, household: p.household)
                    return true
                }
            }
        }
        var members: [[StoreValue]] = [], memberships: [[StoreValue]] = []
        members.reserveCapacity(pending.count)
        memberships.reserveCapacity(pending.count)
        for p in pending {
            let h = Int(p.household)
            if households[h].rejected {
                cascade(.members, line: p.line, fields: p.fields, household: p.household)
                continue
            }
            let (member, membership) = p.value
            let key = IdentityKey(member.idType, member.idNumber)
            let county = households[h].county
            if var person = people.get(key), !person.written {
                person.written = true
                people.set(key, person)
                members.append(RegistryRows.row(member, county: county))
            }
            memberships.append(RegistryRows.row(membership, county: county))
            households[h].writtenRows.members += 1
        }
        pending.removeAll(keepingCapacity: true)
        try await write(members, into: RegistryRows.member, file: .members)
        try await write(memberships, into: RegistryRows.membership, file: .members)
    }
}
