import SQLKit
import TuopinCore

/// After the files: what the registry already holds, and the rules on a household's whole
/// history and membership.
extension ImportValidator {
    /// Areas the rows name that the files did not define: the registry must hold them.
    mutating func checkAreaReferences(_ sql: any SQLDatabase) async throws {
        let kinds = try await ImportKeysQuery.areaKinds(Array(plan.areaReferences.keys), sql)
        for (code, references) in plan.areaReferences {
            let kind = kinds[code]
            for r in references where kind?.level != r.level {
                let reason: ImportRejection.Reason = kind != nil && r.level == .village ? .notAVillage(code) : .unknownArea(code)
                if r.household >= 0 {
                    late(household: r.household, file: r.file, row: r.row, field: r.field, reason)
                } else {
                    late(r.file, row: Int(r.row), field: r.field, reason)
                }
            }
            if let kind { plan.areaKinds[code] = kind }
        }
        plan.areaReferences = [:]
    }

    /// Households, people, profiles and designations the registry already has.
    mutating func checkRegistry(_ sql: any SQLDatabase) async throws {
        let byCounty = Dictionary(grouping: plan.households.indices.filter { !plan.households[$0].county.isEmpty }) { plan.households[$0].county }
        for (county, indexes) in byCounty {
            let existing = try await ImportKeysQuery.households(county: county, indexes.map { plan.households[$0].number }, sql)
            for i in indexes where existing.contains(plan.households[i].number) {
                late(
                    household: Int32(i), file: .households, row: plan.households[i].row, field: "household_number",
                    .householdAlreadyInRegistry(plan.households[i].number))
            }
        }
        if try await ImportKeysQuery.hasMembers(sql) {
            let byType = Dictionary(grouping: plan.people.keys) { $0.type }
            for (type, keys) in byType {
                let existing = try await ImportKeysQuery.identities(type, keys.map(\.number), sql)
                for key in keys where existing.contains(key.number) {
                    guard let person = plan.people[key] else { continue }
                    for span in person.spans {
                        late(household: span.household, file: .members, row: span.row, field: "id_number", .identityAlreadyInRegistry)
                    }
                }
            }
        }
        for (county, keys) in plan.profileKeys {
            let existing = try await ImportKeysQuery.profiles(county: county, sql)
            for (key, row) in keys where existing.contains(key) {
                late(.villageProfiles, row: Int(row), field: "year", .profileAlreadyInRegistry(year: Int(key.split(separator: "|").last ?? "") ?? 0))
            }
        }
        for (county, keys) in plan.areaEventKeys {
            let existing = try await ImportKeysQuery.areaEvents(county: county, sql)
            for (key, row) in keys where existing.contains(key) {
                late(.areaEvents, row: Int(row), field: "effective_date", .areaEventAlreadyInRegistry)
            }
        }
    }

    /// DQ-006 and the history rules, on each household whose events (or members) were all read:
    /// the failed check goes on the row it is about (the event, the member, or the household's
    /// own row). Two heads at once is a fault whatever else is wrong, so it is always checked.
    mutating func checkHouseholds() {
        for i in plan.households.indices where !plan.households[i].householdRowRejected {
            let h = plan.households[i]
            // Only households whose number parsed were indexed.
            guard let number = try? HouseholdNumber(h.number) else { continue }
            let events = h.events.map {
                StatusEvent(
                    household: number, sequence: Int($0.sequence), kind: $0.kind, status: $0.status, effectiveDate: CivilDate(dayNumber: Int($0.day)))
            }
            let history = h.eventRowRejected ? Decision(checks: []) : StatusHistoryRules.evaluate(history: events)
            for check in history.failedChecks {
                let row = eventRow(h, check) ?? h.row
                late(
                    household: Int32(i), file: row == h.row ? .households : .statusEvents, row: row, field: row == h.row ? nil : "sequence",
                    .rule(check))
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
                    late(household: Int32(i), file: .members, row: second.row, field: "relation", .rule(check))
                } else {
                    late(household: Int32(i), file: .households, row: h.row, field: nil, .rule(check))
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
}
