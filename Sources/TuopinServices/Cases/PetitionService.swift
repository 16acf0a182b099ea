import Foundation
import TuopinCore
import TuopinStore
import TuopinStrings

/// Poverty-related petitions and public opinion (涉贫信访舆情): received and assigned by the
/// county or city office, replied by the unit (village, township or county), the petitioner's
/// view asked on a return visit, escalated when dissatisfied or overdue. The petitioner's name
/// and phone are private: a user without private access sees the surname masked and no phone,
/// and the audit log never records them.
public struct PetitionService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// The reply deadline of a petition received on `date` when none is set (the policy
    /// parameter `petitionReplyDays`).
    public func defaultDeadline(receivedOn date: CivilDate) async throws -> CivilDate {
        date.adding(days: try await PolicyParameters.petitionReplyDays(environment.store.sql))
    }

    public func receive(_ petition: Petition, by user: User) async throws -> Petition {
        try await environment.authorize(user, .recordFinding, area: petition.area)
        guard try await AreaQuery.area(environment.store.sql, code: petition.area) != nil else {
            throw PetitionError.areaNotFound(petition.area.rawValue)
        }
        if let household = petition.household {
            let village = try await MonitoringService(environment).householdVillage(household, by: user)
            guard village.rawValue.hasPrefix(petition.area.prefix) else {
                throw PetitionError.householdOutsideArea(household: household.rawValue, area: petition.area.rawValue)
            }
        }
        var p = petition
        p.content = p.content.trimmingCharacters(in: .whitespacesAndNewlines)
        p.petitionerName = p.petitionerName.trimmingCharacters(in: .whitespacesAndNewlines)
        p.petitionerPhone = p.petitionerPhone.trimmingCharacters(in: .whitespacesAndNewlines)
        p.state = .received
        p.lastStepDate = p.receivedOn
        let decision = PetitionRules.evaluate(p, today: environment.today)
        guard decision.passed else { throw PetitionError.refused(decision) }
        let checked = p
        let stored = try await environment.store.transaction { tx in
            var p = checked
            p.key = try await PetitionQuery.insert(p, in: tx)
            try await PetitionQuery.insert(
                PetitionStep(kind: .received, date: p.receivedOn, note: p.channel.token, username: user.username.rawValue, role: user.role),
                of: p.key,
                in: tx)
            try await environment.audit.record(
                AuditEntry(.petitionReceived, entity: "petition:\(p.key)", area: p.area, after: Self.values(p)), by: user, in: tx)
            return p
        }
        return try await masked(stored, for: user)
    }

    /// A step of a petition's procedure.
    public enum Step: Sendable, Equatable {
        case assign(unit: String, deadline: CivilDate)
        case reply(String)
        case rate(Satisfaction, note: String)
        case escalate(unit: String, deadline: CivilDate, reason: String)

        var action: AccessAction {
            switch self {
            case .reply: .rectifyFinding
            case .assign, .rate, .escalate: .recordFinding
            }
        }

        public var kind: PetitionStepKind {
            switch self {
            case .assign: .assigned
            case .reply: .replied
            case .rate: .rated
            case .escalate: .escalated
            }
        }
    }

    @discardableResult
    public func take(_ step: Step, on date: CivilDate, petition key: PetitionKey, by user: User) async throws -> Petition {
        let found = try await petition(key, by: user)
        try await environment.authorize(user, step.action, area: found.area)
        let today = environment.today
        let stored = try await environment.store.transaction { tx in
            guard var p = try await PetitionQuery.petition(key, tx.sql) else { throw PetitionError.notFound(key.description) }
            let before = Self.values(p)
            let name = user.username.rawValue
            let record: PetitionStep
            do throws(PetitionRefusal) {
                switch step {
                case .assign(let unit, let deadline):
                    record = try p.assign(to: unit, deadline: deadline, on: date, by: name, role: user.role, today: today)
                case .reply(let text): record = try p.answer(text, on: date, by: name, role: user.role, today: today)
                case .rate(let view, let note): record = try p.rate(view, note: note, on: date, by: name, role: user.role, today: today)
                case .escalate(let unit, let deadline, let reason):
                    record = try p.escalate(to: unit, deadline: deadline, reason: reason, on: date, by: name, role: user.role, today: today)
                }
            } catch { throw PetitionError.refused(error.decision) }
            try await PetitionQuery.update(p, in: tx)
            let number = try await PetitionQuery.insert(record, of: key, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .petitionStep, entity: "petition:\(key)#\(number)", area: p.area, before: before, after: Self.values(p),
                    detail: ["step": .text(record.kind.token), "date": .text(date.description)]),
                by: user, in: tx)
            return p
        }
        return try await masked(stored, for: user)
    }

    /// A petition inside the user's scope, masked for a user without private access.
    public func petition(_ key: PetitionKey, by user: User) async throws -> Petition {
        guard let p = try await PetitionQuery.petition(key, environment.store.sql), user.scope.contains(p.area) else {
            throw PetitionError.notFound(key.description)
        }
        try await environment.authorize(user, .view, area: p.area)
        return try await masked(p, for: user)
    }

    public func file(_ key: PetitionKey, by user: User) async throws -> (Petition, [PetitionStep]) {
        let p = try await petition(key, by: user)
        return (p, try await PetitionQuery.steps(of: key, environment.store.sql))
    }

    public func petitions(in area: AdminCode?, state: PetitionState? = nil, overdue: Bool = false, by user: User) async throws -> [Petition] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        var out: [Petition] = []
        for p in try await PetitionQuery.petitions(in: area, state: state, overdueOn: overdue ? environment.today : nil, environment.store.sql) {
            out.append(try await masked(p, for: user))
        }
        return out
    }

    /// the area's petitions tallied in all, by channel, by category and by child area.
    public func report(in area: AdminCode?, by user: User) async throws -> PetitionReport {
        let area = try await environment.area(area, of: user)
        let all = try await petitions(in: area, by: user)
        let today = environment.today
        let children = try await AreaQuery.children(environment.store.sql, of: area)
        let names = Dictionary(uniqueKeysWithValues: children.map { ($0.code.rawValue, $0.name) })
        let byArea = PetitionTally.by(all, today: today) { p in children.first { p.area.rawValue.hasPrefix($0.code.prefix) }?.code.rawValue ?? "" }
        var total = PetitionTally()
        for p in all { total.add(p, today: today) }
        return PetitionReport(
            area: area, asOf: today, total: total,
            byChannel: PetitionTally.by(all, today: today) { $0.channel }.sorted { $0.key.rawValue < $1.key.rawValue },
            byCategory: PetitionTally.by(all, today: today) { $0.category }.sorted { $0.key.rawValue < $1.key.rawValue },
            byArea: byArea.sorted { $0.key < $1.key }.map { (code: $0.key, name: names[$0.key] ?? "", tally: $0.tally) })
    }

    func masked(_ p: Petition, for user: User) async throws -> Petition {
        guard !AccessPolicy.decide(user, .viewPrivate, area: p.area).passed else { return p }
        var m = p
        m.petitionerName = p.maskedName
        m.petitionerPhone = ""
        return m
    }

    /// What the audit log records: never the petitioner's name or phone.
    static func values(_ p: Petition) -> [String: AuditValue] {
        var v: [String: AuditValue] = [
            "channel": .text(p.channel.token), "category": .text(p.category.token), "receivedOn": .text(p.receivedOn.description),
            "deadline": .text(p.deadline.description), "state": .text(p.state.token), "escalations": .int(Int64(p.escalations)),
        ]
        if let u = p.assignedUnit { v["unit"] = .text(u) }
        if let s = p.satisfaction { v["satisfaction"] = .text(s.token) }
        if let h = p.household { v["household"] = .text(h.rawValue) }
        return v
    }
}

/// R-12 for one area on one day. `byArea` is keyed by the child area's code ("" and no name for the area itself).
public struct PetitionReport: Sendable {
    public let area: AdminCode
    public let asOf: CivilDate
    public let total: PetitionTally
    public let byChannel: [(key: PetitionChannel, tally: PetitionTally)]
    public let byCategory: [(key: FindingCategory, tally: PetitionTally)]
    public let byArea: [(code: String, name: String, tally: PetitionTally)]
}

public enum PetitionError: Error, Equatable, Sendable {
    case refused(Decision)
    case notFound(String)
    case areaNotFound(String)
    case householdOutsideArea(household: String, area: String)
}

extension PetitionError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .refused(let d):
            s.text("error.finding.refused", ["reasons": d.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")])
        case .notFound(let key): s.text("error.petition.notFound", ["petition": key])
        case .areaNotFound(let code): s.text("error.finding.areaNotFound", ["area": code])
        case .householdOutsideArea(let household, let area): s.text("error.finding.householdOutsideArea", ["household": household, "area": area])
        }
    }
}
