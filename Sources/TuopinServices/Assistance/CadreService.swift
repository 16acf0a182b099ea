import TuopinCore
import TuopinStore

/// Responsible cadres (帮扶责任人) per household and village work teams (驻村工作队), kept as
/// time-bounded history: a new assignment ends the one before it on its first day.
public struct CadreService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public func assign(_ assignment: CadreAssignment, by user: User) async throws -> CadreAssignment {
        let village = try await MonitoringService(environment).householdVillage(assignment.household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        guard !assignment.name.trimmingCharacters(in: .whitespaces).isEmpty, !assignment.unit.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AssistanceError.refused(Decision(checks: [Check(Self.named, passed: false)]))
        }
        let county = String(village.rawValue.prefix(6))
        return try await environment.store.transaction { tx in
            try await AssistanceQuery.endAssignments(county: county, household: assignment.household, on: assignment.from, in: tx)
            var a = assignment
            a.number = try await AssistanceQuery.insert(assignment, county: county, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .cadreAssigned, entity: "cadre:\(a.household.rawValue)#\(a.number)", area: village,
                    after: [
                        "name": .text(a.name), "unit": .text(a.unit), "unitLevel": .text(a.unitLevel.token), "from": .text(a.from.description),
                        "phone": .text(Masking.privateField(a.phone)),
                    ]),
                by: user, in: tx)
            return a
        }
    }

    public static let named = RuleID("cadre.named")

    /// Assignments in an area or of one household; phones masked without `viewPrivate`.
    public func assignments(area: AdminCode?, household: HouseholdNumber?, by user: User) async throws -> [CadreAssignment] {
        var area = try await environment.area(area, of: user)
        if let household { area = try await MonitoringService(environment).householdVillage(household, by: user) }
        try await environment.authorize(user, .view, area: area)
        let rows = try await AssistanceQuery.assignments(in: area, household: household, environment.store.sql)
        guard AccessPolicy.decide(user, .viewPrivate, area: area).passed else {
            return rows.map {
                var a = $0
                a.phone = Masking.privateField(a.phone)
                return a
            }
        }
        return rows
    }

    /// Records a work team; returns it numbered with the local rules' decision (warnings only; the
    /// rules' numbers come from the policy table).
    public func addTeam(_ team: VillageWorkTeam, by user: User) async throws -> (VillageWorkTeam, Decision) {
        try await environment.authorize(user, .editRegistry, area: team.village)
        let decision = try await PolicyParameters.workTeam(environment.store.sql).evaluate(team)
        if let bad = decision.failedChecks.first(where: { $0.rule == WorkTeamRules.endAfterStart }) {
            throw AssistanceError.refused(Decision(checks: [bad]))
        }
        return try await environment.store.transaction { tx in
            var t = team
            t.number = try await AssistanceQuery.insert(team, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .workTeamAdded, entity: "team:\(team.village.rawValue.prefix(6))#\(t.number)", area: team.village,
                    after: [
                        "sendingUnit": .text(team.sendingUnit), "from": .text(team.from.description),
                        "members": .list(team.members.map { .text($0.name + ":" + $0.role.token) }),
                    ]),
                by: user, in: tx)
            return (t, decision)
        }
    }

    public func teams(area: AdminCode?, by user: User) async throws -> [VillageWorkTeam] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await AssistanceQuery.teams(in: area, environment.store.sql)
    }
}
