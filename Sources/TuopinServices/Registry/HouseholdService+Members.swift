import TuopinCore
import TuopinStore
import TuopinStrings

/// Natural changes (REFERENCE §3.11 `naturalChange`): a person joins a household (birth,
/// marriage in, return) or leaves it (death, marriage out, migration, imprisonment, missing).
/// Each is a dated membership row, checked by the member rules and DQ-006/007, and audited.
/// When the head leaves, another current member becomes head on the same day; when the last
/// member leaves, the household is closed (`naturalClosure`) and its open monitoring case ends
/// as naturally removed (M11).
extension HouseholdService {
    public enum JoinReason: String, Sendable, CaseIterable {
        case birth, marriage, other
    }

    /// Adds a person to a household from `date`. A person who is a current member of another
    /// household of the same county moves: that membership ends the same day (a marriage or a
    /// move within the county). A move from another county is refused: it leaves there first.
    public func join(
        _ household: HouseholdNumber, member: Member, relation: RelationToHead, on date: CivilDate, reason: JoinReason, by user: User
    ) async throws {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        let today = environment.today
        let (identity, number) = IdentityRules.evaluate(member.idType, member.idNumber, sex: member.sex, birthDate: member.birthDate, today: today)
        let rules = MemberRules.evaluate(
            name: member.name, birthDate: member.birthDate, ethnicity: member.ethnicity, from: date, to: nil, endReason: nil,
            health: member.health, today: today)
        let decision = Decision(checks: identity.checks + rules.checks)
        guard decision.passed, let number else { throw HouseholdError.refused(decision) }
        if reason == .birth && date != member.birthDate && date.dayNumber - member.birthDate.dayNumber > 366 {
            throw HouseholdError.refused(
                Decision(checks: [
                    Check(Self.birthJoin, passed: false, values: [ReasonValue("from", .date(date)), ReasonValue("birth", .date(member.birthDate))])
                ]))
        }
        var normalised = member
        normalised.idNumber = number
        let person = normalised
        let county = String(village.rawValue.prefix(6))
        try await environment.transaction { tx in
            let current = try await MembershipQuery.current(county: county, household: household, tx.sql)
            if relation == .head, current.contains(where: { $0.relation == .head }) {
                throw HouseholdError.refused(
                    Decision(checks: [Check(HouseholdCompositionRules.oneHeadAtATime, passed: false, values: [ReasonValue("date", .date(date))])]))
            }
            let place = try await MembershipQuery.whereIs(person.idType, number, tx.sql)
            if let memberCounty = place.memberCounty, memberCounty != county { throw HouseholdError.otherCounty(memberCounty) }
            if let other = place.household {
                guard other.number != household.rawValue else { throw HouseholdError.alreadyMember }
                guard let otherNumber = try? HouseholdNumber(other.number) else { throw HouseholdError.alreadyMember }
                // Moving someone out of another household changes that household: it must be in the user's scope too.
                guard let otherVillage = try await MonitoringQuery.village(of: otherNumber, within: nil, tx.sql) else {
                    throw HouseholdError.alreadyMember
                }
                try environment.permit(user, .editRegistry, area: otherVillage)
                let moving = try await MembershipQuery.current(county: county, household: otherNumber, tx.sql)
                guard let old = moving.first(where: { $0.idNumber == number }) else { throw HouseholdError.alreadyMember }
                if old.relation == .head && moving.count > 1 { throw HouseholdError.headMustBeReplaced }
                guard date > old.from else { throw HouseholdError.beforeLastEvent(date, old.from) }
                let reason: NaturalReductionReason = reason == .marriage ? .marriage : .migration
                try await MembershipQuery.end(county: county, household: otherNumber, person.idType, number, on: date, reason: reason, in: tx)
                if moving.count == 1 {
                    try await closeEmpty(otherNumber, county: county, village: otherVillage, on: date, reason: reason, by: user, in: tx)
                }
            }
            if place.memberCounty == nil { try await MembershipQuery.insert(member: person, county: county, in: tx) }
            try await MembershipQuery.insert(
                Membership(household: household, idType: person.idType, idNumber: number, relation: relation, from: date), county: county, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .memberJoined, entity: "household:\(household.rawValue)", area: village,
                    after: [
                        "member": .text(Masking.identityNumber(number)), "name": .text(Masking.name(person.name)), "relation": .text(relation.token),
                        "from": .text(date.description), "reason": .text(reason.rawValue),
                    ]),
                by: user, in: tx)
        }
    }

    public static let birthJoin = RuleID("member.birthJoin")

    /// The form field a refused check of `join` is about (the import's column names), so a form
    /// shows its reason next to that field.
    public static func memberField(of check: Check) -> String {
        switch check.rule {
        case IdentityRules.length, IdentityRules.characters, IdentityRules.checkCharacter, IdentityRules.otherNumber: "id_number"
        case IdentityRules.birthDateReal, IdentityRules.birthDateNotFuture, IdentityRules.birthDateAgrees, MemberRules.birthDateRange: "birth_date"
        case IdentityRules.sexAgrees: "sex"
        case MemberRules.nameLength: "name"
        case MemberRules.ethnicityCode: "ethnicity"
        case HouseholdCompositionRules.oneHeadAtATime: "relation"
        default: "from_date"
        }
    }

    /// A current member leaves on `date`. The head may leave only when `newHead` (a current
    /// member) takes over, or when nobody else remains.
    public func leave(
        _ household: HouseholdNumber, idType: IdentityType = .residentIdentityCard, idNumber: String, on date: CivilDate,
        reason: NaturalReductionReason,
        newHead: String? = nil, by user: User
    ) async throws {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        guard date <= environment.today else { throw HouseholdError.future(date) }
        let county = String(village.rawValue.prefix(6))
        try await environment.store.transaction { tx in
            let current = try await MembershipQuery.current(county: county, household: household, tx.sql)
            guard let leaving = current.first(where: { $0.idType == idType && $0.idNumber == idNumber }) else { throw HouseholdError.notAMember }
            guard date > leaving.from else { throw HouseholdError.beforeLastEvent(date, leaving.from) }
            let others = current.filter { $0 != leaving }
            if leaving.relation == .head && !others.isEmpty {
                guard let newHead, let heir = others.first(where: { $0.idNumber == newHead }) else { throw HouseholdError.headMustBeReplaced }
                guard date > heir.from else { throw HouseholdError.beforeLastEvent(date, heir.from) }
                try await MembershipQuery.end(county: county, household: household, heir.idType, heir.idNumber, on: date, reason: nil, in: tx)
                try await MembershipQuery.insert(
                    Membership(household: household, idType: heir.idType, idNumber: heir.idNumber, relation: .head, from: date), county: county,
                    in: tx)
            }
            try await MembershipQuery.end(county: county, household: household, idType, idNumber, on: date, reason: reason, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .memberLeft, entity: "household:\(household.rawValue)", area: village,
                    before: ["member": .text(Masking.identityNumber(idNumber)), "relation": .text(leaving.relation.token)],
                    after: ["to": .text(date.description), "reason": .text(reason.token)]),
                by: user, in: tx)
            guard others.isEmpty else { return }
            try await closeEmpty(household, county: county, village: village, on: date, reason: reason, by: user, in: tx)
        }
    }

    /// The last member has gone: the household closes, and so does its open case (M11). The
    /// closure's note is `note`, or the reason's token.
    func closeEmpty(
        _ household: HouseholdNumber, county: String, village: AdminCode, on date: CivilDate, reason: NaturalReductionReason, note: String? = nil,
        by user: User, in tx: StoreTransaction
    ) async throws {
        let events = try await HouseholdYearQuery.events(county: county, household: household, tx.sql)
        if let last = events.max(by: { ($0.effectiveDate, $0.sequence) < ($1.effectiveDate, $1.sequence) }),
            StatusTransition.isLegal(from: last.status, kind: .naturalClosure), date >= last.effectiveDate
        {
            _ = try await append(
                .naturalClosure, household, county: county, village: village, on: date, note: note ?? reason.token, action: .householdClosed,
                detail: [:],
                by: user, in: tx)
        }
        if var open = try await MonitoringQuery.cases(county: county, household: household, tx.sql).first(where: { !$0.state.isClosed }) {
            try open.remove(on: max(date, open.lastStepDate), reason: reason)
            try await MonitoringQuery.update(open, in: tx)
            try await MonitoringService(environment).record(
                .remove, on: open, step: nil, stage: nil, date: max(date, open.lastStepDate), level: .village, notice: nil,
                note: note ?? reason.token,
                by: user, in: tx)
        }
    }
}
