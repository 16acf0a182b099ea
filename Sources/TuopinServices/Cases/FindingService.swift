import Foundation
import TuopinCore
import TuopinStore
import TuopinStrings

/// The rectification ledger (问题整改台账): findings recorded by the county and city offices,
/// rectified by the responsible unit with evidence, verified and closed (销号) by another role.
/// Every change is audited; a user sees and acts only on findings inside their scope.
public struct FindingService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Records a finding (state 整改中, with its first step); returns it numbered.
    public func record(_ finding: Finding, by user: User) async throws -> Finding {
        try await environment.authorize(user, .recordFinding, area: finding.area)
        guard try await AreaQuery.area(environment.store.sql, code: finding.area) != nil else {
            throw FindingError.areaNotFound(finding.area.rawValue)
        }
        if let household = finding.household {
            let village = try await MonitoringService(environment).householdVillage(household, by: user)
            guard village.rawValue.hasPrefix(finding.area.prefix) else {
                throw FindingError.householdOutsideArea(household: household.rawValue, area: finding.area.rawValue)
            }
        }
        var f = finding
        f.description = f.description.trimmingCharacters(in: .whitespacesAndNewlines)
        f.responsibleUnit = f.responsibleUnit.trimmingCharacters(in: .whitespacesAndNewlines)
        f.recordedBy = user.username.rawValue
        f.state = .inProgress
        f.lastStepDate = f.foundOn
        let decision = FindingRules.evaluate(f, today: environment.today)
        guard decision.passed else { throw FindingError.refused(decision) }
        let checked = f
        return try await environment.store.transaction { tx in
            var f = checked
            f.key = try await FindingQuery.insert(f, in: tx)
            let step = RectificationStep(
                kind: .recorded, date: f.foundOn, note: f.description, username: user.username.rawValue, role: user.role)
            try await FindingQuery.insert(step, of: f.key, in: tx)
            try await environment.audit.record(
                AuditEntry(.findingRecorded, entity: "finding:\(f.key)", area: f.area, after: Self.values(f)), by: user, in: tx)
            return f
        }
    }

    /// A step of a finding's rectification.
    public enum Step: Sendable, Equatable {
        case progress(note: String, evidence: String)
        case rectified(evidence: String, note: String)
        case returned(reason: String)
        case closed(note: String)

        var action: AccessAction {
            switch self {
            case .progress, .rectified: .rectifyFinding
            case .returned, .closed: .verifyFinding
            }
        }
    }

    /// Takes a finding one step on; returns it as it now stands.
    @discardableResult
    public func take(_ step: Step, on date: CivilDate, finding key: FindingKey, by user: User) async throws -> Finding {
        let found = try await finding(key, by: user)
        try await environment.authorize(user, step.action, area: found.area)
        let today = environment.today
        return try await environment.store.transaction { tx in
            // Read again inside the writer's transaction: another step may have come first.
            guard var f = try await FindingQuery.finding(key, tx.sql) else { throw FindingError.notFound(key.description) }
            let before = Self.values(f)
            let name = user.username.rawValue
            let record: RectificationStep
            do throws(FindingRefusal) {
                switch step {
                case .progress(let note, let evidence):
                    record = try f.progress(on: date, note: note, evidence: evidence, by: name, role: user.role, today: today)
                case .rectified(let evidence, let note):
                    record = try f.rectify(on: date, evidence: evidence, note: note, by: name, role: user.role, today: today)
                case .returned(let reason):
                    record = try f.returnForRework(on: date, reason: reason, by: name, role: user.role, today: today)
                case .closed(let note):
                    record = try f.close(on: date, note: note, by: name, role: user.role, today: today)
                }
            } catch { throw FindingError.refused(error.decision) }
            try await FindingQuery.update(f, in: tx)
            let number = try await FindingQuery.insert(record, of: key, in: tx)
            var detail: [String: AuditValue] = ["step": .text(record.kind.token), "date": .text(date.description)]
            if !record.note.isEmpty { detail["note"] = .text(record.note) }
            if !record.evidence.isEmpty { detail["evidence"] = .text(record.evidence) }
            try await environment.audit.record(
                AuditEntry(
                    .findingStep, entity: "finding:\(key)#\(number)", area: f.area, before: before, after: Self.values(f), detail: detail),
                by: user, in: tx)
            return f
        }
    }

    /// A finding inside the user's scope (else not found, worded alike whether it exists or not).
    public func finding(_ key: FindingKey, by user: User) async throws -> Finding {
        guard let f = try await FindingQuery.finding(key, environment.store.sql), user.scope.contains(f.area) else {
            throw FindingError.notFound(key.description)
        }
        try await environment.authorize(user, .view, area: f.area)
        return f
    }

    /// A finding and its record of steps.
    public func file(_ key: FindingKey, by user: User) async throws -> (Finding, [RectificationStep]) {
        let f = try await finding(key, by: user)
        return (f, try await FindingQuery.steps(of: key, environment.store.sql))
    }

    /// The findings about an area (the user's scope when none is named).
    public func findings(in area: AdminCode?, _ filter: FindingQuery.Filter = .init(), by user: User) async throws -> [Finding] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await FindingQuery.findings(in: area, filter, environment.store.sql)
    }

    /// The findings still in progress after their deadline, the longest overdue first.
    public func overdue(in area: AdminCode?, by user: User) async throws -> [Finding] {
        let today = environment.today
        return try await findings(in: area, .init(overdueOn: today), by: user)
            .sorted { ($0.deadline, $0.key) < ($1.deadline, $1.key) }
    }

    /// the area's findings tallied in all, by source, by child area and by responsible unit.
    public func ledger(in area: AdminCode?, by user: User) async throws -> RectificationReport {
        let area = try await environment.area(area, of: user)
        let findings = try await findings(in: area, by: user)
        let today = environment.today
        let children = try await AreaQuery.children(environment.store.sql, of: area)
        let childOf: (Finding) -> String? = { f in children.first(where: { f.area.rawValue.hasPrefix($0.code.prefix) }).map(\.code.rawValue) }
        let names = Dictionary(uniqueKeysWithValues: children.map { ($0.code.rawValue, $0.name) })
        let byArea = RectificationLedger.tally(findings, today: today, by: childOf)
            .map { (code: $0.key, name: names[$0.key] ?? $0.key, tally: $0.tally) }
            .sorted { $0.code < $1.code }
        let own = RectificationLedger.tally(findings, today: today) { childOf($0) == nil ? true : nil }.first?.tally
        return RectificationReport(
            area: area, asOf: today, total: RectificationLedger.total(findings, today: today),
            bySource: RectificationLedger.tally(findings, today: today) { $0.source }
                .sorted { FindingSource.allCases.firstIndex(of: $0.key)! < FindingSource.allCases.firstIndex(of: $1.key)! },
            byArea: byArea, atAreaItself: own,
            byUnit: RectificationLedger.tally(findings, today: today) { $0.responsibleUnit }.sorted { $0.key < $1.key })
    }

    static func values(_ f: Finding) -> [String: AuditValue] {
        var v: [String: AuditValue] = [
            "source": .text(f.source.token), "category": .text(f.category.token), "unit": .text(f.responsibleUnit),
            "foundOn": .text(f.foundOn.description), "deadline": .text(f.deadline.description), "state": .text(f.state.token),
        ]
        if let h = f.household { v["household"] = .text(h.rawValue) }
        if let d = f.rectifiedOn { v["rectifiedOn"] = .text(d.description) }
        if let d = f.closedOn { v["closedOn"] = .text(d.description) }
        return v
    }
}

/// R-11 for one area on one day.
public struct RectificationReport: Sendable {
    public let area: AdminCode
    public let asOf: CivilDate
    public let total: RectificationTally
    public let bySource: [(key: FindingSource, tally: RectificationTally)]
    public let byArea: [(code: String, name: String, tally: RectificationTally)]
    /// Findings about the area itself rather than one of its children (nil when none).
    public let atAreaItself: RectificationTally?
    public let byUnit: [(key: String, tally: RectificationTally)]
}

/// A finding refused by its rules, or not found in the user's scope.
public enum FindingError: Error, Equatable, Sendable {
    case refused(Decision)
    case notFound(String)
    case areaNotFound(String)
    case householdOutsideArea(household: String, area: String)
}

extension FindingError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .refused(let d):
            s.text("error.finding.refused", ["reasons": d.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")])
        case .notFound(let key): s.text("error.finding.notFound", ["finding": key])
        case .areaNotFound(let code): s.text("error.finding.areaNotFound", ["area": code])
        case .householdOutsideArea(let household, let area): s.text("error.finding.householdOutsideArea", ["household": household, "area": area])
        }
    }
}
