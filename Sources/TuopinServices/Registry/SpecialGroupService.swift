import TuopinCore
import TuopinStore
import TuopinStrings

/// Special groups: an administrator extends the code table; a cadre tags a household for a time.
public struct SpecialGroupService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public func groups(by user: User) async throws -> [SpecialGroup] {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await SpecialGroupQuery.groups(environment.store.sql)
    }

    /// Adds a group (or renames one an administrator added; built-in groups keep their tokens).
    public func add(_ group: SpecialGroup, by user: User) async throws {
        try await environment.authorize(user, .editPolicy, area: nil)
        try await environment.store.transaction { tx in
            try await SpecialGroupQuery.save(group, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .specialGroupSet, entity: "specialGroup:\(group.token)", area: nil,
                    after: ["zh": .text(group.label.zh), "en": .text(group.label.en)]),
                by: user, in: tx)
        }
    }

    public func tag(_ t: SpecialGroupTag, by user: User) async throws {
        let village = try await MonitoringService(environment).householdVillage(t.household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        // The tag's rules are the import's too (household_groups.csv).
        let decision = SpecialGroupTagRules.evaluate(t, today: environment.today)
        if decision.failedChecks.contains(where: { $0.rule == SpecialGroupTagRules.span }) { throw SpecialGroupError.endBeforeStart }
        guard decision.passed else { throw HouseholdError.refused(decision) }
        try await environment.store.transaction { tx in
            guard try await SpecialGroupQuery.groups(tx.sql).contains(where: { $0.token == t.group }) else {
                throw SpecialGroupError.unknownGroup(t.group)
            }
            try await SpecialGroupQuery.tag(t, county: String(village.rawValue.prefix(6)), in: tx)
            var after: [String: AuditValue] = ["group": .text(t.group), "from": .text(t.from.description)]
            if let to = t.to { after["to"] = .text(to.description) }
            try await environment.audit.record(
                AuditEntry(.specialGroupTagged, entity: "household:\(t.household.rawValue)", area: village, after: after), by: user, in: tx)
        }
    }

    public func tags(area: AdminCode?, household: HouseholdNumber?, by user: User) async throws -> [SpecialGroupTag] {
        var area = try await environment.area(area, of: user)
        if let household { area = try await MonitoringService(environment).householdVillage(household, by: user) }
        try await environment.authorize(user, .view, area: area)
        return try await SpecialGroupQuery.tags(in: area, household: household, environment.store.sql)
    }
}

extension SpecialGroupError: WordedError {
    public func message(_ s: Localizer) -> String { Rejections.groupError(self, s) }
}
