import TuopinCore
import TuopinStore
import TuopinStrings

/// 合户 (REFERENCE §3.11 `naturalChange`): every current member of one household joins another
/// of the same county on a day, and the first household closes.
///
/// - The movers' memberships end with reason `merged` and start in `into` on the day as `.other`
///   (其他): their relations were to the old head, and how they are related to `into`'s head is
///   not known from the registry; `into` keeps its head. A cadre corrects the relations.
/// - `from` closes with a `naturalClosure` event whose note names `into` ("合户并入 <into>").
///   `into` keeps its status, its case and its attributes.
/// - A `from` with an open monitoring case is refused: its people still need the case (M11 is for
///   a household that is gone, and these people are not); the case is finished or rejected first.
/// - The user needs `editRegistry` on both villages. Refused: the same household twice; two
///   counties; either household closed or removed; a future day, or one before `from`'s last
///   status change or not after a mover's membership start; and an enrolled household with an
///   ordinary one (`HouseholdMerge.sameEnrolment`, the RL-07 pattern).
extension HouseholdService {
    /// Merges `from` into `into` on `date`; returns how many members moved.
    @discardableResult
    public func merge(_ from: HouseholdNumber, into: HouseholdNumber, on date: CivilDate, note: String = "", by user: User) async throws -> Int {
        guard from != into else { throw HouseholdError.sameHousehold }
        let fromVillage = try await MonitoringService(environment).householdVillage(from, by: user)
        let intoVillage = try await MonitoringService(environment).householdVillage(into, by: user)
        guard date <= environment.today else { throw HouseholdError.future(date) }
        let county = String(fromVillage.rawValue.prefix(6))
        guard intoVillage.rawValue.hasPrefix(county) else {
            throw HouseholdError.differentCounties(county, String(intoVillage.rawValue.prefix(6)))
        }
        let closing = environment.strings.zh.text("household.merge.note", ["household": into.rawValue]) + (note.isEmpty ? "" : "；" + note)
        return try await environment.transaction { tx in
            try environment.permit(user, .editRegistry, area: fromVillage)
            try environment.permit(user, .editRegistry, area: intoVillage)
            let fromLast = Self.last(try await HouseholdYearQuery.events(county: county, household: from, tx.sql))
            let intoLast = Self.last(try await HouseholdYearQuery.events(county: county, household: into, tx.sql))
            for (number, last) in [(from, fromLast), (into, intoLast)] {
                if let last, !last.status.isEnrolled { throw HouseholdError.closed(number.rawValue) }
            }
            if let fromLast, date < fromLast.effectiveDate { throw HouseholdError.beforeLastEvent(date, fromLast.effectiveDate) }
            if let open = try await MonitoringQuery.cases(county: county, household: from, tx.sql).first(where: { !$0.state.isClosed }) {
                throw HouseholdError.openCaseOnMerge(open.reference)
            }
            let decision = HouseholdMerge.evaluate(from: fromLast?.status, into: intoLast?.status)
            guard decision.passed else { throw HouseholdError.refused(decision) }
            let moving = try await MembershipQuery.current(county: county, household: from, tx.sql)
            if let early = moving.first(where: { date <= $0.from }) { throw HouseholdError.beforeLastEvent(date, early.from) }
            for m in moving {
                try await MembershipQuery.end(county: county, household: from, m.idType, m.idNumber, on: date, reason: .merged, in: tx)
                try await MembershipQuery.insert(
                    Membership(household: into, idType: m.idType, idNumber: m.idNumber, relation: .other, from: date), county: county, in: tx)
            }
            var after = try await naturalChange(on: date, in: tx)
            after["into"] = .text(into.rawValue)
            after["members"] = .list(moving.map { .text(Masking.identityNumber($0.idNumber)) })
            after["relation"] = .text(RelationToHead.other.token)
            after["date"] = .text(date.description)
            if !note.isEmpty { after["note"] = .text(note) }
            try await environment.audit.record(
                AuditEntry(
                    .householdMerged, entity: "household:\(from.rawValue)", area: fromVillage,
                    before: ["members": .list(moving.map { .text(Masking.identityNumber($0.idNumber)) })], after: after),
                by: user, in: tx)
            try await closeEmpty(from, county: county, village: fromVillage, on: date, reason: .merged, note: closing, by: user, in: tx)
            return moving.count
        }
    }
}
