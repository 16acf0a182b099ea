import TuopinCore

/// Parses one row of each registry file into its domain value: fields only, each fault a
/// rejection on the reader. Each file's columns are resolved against its header once
/// (`ImportRows.Columns`), so a row is read without looking names up.
enum ImportRows {
    /// The columns of one file, resolved against its header.
    struct Columns {
        private let all: [String: ImportColumn]

        init(_ header: ImportHeader) {
            all = Dictionary(uniqueKeysWithValues: header.file.columns.map { ($0, header.column($0)) })
        }

        /// A column of the file's format (every name used below is one).
        subscript(_ name: String) -> ImportColumn {
            all[name] ?? ImportColumn(name: name, position: -1, optional: true, freeText: false, multiline: false)
        }
    }

    struct AreaColumns {
        let code, name, kind: ImportColumn
        init(_ c: Columns) { (code, name, kind) = (c["code"], c["name"], c["kind"]) }
    }

    struct AreaEventColumns {
        let area, kind, date, document: ImportColumn
        init(_ c: Columns) { (area, kind, date, document) = (c["area_code"], c["kind"], c["effective_date"], c["document"]) }
    }

    struct ProfileColumns {
        let village, year, population, income: ImportColumn
        let conditions: [ImportColumn]
        init(_ c: Columns) {
            conditions = VillageConditionColumns.names.map { c[$0] }
            (village, year, population, income) = (c["village_code"], c["year"], c["rural_registered_population"], c["collective_income"])
        }
    }

    struct HouseholdColumns {
        let number, village, standard, attribute, main, secondary, first, planned, military, oneChild, twoDaughters, phone, bank: ImportColumn
        let local: ImportColumn
        /// The cause list with its local codes.
        let codes: CodeBook
        init(_ c: Columns, codes: CodeBook) {
            self.codes = codes
            local = c["local_causes"]
            (number, village, standard, attribute, main) =
                (c["household_number"], c["village_code"], c["identification_standard"], c["poverty_attribute"], c["main_cause"])
            (secondary, first, planned, military) = (
                c["secondary_causes"], c["first_identified_year"], c["planned_exit_year"], c["is_military_martyr_family"]
            )
            (oneChild, twoDaughters, phone, bank) = (c["is_one_child"], c["is_two_daughters"], c["phone"], c["bank_account"])
        }
    }

    struct EventColumns {
        let number, sequence, kind, status, date, note: ImportColumn
        init(_ c: Columns) {
            (number, sequence, kind, status, date, note) = (
                c["household_number"], c["sequence"], c["kind"], c["status"], c["effective_date"], c["note"]
            )
        }
    }

    struct MemberColumns {
        let number, relation, from, to, endReason, idType, idNumber, name, sex, birth, ethnicity, education, student, health, labour: ImportColumn
        let insured, serious, pension, dibao, tekun: ImportColumn
        init(_ c: Columns) {
            (number, relation, from, to, endReason) = (c["household_number"], c["relation"], c["from_date"], c["to_date"], c["end_reason"])
            (idType, idNumber, name, sex, birth) = (c["id_type"], c["id_number"], c["name"], c["sex"], c["birth_date"])
            (ethnicity, education, student, health, labour) = (c["ethnicity"], c["education"], c["student_status"], c["health"], c["labour_capacity"])
            (insured, serious, pension, dibao, tekun) =
                (c["medical_insured"], c["serious_illness_insured"], c["resident_pension"], c["receives_dibao"], c["receives_tekun"])
        }
    }

    struct IncomeColumns {
        let number, year, size: ImportColumn
        /// One per `IncomeItem`, in `allCases` order.
        let items: [ImportColumn]
        init(_ c: Columns) {
            (number, year, size) = (c["household_number"], c["year"], c["household_size"])
            items = IncomeItem.allCases.map { c[$0.token] }
        }
    }

    static func area(_ row: inout RowReader, _ c: AreaColumns) -> Area? {
        let code = row.adminCode(c.code), name = row.text(c.name, maximum: ImportLimits.areaName.upperBound)
        let kind = row.code(c.kind, AreaKind.self)
        if let code, let kind, kind.level != code.level {
            row.reject(c.kind.name, .kindNotOfLevel(kind: kind.token, digits: code.rawValue.count))
        }
        guard let code, let name, let kind, row.isValid else { return nil }
        return Area(code: code, name: name, kind: kind)
    }

    static func areaEvent(_ row: inout RowReader, _ c: AreaEventColumns) -> AreaEvent? {
        let code = row.adminCode(c.area), kind = row.code(c.kind, AreaEventKind.self), date = row.date(c.date)
        let document = row.optionalText(c.document) ?? ""
        if document.count > ImportLimits.note { row.reject(c.document.name, .tooLong(count: document.count, maximum: ImportLimits.note)) }
        guard let code, let kind, let date, row.isValid else { return nil }
        return AreaEvent(area: code, kind: kind, effectiveDate: date, document: document)
    }

    static func profile(_ row: inout RowReader, _ c: ProfileColumns) -> VillageProfile? {
        let code = row.adminCode(c.village), year = row.int(c.year), population = row.int(c.population)
        let income = row.optionalMoney(c.income)
        let conditions = c.conditions.map { row.optionalBool($0) }
        if let code, code.level != .village { row.reject(c.village.name, .notAVillage(code.rawValue)) }
        guard let code, let year, let population, let income, row.isValid else { return nil }
        return VillageProfile(
            village: code, year: year, ruralRegisteredPopulation: population, collectiveIncome: income,
            conditions: VillageConditionColumns.conditions(conditions.map { $0 ?? nil }))
    }

    static func household(_ row: inout RowReader, _ c: HouseholdColumns) -> Household? {
        let number = row.householdNumber(c.number)
        let village = row.adminCode(c.village)
        let standard = row.code(c.standard, IdentificationStandard.self)
        let attribute = row.code(c.attribute, PovertyAttribute.self)
        // A cause may be written as a local code: its base is the cause, the code is kept beside it.
        var local: [String] = []
        var main: PovertyCause?
        if let text = row.text(c.main) {
            if let choice = c.codes.resolve(text, in: .povertyCause), let cause = PovertyCause(token: choice.base) {
                main = cause
                if let code = choice.local { local.append(code) }
            } else {
                row.reject(c.main.name, .unknownCode(String(text.prefix(40))))
            }
        }
        var secondary: [PovertyCause] = []
        for token in ListField.items(row.raw(c.secondary)) {
            if let choice = c.codes.resolve(token, in: .povertyCause), let cause = PovertyCause(token: choice.base) {
                secondary.append(cause)
                if let code = choice.local { local.append(code) }
            } else {
                row.reject(c.secondary.name, .unknownCode(String(token.prefix(40))))
            }
        }
        for token in ListField.items(row.raw(c.local)) {
            guard let code = c.codes.local(token, in: .povertyCause) else {
                row.reject(c.local.name, .unknownCode(String(token.prefix(40))))
                continue
            }
            if !local.contains(code.token) { local.append(code.token) }
        }
        // Each local code refines a cause of the household, and no cause twice.
        var refined: Set<String> = []
        let causes = ([main].compactMap { $0 } + secondary).map(\.token)
        for token in local {
            guard let code = c.codes.local(token, in: .povertyCause) else { continue }
            if !causes.contains(code.base) || !refined.insert(code.base).inserted {
                row.reject(c.local.name, .localCodeWithoutBase(code.token, base: code.base))
            }
        }
        let first = row.int(c.first), planned = row.optionalInt(c.planned)
        let military = row.bool(c.military), oneChild = row.bool(c.oneChild), twoDaughters = row.bool(c.twoDaughters)
        let phone = row.optionalText(c.phone), bank = row.optionalText(c.bank)
        if let village, village.level != .village { row.reject(c.village.name, .notAVillage(village.rawValue)) }
        guard let number, let village, let standard, let attribute, let main, let first, let planned, let military, let oneChild,
            let twoDaughters, row.isValid
        else { return nil }
        return Household(
            number: number, village: village, identificationStandard: standard, povertyAttribute: attribute, mainCause: main,
            secondaryCauses: secondary, firstIdentifiedYear: first, plannedExitYear: planned, isMilitaryMartyrFamily: military,
            isOneChild: oneChild, isTwoDaughters: twoDaughters, phone: phone, bankAccount: bank, localCauses: local)
    }

    static func statusEvent(_ row: inout RowReader, _ c: EventColumns) -> StatusEvent? {
        let number = row.householdNumber(c.number)
        let sequence = row.int(c.sequence), kind = row.code(c.kind, StatusEventKind.self)
        let status = row.code(c.status, PovertyStatus.self), date = row.date(c.date)
        let note = row.optionalText(c.note) ?? ""
        if note.count > ImportLimits.note { row.reject(c.note.name, .tooLong(count: note.count, maximum: ImportLimits.note)) }
        if let sequence, !ImportLimits.eventSequence.contains(sequence) {
            row.reject(
                c.sequence.name, .outOfRange(sequence, minimum: ImportLimits.eventSequence.lowerBound, maximum: ImportLimits.eventSequence.upperBound)
            )
        }
        guard let number, let sequence, let kind, let status, let date, row.isValid else { return nil }
        return StatusEvent(household: number, sequence: sequence, kind: kind, status: status, effectiveDate: date, note: note)
    }

    static func member(_ row: inout RowReader, _ c: MemberColumns) -> (Member, Membership)? {
        let number = row.householdNumber(c.number)
        let relation = row.code(c.relation, RelationToHead.self)
        let from = row.date(c.from), to = row.optionalDate(c.to)
        let endReason: NaturalReductionReason?? =
            row.optionalText(c.endReason).map { token in
                if let r = NaturalReductionReason(token: token) { return .some(r) }
                row.reject(c.endReason.name, .unknownCode(String(token.prefix(40))))
                return nil
            } ?? .some(nil)
        let idType = row.code(c.idType, IdentityType.self)
        // A resident number's lower-case check character x is the capital X.
        let idNumber = row.text(c.idNumber, maximum: 32).map {
            idType == .residentIdentityCard && $0.utf8.last == UInt8(ascii: "x") ? String($0.dropLast()) + "X" : $0
        }
        let name = row.text(c.name, maximum: ImportLimits.personName.upperBound)
        let sex = row.code(c.sex, Sex.self), birth = row.date(c.birth)
        let ethnicity = row.text(c.ethnicity, maximum: 8), education = row.code(c.education, Education.self)
        let studentText = row.text(c.student)
        let student = studentText.flatMap { StudentStatus(token: $0) }
        if let studentText, student == nil { row.reject(c.student.name, .unknownCode(String(studentText.prefix(40)))) }
        var health: Set<HealthCondition> = []
        let healthText = row.raw(c.health)
        if !healthText.isEmpty, !healthText.utf8.contains(UInt8(ascii: ";")), let h = HealthCondition(token: healthText) {
            health.insert(h)  // one condition, the common case
        } else if !healthText.isEmpty {
            for token in ListField.items(healthText) {
                if let h = HealthCondition(token: token) {
                    health.insert(h)
                } else {
                    row.reject(c.health.name, .unknownCode(String(token.prefix(40))))
                }
            }
        }
        let labour = row.code(c.labour, LabourCapacity.self)
        let insured = row.bool(c.insured), serious = row.bool(c.serious), pension = row.bool(c.pension)
        let dibao = row.bool(c.dibao), tekun = row.bool(c.tekun)
        guard let number, let relation, let from, let to, let endReason, let idType, let idNumber, let name, let sex, let birth,
            let ethnicity, let education, let student, let labour, let insured, let serious, let pension, let dibao, let tekun, row.isValid
        else { return nil }
        let member = Member(
            idType: idType, idNumber: idNumber, name: name, sex: sex, birthDate: birth, ethnicity: ethnicity, education: education,
            studentStatus: student, health: health.isEmpty ? [.healthy] : health, labourCapacity: labour, medicalInsured: insured,
            seriousIllnessInsured: serious, residentPension: pension, receivesDibao: dibao, receivesTekun: tekun)
        let membership = Membership(
            household: number, idType: idType, idNumber: idNumber, relation: relation, from: from, to: to,
            endReason: endReason)
        return (member, membership)
    }

    static func income(_ row: inout RowReader, _ c: IncomeColumns) -> IncomeRecord? {
        let number = row.householdNumber(c.number)
        let year = row.int(c.year), size = row.int(c.size)
        guard let number, let year, let size else {
            for column in c.items { _ = row.money(column) }  // every fault of the row is reported
            return nil
        }
        var record = IncomeRecord(household: number, year: year, householdSize: size)
        for (item, column) in zip(IncomeItem.allCases, c.items) {
            if let m = row.money(column) { record[item] = m }
        }
        return row.isValid ? record : nil
    }
}
