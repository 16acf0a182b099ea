import TuopinCore
import TuopinStore
import TuopinStrings

/// The workflow templates and the holiday table are policy data too (REFERENCE §3.8): an
/// administrator edits them, each change audited with the row before and after.
extension PolicyService {
    public func templates(by user: User) async throws -> WorkflowTemplateTable {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await WorkflowQuery.templates(environment.store.sql)
    }

    /// Adds or replaces a template (by id). Cases keep the template id they were opened with.
    public func save(_ template: WorkflowTemplate, by user: User) async throws {
        let area = template.region.area
        try await environment.authorize(user, .editPolicy, area: area)
        // Replacing a template also needs the right over the region it had.
        if let old = try await WorkflowQuery.templates(environment.store.sql).template(id: template.id), old.region != template.region {
            try await environment.authorize(user, .editPolicy, area: old.region.area)
        }
        try await environment.store.transaction { tx in
            let old = try await WorkflowQuery.templates(tx.sql).template(id: template.id)
            // Open cases follow their template's stages by position: those stay as they are while any case is open.
            if let old, old.stages != template.stages || old.purpose != template.purpose {
                let open = try await MonitoringQuery.openCases(usingTemplate: template.id, tx.sql)
                if open > 0 { throw PolicyError.templateInUse(id: template.id, openCases: open) }
            }
            try await WorkflowQuery.save(template, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .policyTemplateSet, entity: "workflowTemplate:\(template.id)", area: area, before: old.map(Self.values),
                    after: Self.values(template)),
                by: user, in: tx)
        }
    }

    public func calendar(by user: User) async throws -> WorkCalendar {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await WorkflowQuery.calendar(environment.store.sql)
    }

    /// Sets one day of the holiday table (a holiday, or a make-up working day).
    public func save(_ day: CalendarDay, by user: User) async throws {
        try await environment.authorize(user, .editPolicy, area: nil)
        try await environment.store.transaction { tx in
            let old = try await WorkflowQuery.calendar(tx.sql).days[day.date]
            try await WorkflowQuery.save(day, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .policyHolidaySet, entity: "calendarDay:\(day.date)", area: nil,
                    before: old.map { ["kind": .text($0.kind.token), "name": .text($0.name)] },
                    after: ["kind": .text(day.kind.token), "name": .text(day.name)]),
                by: user, in: tx)
        }
    }

    static func values(_ t: WorkflowTemplate) -> [String: AuditValue] {
        var v: [String: AuditValue] = [
            "purpose": .text(t.purpose.token), "region": .text(t.region.token), "fromYear": .int(t.fromYear),
            "stages": .text(WorkflowQuery.text(t.stages)),
            "dayKind": .text(t.dayKind.token),
        ]
        if let days = t.deadlineDays { v["deadlineDays"] = .int(days) }
        return v
    }
}

extension PolicyService {
    public func adjustmentWindows(by user: User) async throws -> [AdjustmentWindow] {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await AdjustmentQuery.windows(environment.store.sql)
    }

    /// Sets a phase of a year's adjustment (replacing that year's phase).
    public func save(_ window: AdjustmentWindow, by user: User) async throws {
        try await environment.authorize(user, .editPolicy, area: nil)
        try await environment.store.transaction { tx in
            let old = try await AdjustmentQuery.windows(tx.sql).first { $0.year == window.year && $0.phase == window.phase }
            try await AdjustmentQuery.save(window, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .policyWindowSet, entity: "adjustmentWindow:\(window.year)/\(window.phase.token)", area: nil,
                    before: old.map { ["from": .text($0.from.description), "to": .text($0.to.description)] },
                    after: ["from": .text(window.from.description), "to": .text(window.to.description)]),
                by: user, in: tx)
        }
    }
}

/// A policy change refused.
public enum PolicyError: Error, Equatable, Sendable {
    /// The template's stages would change under cases still following it.
    case templateInUse(id: String, openCases: Int)
    case parameterOutOfRange(String, Int64)
}

extension PolicyError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .templateInUse(let id, let n): s.text("error.policy.templateInUse", ["id": id, "count": String(n)])
        case .parameterOutOfRange(let name, let value): s.text("error.policy.parameterRange", ["name": name, "value": String(value)])
        }
    }
}

extension PolicyService {
    public func parameters(by user: User) async throws -> [PolicyParameters.Row] {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await PolicyParameters.rows(environment.store.sql)
    }

    /// Sets a parameter; its value must lie in the parameter's range.
    public func save(_ row: PolicyParameters.Row, by user: User) async throws {
        try await environment.authorize(user, .editPolicy, area: nil)
        guard row.name.range.contains(row.value) else { throw PolicyError.parameterOutOfRange(row.name.rawValue, row.value) }
        try await environment.store.transaction { tx in
            let old = try await PolicyParameters.rows(tx.sql).first { $0.name == row.name }
            try await PolicyParameters.save(row, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .policyParameterSet, entity: "policyParameter:\(row.name.rawValue)", area: nil,
                    before: old.map { ["value": .int($0.value), "confirmed": .bool($0.confirmed)] },
                    after: ["value": .int(row.value), "confirmed": .bool(row.confirmed), "source": .text(row.source)]),
                by: user, in: tx)
        }
    }
}

extension PolicyService {
    /// The level each funding source is reported under in R-09.
    public func fundingLevels(by user: User) async throws -> [FundingLevels.Row] {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await FundingLevels.rows(environment.store.sql)
    }

    /// Regroups a funding source under a level; R-09 counts it there from then on, for every date.
    public func save(_ row: FundingLevels.Row, by user: User) async throws {
        try await environment.authorize(user, .editPolicy, area: nil)
        try await environment.store.transaction { tx in
            let old = try await FundingLevels.rows(tx.sql).first { $0.funding == row.funding }
            try await FundingLevels.save(row, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .fundingLevelSet, entity: "fundingLevel:\(row.funding.token)", area: nil,
                    before: old.map { ["level": .text($0.level.token), "confirmed": .bool($0.confirmed)] },
                    after: ["level": .text(row.level.token), "confirmed": .bool(row.confirmed), "source": .text(row.source)]),
                by: user, in: tx)
        }
    }
}
