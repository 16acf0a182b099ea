import TuopinCore

extension ImportParser {
    /// Members with their memberships. Checks the ID number (MOD 11-2, date, sex), one person in
    /// at most one household at a time (DQ-007) and exactly one current head (DQ-006).
    mutating func parseMembers(_ table: CSVTable) {
        var spans: [String: [(household: String, from: CivilDate, to: CivilDate?, line: Int)]] = [:]
        var heads: [String: [(from: CivilDate, to: CivilDate?, line: Int)]] = [:]
        var members: [String: (county: String, member: Member)] = [:]
        var order: [String] = []
        var accepted: [String: [(line: Int, fields: [String], membership: Membership)]] = [:]
        var withMembers: Set<String> = []

        for record in table.records {
            readRows += 1
            var row = RowReader(table: table, line: record.line, fields: record.fields)
            let h = household(&row)
            if let h { withMembers.insert(h.number.rawValue) }
            let relation = row.code("relation", RelationToHead.self)
            let from = row.date("from_date"), to = row.optionalDate("to_date")
            let endReason: NaturalReductionReason?? =
                row.optionalText("end_reason").map { token in
                    if let r = NaturalReductionReason(token: token) { return .some(r) }
                    row.reject("end_reason", .unknownCode(token))
                    return nil
                } ?? .some(nil)
            let idType = row.code("id_type", IdentityType.self)
            var idNumber = row.text("id_number")
            let name = row.text("name"), sex = row.code("sex", Sex.self), birth = row.date("birth_date")
            let ethnicity = row.text("ethnicity"), education = row.code("education", Education.self)
            let studentText = row.text("student_status")
            let student = studentText.flatMap { StudentStatus(token: $0) }
            if let studentText, student == nil { row.reject("student_status", .unknownCode(studentText)) }
            var health: Set<HealthCondition> = []
            for token in row.raw("health").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !token.isEmpty {
                if let c = HealthCondition(token: token) { health.insert(c) } else { row.reject("health", .unknownCode(token)) }
            }
            let labour = row.code("labour_capacity", LabourCapacity.self)
            let insured = row.bool("medical_insured"), serious = row.bool("serious_illness_insured"), pension = row.bool("resident_pension")
            let dibao = row.bool("receives_dibao"), tekun = row.bool("receives_tekun")
            if let from, let t = to ?? nil, t < from { row.reject("to_date", .endBeforeStart) }

            if idType == .residentIdentityCard, let text = idNumber {
                do {
                    let id = try IdentityNumber(text)
                    idNumber = id.rawValue
                    if let sex, sex != id.sex { row.reject("sex", .sexDisagreesWithIdentityNumber(recorded: sex, fromNumber: id.sex)) }
                    if let birth, birth != id.birthDate {
                        row.reject("birth_date", .birthDateDisagreesWithIdentityNumber(recorded: birth, fromNumber: id.birthDate))
                    }
                } catch {
                    row.reject("id_number", .invalidIdentityNumber(error))
                }
            }
            let key = idType.map { $0.token + "|" }.flatMap { prefix in idNumber.map { prefix + $0 } }
            if let key, existing.identities.contains(key) { row.reject("id_number", .identityAlreadyInRegistry) }
            if let key, let h, let from, let to {
                for other in spans[key] ?? [] where overlaps(other.from, other.to, from, to) {
                    if other.household == h.number.rawValue {
                        row.reject("id_number", .duplicateRow(firstLine: other.line))
                    } else {
                        row.reject("id_number", .identityInTwoHouseholds(otherHousehold: other.household, otherLine: other.line))
                    }
                    break
                }
            }
            var secondHead = false
            if relation == .head, let h, let from, let to, row.isValid {
                if let first = (heads[h.number.rawValue] ?? []).first(where: { overlaps($0.from, $0.to, from, to) }) {
                    row.reject("relation", .secondHead(firstLine: first.line))
                    secondHead = true
                }
            }
            if secondHead, let h { rejectHousehold(h.number.rawValue) }
            guard keep(row), let h, let relation, let from, let to, let endReason, let idType, let idNumber, let key, let name, let sex,
                let birth, let ethnicity, let education, let student, let labour, let insured, let serious, let pension, let dibao,
                let tekun
            else { continue }
            spans[key, default: []].append((h.number.rawValue, from, to, record.line))
            if relation == .head { heads[h.number.rawValue, default: []].append((from, to, record.line)) }
            let membership = Membership(
                household: h.number, idType: idType, idNumber: idNumber, relation: relation, from: from, to: to,
                endReason: endReason)
            accepted[h.number.rawValue, default: []].append((record.line, record.fields, membership))
            if members[key] == nil {
                order.append(key)
                members[key] = (
                    h.county,
                    Member(
                        idType: idType, idNumber: idNumber, name: name, sex: sex, birthDate: birth, ethnicity: ethnicity, education: education,
                        studentStatus: student, health: health.isEmpty ? [.healthy] : health, labourCapacity: labour, medicalInsured: insured,
                        seriousIllnessInsured: serious, residentPension: pension, receivesDibao: dibao, receivesTekun: tekun)
                )
            }
        }
        // DQ-006: a household with members needs a head.
        for number in withMembers where heads[number] == nil && !rejectedHouseholds.contains(number) {
            if let line = households[number]?.line {
                rejections.append(ImportRejection(file: .households, line: line, field: nil, reason: .noHead))
            }
            rejectedHouseholds.insert(number)
        }
        // Members of rejected households are reported, not committed.
        for number in rejectedHouseholds {
            for row in accepted[number] ?? [] {
                rejections.append(
                    ImportRejection(
                        file: .members, line: row.line, field: "household_number", reason: .householdRejected(number),
                        fields: row.fields))
            }
            accepted[number] = nil
        }
        batch.memberships = accepted.values.flatMap { $0.map(\.membership) }.sorted {
            ($0.household, $0.from, $0.idNumber) < ($1.household, $1.from, $1.idNumber)
        }
        let committedKeys = Set(batch.memberships.map { $0.idType.token + "|" + $0.idNumber })
        batch.members = order.filter(committedKeys.contains).map { members[$0]! }
    }

    /// Marks a household rejected after its own row was accepted, reporting its households.csv line.
    mutating func rejectHousehold(_ number: String) {
        guard !rejectedHouseholds.contains(number) else { return }
        rejectedHouseholds.insert(number)
        if let line = households[number]?.line {
            rejections.append(ImportRejection(file: .households, line: line, field: nil, reason: .householdRejected(number)))
        }
    }

    /// Removes every accepted row of a rejected household from the batch.
    mutating func dropRejectedHouseholds() {
        guard !rejectedHouseholds.isEmpty else { return }
        batch.households.removeAll { rejectedHouseholds.contains($0.number.rawValue) }
        batch.events.removeAll { rejectedHouseholds.contains($0.household.rawValue) }
        batch.incomes.removeAll { rejectedHouseholds.contains($0.household.rawValue) }
    }

    /// Whether two membership spans [from, to) overlap (an open end runs on).
    func overlaps(_ a0: CivilDate, _ a1: CivilDate?, _ b0: CivilDate, _ b1: CivilDate?) -> Bool {
        (a1.map { b0 < $0 } ?? true) && (b1.map { a0 < $0 } ?? true)
    }
}
