import TuopinCore

/// Parses one row of each registry file into its domain value: fields only, each fault a
/// rejection on the reader. Both passes use it: the first to check, the second to write.
enum ImportRows {
    static func area(_ row: inout RowReader) -> Area? {
        let code = row.adminCode("code"), name = row.text("name", maximum: ImportLimits.areaName.upperBound)
        let kind = row.code("kind", AreaKind.self)
        if let code, let kind, kind.level != code.level { row.reject("kind", .unknownCode(kind.token)) }
        guard let code, let name, let kind, row.isValid else { return nil }
        return Area(code: code, name: name, kind: kind)
    }

    static func areaEvent(_ row: inout RowReader) -> AreaEvent? {
        let code = row.adminCode("area_code"), kind = row.code("kind", AreaEventKind.self), date = row.date("effective_date")
        let document = row.optionalText("document") ?? ""
        if document.count > ImportLimits.note { row.reject("document", .tooLong(count: document.count, maximum: ImportLimits.note)) }
        guard let code, let kind, let date, row.isValid else { return nil }
        return AreaEvent(area: code, kind: kind, effectiveDate: date, document: document)
    }

    static func profile(_ row: inout RowReader) -> VillageProfile? {
        let code = row.adminCode("village_code"), year = row.int("year"), population = row.int("rural_registered_population")
        let income = row.optionalMoney("collective_income")
        if let code, code.level != .village { row.reject("village_code", .notAVillage(code.rawValue)) }
        guard let code, let year, let population, let income, row.isValid else { return nil }
        return VillageProfile(village: code, year: year, ruralRegisteredPopulation: population, collectiveIncome: income)
    }

    static func household(_ row: inout RowReader) -> Household? {
        let number = row.householdNumber()
        let village = row.adminCode("village_code")
        let standard = row.code("identification_standard", IdentificationStandard.self)
        let attribute = row.code("poverty_attribute", PovertyAttribute.self)
        let main = row.code("main_cause", PovertyCause.self)
        var secondary: [PovertyCause] = []
        for token in row.raw("secondary_causes").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !token.isEmpty {
            if let cause = PovertyCause(token: token) {
                secondary.append(cause)
            } else {
                row.reject("secondary_causes", .unknownCode(String(token.prefix(40))))
            }
        }
        let first = row.int("first_identified_year"), planned = row.optionalInt("planned_exit_year")
        let military = row.bool("is_military_martyr_family"), oneChild = row.bool("is_one_child"), twoDaughters = row.bool("is_two_daughters")
        let phone = row.optionalText("phone"), bank = row.optionalText("bank_account")
        if let village, village.level != .village { row.reject("village_code", .notAVillage(village.rawValue)) }
        guard let number, let village, let standard, let attribute, let main, let first, let planned, let military, let oneChild,
            let twoDaughters, row.isValid
        else { return nil }
        return Household(
            number: number, village: village, identificationStandard: standard, povertyAttribute: attribute, mainCause: main,
            secondaryCauses: secondary, firstIdentifiedYear: first, plannedExitYear: planned, isMilitaryMartyrFamily: military,
            isOneChild: oneChild, isTwoDaughters: twoDaughters, phone: phone, bankAccount: bank)
    }

    static func statusEvent(_ row: inout RowReader) -> StatusEvent? {
        let number = row.householdNumber()
        let sequence = row.int("sequence"), kind = row.code("kind", StatusEventKind.self)
        let status = row.code("status", PovertyStatus.self), date = row.date("effective_date")
        let note = row.optionalText("note") ?? ""
        if note.count > ImportLimits.note { row.reject("note", .tooLong(count: note.count, maximum: ImportLimits.note)) }
        if let sequence, !ImportLimits.eventSequence.contains(sequence) { row.reject("sequence", .invalidNumber(String(sequence))) }
        guard let number, let sequence, let kind, let status, let date, row.isValid else { return nil }
        return StatusEvent(household: number, sequence: sequence, kind: kind, status: status, effectiveDate: date, note: note)
    }

    static func member(_ row: inout RowReader) -> (Member, Membership)? {
        let number = row.householdNumber()
        let relation = row.code("relation", RelationToHead.self)
        let from = row.date("from_date"), to = row.optionalDate("to_date")
        let endReason: NaturalReductionReason?? =
            row.optionalText("end_reason").map { token in
                if let r = NaturalReductionReason(token: token) { return .some(r) }
                row.reject("end_reason", .unknownCode(String(token.prefix(40))))
                return nil
            } ?? .some(nil)
        let idType = row.code("id_type", IdentityType.self)
        // A resident number's lower-case check character x is the capital X.
        let idNumber = row.text("id_number", maximum: 32).map {
            idType == .residentIdentityCard && $0.hasSuffix("x") ? String($0.dropLast()) + "X" : $0
        }
        let name = row.text("name", maximum: ImportLimits.personName.upperBound)
        let sex = row.code("sex", Sex.self), birth = row.date("birth_date")
        let ethnicity = row.text("ethnicity", maximum: 8), education = row.code("education", Education.self)
        let studentText = row.text("student_status")
        let student = studentText.flatMap { StudentStatus(token: $0) }
        if let studentText, student == nil { row.reject("student_status", .unknownCode(String(studentText.prefix(40)))) }
        var health: Set<HealthCondition> = []
        for token in row.raw("health").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !token.isEmpty {
            if let c = HealthCondition(token: token) { health.insert(c) } else { row.reject("health", .unknownCode(String(token.prefix(40)))) }
        }
        let labour = row.code("labour_capacity", LabourCapacity.self)
        let insured = row.bool("medical_insured"), serious = row.bool("serious_illness_insured"), pension = row.bool("resident_pension")
        let dibao = row.bool("receives_dibao"), tekun = row.bool("receives_tekun")
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

    static func income(_ row: inout RowReader) -> IncomeRecord? {
        let number = row.householdNumber()
        let year = row.int("year"), size = row.int("household_size")
        var amounts: [IncomeItem: Money] = [:]
        var complete = true
        for item in IncomeItem.allCases {
            if let m = row.money(item.token) { amounts[item] = m } else { complete = false }
        }
        guard let number, let year, let size, complete, row.isValid else { return nil }
        return IncomeRecord(household: number, year: year, householdSize: size, amounts: amounts)
    }
}
