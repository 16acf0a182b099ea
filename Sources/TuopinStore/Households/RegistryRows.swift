import TuopinCore

/// How registry values become table rows: one mapping per table, shared by the demo loader and
/// the CSV import so both write exactly the same columns.
public enum RegistryRows {
    public static let area = BulkTable("area", ["code", "name", "kind", "level", "parent_code", "county_code"])
    public static let areaEvent = BulkTable("area_event", ["county_code", "area_code", "kind", "effective_date", "document"])
    public static let villageProfile = BulkTable(
        "village_profile",
        ["county_code", "village_code", "year", "rural_registered_population", "collective_income_fen"] + VillageConditionColumns.names)
    public static let household = BulkTable(
        "household",
        [
            "county_code", "household_number", "village_code", "identification_standard", "poverty_attribute", "main_cause",
            "secondary_causes", "first_identified_year", "planned_exit_year", "is_military_martyr_family", "is_one_child",
            "is_two_daughters", "phone", "bank_account", "local_causes",
        ])
    public static let statusEvent = BulkTable(
        "status_event",
        ["county_code", "household_number", "sequence", "kind", "status", "effective_date", "note"])
    public static let member = BulkTable(
        "member",
        [
            "county_code", "id_type", "id_number", "name", "sex", "birth_date", "ethnicity", "education", "student_status", "health",
            "labour_capacity", "medical_insured", "serious_illness_insured", "resident_pension", "receives_dibao", "receives_tekun",
        ])
    public static let membership = BulkTable(
        "membership",
        [
            "county_code", "household_number", "id_type", "id_number", "relation", "from_date", "to_date", "end_reason",
        ])
    public static let income = BulkTable("income_record", ["county_code", "household_number", "year", "household_size"] + IncomeColumns.names)

    public static func row(_ a: Area) -> [StoreValue] {
        [
            .text(a.code.rawValue), .text(a.name), .text(a.kind.token), .text(a.level.token), .text(a.code.parent?.rawValue),
            .text(a.code.county?.rawValue),
        ]
    }

    public static func row(_ e: AreaEvent) -> [StoreValue] {
        [
            .text(e.area.county?.rawValue ?? e.area.rawValue), .text(e.area.rawValue), .text(e.kind.token), .text(e.effectiveDate.description),
            .text(e.document),
        ]
    }

    public static func row(_ p: VillageProfile) -> [StoreValue] {
        [
            .text(p.village.county?.rawValue ?? p.village.rawValue), .text(p.village.rawValue), .int(p.year), .int(p.ruralRegisteredPopulation),
            p.collectiveIncome.map { .int($0.fen) } ?? .null,
        ] + VillageConditionColumns.values(p.conditions).map { $0.map { .bool($0) } ?? .null }
    }

    public static func row(_ h: Household) -> [StoreValue] {
        [
            .text(h.county.rawValue), .text(h.number.rawValue), .text(h.village.rawValue), .text(h.identificationStandard.token),
            .text(h.povertyAttribute.token), .text(h.mainCause.token), .text(h.secondaryCauses.map(\.token).joined(separator: ";")),
            .int(h.firstIdentifiedYear), .int(h.plannedExitYear), .bool(h.isMilitaryMartyrFamily), .bool(h.isOneChild),
            .bool(h.isTwoDaughters), .text(h.phone), .text(h.bankAccount), .text(h.localCauses.joined(separator: ";")),
        ]
    }

    public static func row(_ e: StatusEvent, county: String) -> [StoreValue] {
        [
            .text(county), .text(e.household.rawValue), .int(e.sequence), .text(e.kind.token), .text(e.status.token),
            .text(e.effectiveDate.description), .text(e.note),
        ]
    }

    public static func row(_ m: Member, county: String) -> [StoreValue] {
        [
            .text(county), .text(m.idType.token), .text(m.idNumber), .text(m.name), .text(m.sex.token), .text(m.birthDate.description),
            .text(m.ethnicity), .text(m.education.token), .text(m.studentStatus.token), .text(healthToken(m.health)),
            .text(m.labourCapacity.token), .bool(m.medicalInsured), .bool(m.seriousIllnessInsured), .bool(m.residentPension),
            .bool(m.receivesDibao), .bool(m.receivesTekun),
        ]
    }

    public static func row(_ m: Membership, county: String) -> [StoreValue] {
        [
            .text(county), .text(m.household.rawValue), .text(m.idType.token), .text(m.idNumber), .text(m.relation.token),
            .text(m.from.description), .text(m.to?.description), .text(m.endReason?.token),
        ]
    }

    public static func row(_ r: IncomeRecord, county: String) -> [StoreValue] {
        var row: [StoreValue] = []
        row.reserveCapacity(4 + IncomeItem.allCases.count)
        row += [.text(county), .text(r.household.rawValue), .int(r.year), .int(r.householdSize)]
        for item in IncomeItem.allCases { row.append(.int(r[item].fen)) }
        return row
    }

    /// Health conditions as a stable `;`-separated list in code-list order.
    public static func healthToken(_ health: Set<HealthCondition>) -> String {
        switch health.count {
        case 0: ""
        case 1: health.first?.token ?? ""  // most people: no list to build
        default: HealthCondition.allCases.filter(health.contains).map(\.token).joined(separator: ";")
        }
    }
}
