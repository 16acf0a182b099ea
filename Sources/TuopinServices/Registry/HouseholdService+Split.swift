import TuopinCore
import TuopinStore
import TuopinStrings

/// 分户 (REFERENCE §3.11 `naturalChange`): some current members of a household form a new
/// household of the same village, from a day.
///
/// - Their memberships in the old household end on the day with reason `split`, and start in
///   the new one on the day: the named new head as `.head`, the others with their tie to the new
///   head where `HouseholdSplit.relation` can tell it, `.other` where it cannot.
/// - The new household copies the old one's attributes (identification standard, poverty
///   attribute, causes, first identified and planned exit years, flags), not its phone or bank
///   account, which belong to the people who stay.
/// - It carries the old household's status on the day: identified, and corrected to that status
///   (`HouseholdSplit.path(to:)`), both dated on the day and noted "分户自 <old number>"; no exit or
///   return is invented. A household never enrolled (no status events: an ordinary, monitored
///   household) gives a new one with none either.
/// - When the head moves, the staying member named `oldHead` heads the old household from the
///   day, and the others' relations are restated to the new head where the family makes it clear.
/// - An open monitoring case stays with the old household: the case follows the household that
///   was identified, and the movers' own risks, if any, are a new lead of the new household.
/// - Refused: a future day, or one not after a mover's membership start; a malformed or taken
///   new number; a mover who is not a current member; nobody left behind (use `merge` or `leave`);
///   the old head moving without `oldHead`, a staying member, taking over; a household that is
///   closed or removed.
extension HouseholdService {
    /// Splits `members` (ID numbers; `newHead` moves too, whether listed or not) off `household`
    /// into a new household numbered `newNumber`; returns the new household's status events.
    public func split(
        _ household: HouseholdNumber, newNumber: String, members: [String], newHead: String, oldHead: String? = nil, on date: CivilDate,
        note: String = "", by user: User
    ) async throws -> [StatusEvent] {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        guard date <= environment.today else { throw HouseholdError.future(date) }
        guard let number = try? HouseholdNumber(newNumber) else { throw HouseholdError.malformedNumber(newNumber) }
        let county = String(village.rawValue.prefix(6))
        let movers = Set(members + [newHead])
        let noted = environment.strings.zh.text("household.split.note", ["household": household.rawValue]) + (note.isEmpty ? "" : "；" + note)
        return try await environment.transaction { tx in
            try environment.permit(user, .editRegistry, area: village)
            let events = try await HouseholdYearQuery.events(county: county, household: household, tx.sql)
            let status = StatusEvent.status(of: events, on: date)
            if let last = Self.last(events), !last.status.isEnrolled { throw HouseholdError.closed(household.rawValue) }
            if let status, !status.isEnrolled { throw HouseholdError.closed(household.rawValue) }
            var path: [(kind: StatusEventKind, status: PovertyStatus)] = []
            if let status {
                guard let steps = HouseholdSplit.path(to: status) else { throw HouseholdError.statusNotCarried(status) }
                path = steps
            }
            guard var copy = try await HouseholdQuery.household(county: county, household, tx.sql) else {
                throw MonitoringError.householdNotFound(household.rawValue)
            }
            guard !(try await HouseholdQuery.exists(number, tx.sql)) else { throw HouseholdError.numberTaken(number.rawValue) }
            let current = try await MembershipQuery.current(county: county, household: household, tx.sql)
            let moving = current.filter { movers.contains($0.idNumber) }
            guard moving.count == movers.count, let head = moving.first(where: { $0.idNumber == newHead }) else { throw HouseholdError.notAMember }
            if let early = moving.first(where: { date <= $0.from }) { throw HouseholdError.beforeLastEvent(date, early.from) }
            let staying = current.filter { !movers.contains($0.idNumber) }
            guard !staying.isEmpty else { throw HouseholdError.splitLeavesNobody }
            var after: [String: AuditValue] = [:]
            if moving.contains(where: { $0.relation == .head }) {
                guard let oldHead, let heir = staying.first(where: { $0.idNumber == oldHead }) else { throw HouseholdError.oldHeadMustBeNamed }
                guard date > heir.from else { throw HouseholdError.beforeLastEvent(date, heir.from) }
                try await MembershipQuery.end(county: county, household: household, heir.idType, heir.idNumber, on: date, reason: nil, in: tx)
                try await MembershipQuery.insert(
                    Membership(household: household, idType: heir.idType, idNumber: heir.idNumber, relation: .head, from: date), county: county,
                    in: tx)
                // The others who stay are now related to the new head.
                for m in staying where m != heir {
                    let relation = HouseholdSplit.relation(m.relation, newHeadWas: heir.relation)
                    guard relation != m.relation, date > m.from else { continue }
                    try await MembershipQuery.end(county: county, household: household, m.idType, m.idNumber, on: date, reason: nil, in: tx)
                    try await MembershipQuery.insert(
                        Membership(household: household, idType: m.idType, idNumber: m.idNumber, relation: relation, from: date), county: county,
                        in: tx)
                }
                after["oldHead"] = .text(Masking.identityNumber(heir.idNumber))
            }
            copy.number = number
            copy.phone = nil
            copy.bankAccount = nil
            try await HouseholdQuery.insert(copy, in: tx)
            for m in moving {
                try await MembershipQuery.end(county: county, household: household, m.idType, m.idNumber, on: date, reason: .split, in: tx)
                let relation = m == head ? RelationToHead.head : HouseholdSplit.relation(m.relation, newHeadWas: head.relation)
                try await MembershipQuery.insert(
                    Membership(household: number, idType: m.idType, idNumber: m.idNumber, relation: relation, from: date), county: county, in: tx)
            }
            var carried: [StatusEvent] = []
            for step in path {
                // The path is legal by construction; checked again so a change to the transitions cannot slip past.
                guard StatusTransition.isLegal(from: carried.last?.status, kind: step.kind) else {
                    throw HouseholdError.illegalTransition(from: carried.last?.status, kind: step.kind)
                }
                let event = StatusEvent(
                    household: number, sequence: carried.count + 1, kind: step.kind, status: step.status, effectiveDate: date, note: noted)
                try await HouseholdYearQuery.append(event, county: county, in: tx)
                carried.append(event)
            }
            after.merge(try await naturalChange(on: date, in: tx)) { a, _ in a }
            after["household"] = .text(number.rawValue)
            after["members"] = .list(moving.map { .text(Masking.identityNumber($0.idNumber)) })
            after["newHead"] = .text(Masking.identityNumber(head.idNumber))
            after["date"] = .text(date.description)
            if let status { after["status"] = .text(status.token) }
            if !note.isEmpty { after["note"] = .text(note) }
            try await environment.audit.record(
                AuditEntry(
                    .householdSplit, entity: "household:\(household.rawValue)", area: village,
                    before: ["members": .list(current.map { .text(Masking.identityNumber($0.idNumber)) })], after: after),
                by: user, in: tx)
            return carried
        }
    }

    /// A split or a merge belongs to the annual adjustment as a natural change (REFERENCE §3.11),
    /// whenever it happens; inside the visits or entry window the audit also names the phase.
    func naturalChange(on date: CivilDate, in tx: StoreTransaction) async throws -> [String: AuditValue] {
        var values: [String: AuditValue] = ["change": .text(AnnualChangeKind.naturalChange.token)]
        if let phase = AdjustmentTiming.phase(of: date, windows: try await AdjustmentQuery.windows(tx.sql)) {
            values["adjustment"] = .text(phase.token)
        }
        return values
    }

    /// The household's latest event (by date, then sequence).
    static func last(_ events: [StatusEvent]) -> StatusEvent? {
        events.max { ($0.effectiveDate, $0.sequence) < ($1.effectiveDate, $1.sequence) }
    }
}
