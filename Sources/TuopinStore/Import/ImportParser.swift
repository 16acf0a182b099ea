import Foundation
import TuopinCore

/// Parses and validates a folder of registry CSV files (staged import: parse → validate →
/// report; the caller commits). Every row is checked; rows that refer to a rejected household
/// are rejected with it, so a partial commit never leaves half a household.
struct ImportParser {
    var existing: ExistingKeys
    /// Where the importing user may write: rows for areas outside it are rejected.
    var scope: AreaScope
    var batch = ImportBatch()
    var rejections: [ImportRejection] = []
    var readRows = 0

    /// Area codes known so far (registry and file) with their kind.
    var knownAreas: [String: AreaKind] = [:]
    /// Households accepted from the file: number → (line, county).
    var households: [String: (line: Int, county: String)] = [:]
    /// Households rejected for any reason: later rows of theirs are rejected too.
    var rejectedHouseholds: Set<String> = []

    init(existing: ExistingKeys, existingAreaKinds: [String: AreaKind], scope: AreaScope = .everywhere) {
        self.existing = existing
        self.scope = scope
        knownAreas = existingAreaKinds
    }

    /// Rejects the row when `code` lies outside the importing user's scope.
    func checkScope(_ code: AdminCode?, _ field: String, _ row: inout RowReader) {
        if let code, !scope.contains(code) { row.reject(field, .outsideScope(code.rawValue)) }
    }

    mutating func run(_ tables: [RegistryFile: CSVTable]) {
        if let t = tables[.areas] { parseAreas(t) }
        if let t = tables[.areaEvents] { parseAreaEvents(t) }
        if let t = tables[.villageProfiles] { parseProfiles(t) }
        if let t = tables[.households] { parseHouseholds(t) }
        if let t = tables[.members] { parseMembers(t) }
        if let t = tables[.statusEvents] { parseStatusEvents(t) }
        if let t = tables[.incomes] { parseIncomes(t) }
        dropRejectedHouseholds()
        rejections.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    mutating func keep(_ row: RowReader) -> Bool {
        rejections += row.rejections
        return row.isValid
    }

    // MARK: Areas

    mutating func parseAreas(_ table: CSVTable) {
        var seen: [String: Int] = [:]
        var parsed: [(Area, RowReader)] = []
        for record in table.records {
            readRows += 1
            var row = RowReader(table: table, line: record.line, fields: record.fields)
            let code = row.adminCode("code"), name = row.text("name"), kind = row.code("kind", AreaKind.self)
            if let code, let kind, kind.level != code.level { row.reject("kind", .unknownCode(kind.token)) }
            if let code, let first = seen[code.rawValue] { row.reject("code", .duplicateRow(firstLine: first)) }
            if let code { seen[code.rawValue] = seen[code.rawValue] ?? record.line }
            if let code, let name, let kind, row.isValid { parsed.append((Area(code: code, name: name, kind: kind), row)) } else { _ = keep(row) }
        }
        // Parents first, so a village's township is known when the village is checked.
        parsed.sort {
            $0.0.code.rawValue.count < $1.0.code.rawValue.count || ($0.0.code.rawValue.count == $1.0.code.rawValue.count && $0.0.code < $1.0.code)
        }
        for (area, reader) in parsed {
            var row = reader
            if area.level >= .county, let parent = area.code.parent, knownAreas[parent.rawValue] == nil {
                row.reject("code", .unknownArea(parent.rawValue))
            }
            let isNew = knownAreas[area.code.rawValue] == nil && !existing.areaCodes.contains(area.code.rawValue)
            if isNew { checkScope(area.code, "code", &row) }
            guard keep(row) else { continue }
            if isNew { batch.areas.append(area) }
            knownAreas[area.code.rawValue] = area.kind
        }
    }

    mutating func parseAreaEvents(_ table: CSVTable) {
        for record in table.records {
            readRows += 1
            var row = RowReader(table: table, line: record.line, fields: record.fields)
            let code = row.adminCode("area_code"), kind = row.code("kind", AreaEventKind.self), date = row.date("effective_date")
            if let code, knownAreas[code.rawValue] == nil { row.reject("area_code", .unknownArea(code.rawValue)) }
            if let code, code.level < .county { row.reject("area_code", .unknownArea(code.rawValue)) }
            checkScope(code, "area_code", &row)
            guard keep(row), let code, let kind, let date else { continue }
            batch.areaEvents.append(AreaEvent(area: code, kind: kind, effectiveDate: date, document: row.raw("document")))
        }
    }

    mutating func parseProfiles(_ table: CSVTable) {
        for record in table.records {
            readRows += 1
            var row = RowReader(table: table, line: record.line, fields: record.fields)
            let code = row.adminCode("village_code"), year = row.int("year"), population = row.int("rural_registered_population")
            let income = row.optionalMoney("collective_income")
            if let code {
                if knownAreas[code.rawValue] == nil {
                    row.reject("village_code", .unknownArea(code.rawValue))
                } else if code.level != .village {
                    row.reject("village_code", .notAVillage(code.rawValue))
                }
            }
            if let population, population < 0 { row.reject("rural_registered_population", .negativeCount) }
            checkScope(code, "village_code", &row)
            guard keep(row), let code, let year, let population, let income else { continue }
            batch.profiles.append(VillageProfile(village: code, year: year, ruralRegisteredPopulation: population, collectiveIncome: income))
        }
    }

    // MARK: Households

    mutating func parseHouseholds(_ table: CSVTable) {
        for record in table.records {
            readRows += 1
            var row = RowReader(table: table, line: record.line, fields: record.fields)
            let number = row.householdNumber()
            let village = row.adminCode("village_code")
            let standard = row.code("identification_standard", IdentificationStandard.self)
            let attribute = row.code("poverty_attribute", PovertyAttribute.self)
            let main = row.code("main_cause", PovertyCause.self)
            var secondary: [PovertyCause] = []
            for token in row.raw("secondary_causes").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !token.isEmpty {
                if let cause = PovertyCause(token: token) { secondary.append(cause) } else { row.reject("secondary_causes", .unknownCode(token)) }
            }
            if let main {
                do { try Household.validateCauses(main: main, secondary: secondary) } catch {
                    row.reject("secondary_causes", .invalidCauses(error))
                }
            }
            let first = row.int("first_identified_year"), planned = row.optionalInt("planned_exit_year")
            let military = row.bool("is_military_martyr_family"), oneChild = row.bool("is_one_child"), twoDaughters = row.bool("is_two_daughters")
            if let village {
                if knownAreas[village.rawValue] == nil {
                    row.reject("village_code", .unknownArea(village.rawValue))
                } else if village.level != .village {
                    row.reject("village_code", .notAVillage(village.rawValue))
                }
            }
            checkScope(village, "village_code", &row)
            if let number {
                if let firstLine = households[number.rawValue]?.line {
                    row.reject("household_number", .duplicateHousehold(firstLine: firstLine))
                } else if existing.households.contains(number.rawValue) {
                    row.reject("household_number", .householdAlreadyInRegistry(number.rawValue))
                }
            }
            guard keep(row), let number, let village, let standard, let attribute, let main, let first, let planned, let military,
                let oneChild, let twoDaughters
            else {
                if let number, households[number.rawValue] == nil { rejectedHouseholds.insert(number.rawValue) }
                continue
            }
            households[number.rawValue] = (record.line, village.county?.rawValue ?? village.rawValue)
            batch.households.append(
                Household(
                    number: number, village: village, identificationStandard: standard, povertyAttribute: attribute, mainCause: main,
                    secondaryCauses: secondary, firstIdentifiedYear: first, plannedExitYear: planned, isMilitaryMartyrFamily: military,
                    isOneChild: oneChild, isTwoDaughters: twoDaughters, phone: row.optionalText("phone"),
                    bankAccount: row.optionalText("bank_account")))
        }
    }

    /// Checks a row's household: known from this file, not rejected.
    mutating func household(_ row: inout RowReader) -> (number: HouseholdNumber, county: String)? {
        guard let number = row.householdNumber() else { return nil }
        if rejectedHouseholds.contains(number.rawValue) {
            row.reject("household_number", .householdRejected(number.rawValue))
            return nil
        }
        guard let known = households[number.rawValue] else {
            row.reject("household_number", .unknownHousehold(number.rawValue))
            return nil
        }
        return (number, known.county)
    }

    mutating func parseStatusEvents(_ table: CSVTable) {
        var seen: [String: Int] = [:]
        for record in table.records {
            readRows += 1
            var row = RowReader(table: table, line: record.line, fields: record.fields)
            let h = household(&row)
            let sequence = row.int("sequence"), kind = row.code("kind", StatusEventKind.self)
            let status = row.code("status", PovertyStatus.self), date = row.date("effective_date")
            if let h, let sequence {
                let key = h.number.rawValue + "#" + String(sequence)
                if let first = seen[key] { row.reject("sequence", .duplicateRow(firstLine: first)) } else { seen[key] = record.line }
            }
            guard keep(row), let h, let sequence, let kind, let status, let date else { continue }
            batch.events.append(
                StatusEvent(
                    household: h.number, sequence: sequence, kind: kind, status: status, effectiveDate: date,
                    note: row.raw("note")))
        }
    }

    mutating func parseIncomes(_ table: CSVTable) {
        var seen: [String: Int] = [:]
        for record in table.records {
            readRows += 1
            var row = RowReader(table: table, line: record.line, fields: record.fields)
            let h = household(&row)
            let year = row.int("year"), size = row.int("household_size")
            if let size, size < 1 { row.reject("household_size", .negativeCount) }
            var amounts: [IncomeItem: Money] = [:]
            for item in IncomeItem.allCases { if let m = row.money(item.token) { amounts[item] = m } }
            if let h, let year {
                let key = h.number.rawValue + "#" + String(year)
                if let first = seen[key] { row.reject("year", .duplicateRow(firstLine: first)) } else { seen[key] = record.line }
            }
            guard keep(row), let h, let year, let size else { continue }
            batch.incomes.append(IncomeRecord(household: h.number, year: year, householdSize: size, amounts: amounts))
        }
    }
}
