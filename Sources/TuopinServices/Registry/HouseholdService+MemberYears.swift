import TuopinCore
import TuopinStore

/// Members' yearly facts (REFERENCE §2.2 `MemberYear`): recorded per person and year for a
/// member of the household in that year, checked by `MemberYearRules`, and audited without the
/// health and disability details (private: DESIGN principle 8).
extension HouseholdService {
    public func setMemberYear(_ facts: MemberYear, household: HouseholdNumber, by user: User) async throws {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        var facts = facts
        if facts.idType == .residentIdentityCard, facts.idNumber.utf8.last == UInt8(ascii: "x") { facts.idNumber = facts.idNumber.uppercased() }
        let decision = MemberYearRules.evaluate(facts, today: environment.today)
        guard decision.passed else { throw HouseholdError.refused(decision) }
        let county = String(village.rawValue.prefix(6))
        let record = facts
        try await environment.store.transaction { tx in
            guard
                try await MemberYearQuery.isMember(
                    county: county, household: household, record.idType, record.idNumber, during: record.year, tx.sql)
            else { throw HouseholdError.notAMember }
            // One row a person and year: one filed under another household is corrected there.
            let existing = try await MemberYearQuery.find(county: county, record.idType, record.idNumber, year: record.year, tx.sql)
            if let (_, other) = existing, other != household { throw HouseholdError.memberYearInOtherHousehold(other.rawValue) }
            let before = existing?.0
            try await MemberYearQuery.save(record, county: county, household: household, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .memberYearSet, entity: "memberYear:\(household.rawValue)/\(Masking.identityNumber(record.idNumber))/\(record.year)",
                    area: village, before: before.map(Self.values), after: Self.values(record)),
                by: user, in: tx)
        }
    }

    /// The household's members' rows for `year` (every year when nil).
    public func memberYears(_ household: HouseholdNumber, year: Int?, by user: User) async throws -> [MemberYear] {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .view, area: village)
        return try await MemberYearQuery.years(
            county: String(village.rawValue.prefix(6)), household: household, year: year, environment.store.sql)
    }

    static func values(_ y: MemberYear) -> [String: AuditValue] {
        var v: [String: AuditValue] = [
            "year": .int(Int64(y.year)), "education": .text(y.education.token), "student": .text(y.studentStatus.token),
            "labour": .text(y.labourCapacity.token), "medicalInsured": .bool(y.medicalInsured),
            "seriousIllnessInsured": .bool(y.seriousIllnessInsured),
            "residentPension": .bool(y.residentPension), "employeePension": .bool(y.employeePension), "dibao": .bool(y.receivesDibao),
            "tekun": .bool(y.receivesTekun), "publicWelfareJob": .bool(y.publicWelfareJob), "activeSoldier": .bool(y.isActiveSoldier),
        ]
        if let w = y.migrantWork { v["migrantWork"] = .text(w.token) }
        if let m = y.monthsWorked { v["monthsWorked"] = .int(Int64(m)) }
        if let m = y.monthsEmployed { v["monthsEmployed"] = .int(Int64(m)) }
        return v
    }
}
