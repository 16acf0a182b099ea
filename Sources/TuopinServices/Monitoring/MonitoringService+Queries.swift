import TuopinCore
import TuopinStore

extension MonitoringService {
    /// The cases of an area in the user's scope, optionally in one state (`identifying`, …).
    public func cases(in area: AdminCode?, state: String? = nil, by user: User) async throws -> [MonitoringCase] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await MonitoringQuery.cases(in: area, state: state, environment.store.sql)
    }

    /// One case with its recorded steps and its two templates.
    public func show(_ reference: String, by user: User) async throws -> CaseFile {
        let (county, number) = try Self.parse(reference)
        let file = try await environment.store.read { reader in
            guard let c = try await MonitoringQuery.find(county: county, number: number, reader.sql), user.scope.contains(c.village) else {
                throw MonitoringError.caseNotFound(reference)
            }
            return try await CaseFile.read(c, templates: try await WorkflowQuery.templates(reader.sql), reader)
        }
        try await environment.authorize(user, .view, area: file.monitoringCase.village)
        return file
    }

    /// What is late in an area on `today` (REFERENCE §3.8, DQ-040–042):
    /// - identifications past their deadline, still open or finished late;
    /// - notices shorter than their template requires;
    /// - able-to-work households monitored for over a year without elimination.
    public func overdue(in area: AdminCode?, today: CivilDate, by user: User) async throws -> [OverdueItem] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await environment.store.read { reader in
            let cases = try await MonitoringQuery.cases(in: area, limit: Int.max, reader.sql)
            let templates = try await WorkflowQuery.templates(reader.sql)
            var items: [OverdueItem] = []
            for c in cases {
                guard let deadline = c.deadline else { continue }
                if case .identifying = c.state, today > deadline {
                    items.append(OverdueItem(.identificationOverdue, c, date: deadline, days: today.dayNumber - deadline.dayNumber))
                } else if let identified = c.identifiedOn, identified > deadline {
                    items.append(OverdueItem(.identifiedLate, c, date: deadline, days: identified.dayNumber - deadline.dayNumber))
                }
            }
            let byKey = Dictionary(cases.map { ("\($0.village.rawValue.prefix(6))-\($0.number)", $0) }, uniquingKeysWith: { a, _ in a })
            for n in try await MonitoringQuery.notices(in: area, reader.sql) {
                guard let c = byKey["\(n.county)-\(n.caseNumber)"], let stage = n.stage,
                    let required = templates.template(id: n.template)?.stages[safe: stage]?.noticeDays, n.notice.days < required
                else { continue }
                items.append(OverdueItem(.noticeTooShort, c, date: n.notice.to, days: n.notice.days, required: required))
            }
            let able = try await MonitoringQuery.ableToWorkMonitored(in: area, reader.sql)
            for c in cases where c.state == .monitoring && !c.noLabourSafetyNet && able.contains(c.household.rawValue) {
                guard let identified = c.identifiedOn else { continue }
                // A year on: the same day next year (1 March for 29 February).
                let anniversary =
                    CivilDate(year: identified.year + 1, month: identified.month, day: identified.day) ?? identified.adding(days: 366)
                if today > anniversary {
                    items.append(OverdueItem(.monitoredOverAYear, c, date: identified, days: today.dayNumber - identified.dayNumber))
                }
            }
            return items.sorted { ($0.village, $0.reference, $0.kind.rawValue) < ($1.village, $1.reference, $1.kind.rawValue) }
        }
    }
}

/// A case with what happened to it and the procedures it follows.
public struct CaseFile: Sendable {
    public var monitoringCase: MonitoringCase
    public var steps: [MonitoringStepEntry]
    public var identification: WorkflowTemplate?
    public var elimination: WorkflowTemplate?

    /// A case with its recorded steps and its two procedures, read in the caller's snapshot.
    static func read(_ c: MonitoringCase, templates: WorkflowTemplateTable, _ reader: StoreReader) async throws -> CaseFile {
        CaseFile(
            monitoringCase: c, steps: try await MonitoringQuery.steps(county: String(c.village.rawValue.prefix(6)), number: c.number, reader.sql),
            identification: templates.template(id: c.identificationTemplate), elimination: templates.template(id: c.eliminationTemplate))
    }
}

/// One late or short item of `overdue`.
public struct OverdueItem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// DQ-040: still being identified after the deadline.
        case identificationOverdue
        /// DQ-040: identified, but after the deadline.
        case identifiedLate
        /// DQ-041: a notice shorter than its template requires.
        case noticeTooShort
        /// DQ-042: able to work, monitored more than a year without elimination.
        case monitoredOverAYear
    }

    public var kind: Kind
    public var reference: String
    public var household: String
    public var village: String
    /// The deadline, the notice's last day, or the identification date.
    public var date: CivilDate
    /// Days late, the notice's days, or days monitored.
    public var days: Int
    public var required: Int?

    init(_ kind: Kind, _ c: MonitoringCase, date: CivilDate, days: Int, required: Int? = nil) {
        self.kind = kind
        self.reference = c.reference
        self.household = c.household.rawValue
        self.village = c.village.rawValue
        self.date = date
        self.days = days
        self.required = required
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension MonitoringService {
    /// The workflow templates, to show a case's stage as its step.
    public func templates(by user: User) async throws -> WorkflowTemplateTable {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await WorkflowQuery.templates(environment.store.sql)
    }
}

extension MonitoringService {
    /// The notice of a village's cases now at a notice stage of `purpose`, for `from`…`to`.
    public func notice(
        village: AdminCode, purpose: WorkflowTemplate.Purpose, from: CivilDate, to: CivilDate, by user: User
    ) async throws -> PublicNotice {
        try await environment.authorize(user, .editRegistry, area: village)
        return try await environment.store.read { reader in
            let table = try await WorkflowQuery.templates(reader.sql)
            let cases = try await MonitoringQuery.cases(in: village, limit: Int.max, reader.sql).filter { c in
                let template = table.template(id: purpose == .elimination ? c.eliminationTemplate : c.identificationTemplate)
                guard let stage = c.state.stage, let t = template, t.stages.indices.contains(stage), t.stages[stage].step == .publicNotice else {
                    return false
                }
                return purpose == .elimination ? c.state.token == "eliminating" : c.state.token == "identifying"
            }
            let heads = try await MonitoringQuery.heads(of: cases, reader.sql)
            return PublicNotice(
                village: village, villageName: try await MonitoringQuery.areaName(village, reader.sql), purpose: purpose, from: from, to: to,
                entries: cases.map {
                    PublicNotice.Entry(
                        headName: heads[$0.reference]?.name ?? "", householdSize: heads[$0.reference]?.size ?? 0, category: $0.category)
                })
        }
    }
}
