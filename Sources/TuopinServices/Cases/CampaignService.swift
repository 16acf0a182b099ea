import Foundation
import TuopinCore
import TuopinStore
import TuopinStrings

/// Visit campaigns (回头看, 入户调查全覆盖, 集中排查, REFERENCE §3.11): the county or city office
/// starts one over an area with a target rule, and its households are assigned to cadres — the
/// cadres named, or by default each village's own (`CampaignAssignment.cadres`). Cadres record
/// their visits (`CampaignService+Visits`); coverage is reported by area and by cadre.
public struct CampaignService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Starts a campaign (its key and creator are given here): chooses its households by the
    /// target rule (on the roll on its first day, or today if that is later) and
    /// assigns them — to the cadres `named` (usernames), each in the villages inside their scope, or
    /// by default to each village's own — in one transaction with its audit entry.
    public func create(_ new: VisitCampaign, cadres named: [String] = [], by user: User) async throws -> (VisitCampaign, [CampaignHousehold]) {
        try await environment.authorize(user, .runCampaign, area: new.area)
        guard try await AreaQuery.area(environment.store.sql, code: new.area) != nil else { throw CampaignError.areaNotFound(new.area.rawValue) }
        var campaign = new
        campaign.key = CampaignKey(county: String(new.area.rawValue.prefix(6)), number: 0)
        campaign.title = new.title.trimmingCharacters(in: .whitespacesAndNewlines)
        campaign.createdBy = user.username.rawValue
        let decision = CampaignRules.evaluate(campaign)
        guard decision.passed else { throw CampaignError.refused(decision) }
        // A campaign recorded after it opened takes the roll of its first day; one opening later, today's.
        let targets = try await CampaignQuery.targets(new.target, in: new.area, on: min(new.opens, environment.today), environment.store.sql)
        guard !targets.isEmpty else { throw CampaignError.noHouseholds(new.area.rawValue) }
        let users = try await UserQuery.all(environment.store.sql).map(\.user)
        let villages = Set(targets.map(\.village))
        let cadres: [AdminCode: [String]]
        if named.isEmpty {
            cadres = CampaignAssignment.cadres(for: villages, among: users)
        } else {
            let visitors = try named.map { name in
                guard let u = users.first(where: { $0.username.rawValue == name }), !u.isDisabled, u.role != .administrator,
                    villages.contains(where: { AccessPolicy.decide(u, .editRegistry, area: $0).passed })
                else { throw CampaignError.notACadre(name) }
                return u
            }
            cadres = Dictionary(
                uniqueKeysWithValues: villages.map { v in
                    (v, visitors.filter { AccessPolicy.decide($0, .editRegistry, area: v).passed }.map(\.username.rawValue))
                })
        }
        let assigned = CampaignAssignment.assign(targets, cadres: cadres)
        let checked = campaign
        let stored = try await environment.store.transaction { tx in
            var c = checked
            c.key = try await CampaignQuery.insert(checked, households: assigned, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .campaignCreated, entity: "campaign:\(c.key)", area: c.area,
                    after: [
                        "kind": .text(c.kind.token), "title": .text(c.title), "opens": .text(c.opens.description),
                        "closes": .text(c.closes.description),
                        "target": .text(c.target.token), "households": .int(Int64(assigned.count)),
                        "assigned": .int(Int64(assigned.filter { $0.assignee != nil }.count)),
                    ]),
                by: user, in: tx)
            return c
        }
        return (stored, assigned)
    }

    /// Gives one of a campaign's households to another cadre (a user who may record visits in its village).
    public func reassign(_ key: CampaignKey, household: HouseholdNumber, to username: String, by user: User) async throws {
        let c = try await campaign(key, by: user)
        try await environment.authorize(user, .runCampaign, area: c.area)
        guard let h = try await CampaignQuery.household(key, household, environment.store.sql) else {
            throw CampaignError.notInCampaign(campaign: key.description, household: household.rawValue)
        }
        guard let name = try? Username(username), let cadre = try await UserQuery.find(name, environment.store.sql)?.user, !cadre.isDisabled,
            cadre.role != .administrator, AccessPolicy.decide(cadre, .editRegistry, area: h.village).passed
        else { throw CampaignError.notACadre(username) }
        try await environment.store.transaction { tx in
            _ = try await CampaignQuery.assign(key, household: household, to: username, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .campaignAssigned, entity: "campaign:\(key)/\(household.rawValue)", area: h.village,
                    before: ["assignee": .text(h.assignee ?? "")], after: ["assignee": .text(username)]),
                by: user, in: tx)
        }
    }

    /// A campaign the user may see: its area, or part of it, lies inside their scope (else not
    /// found, worded alike whether it exists or not).
    public func campaign(_ key: CampaignKey, by user: User) async throws -> VisitCampaign {
        guard let c = try await CampaignQuery.campaign(key, environment.store.sql), let part = Self.part(of: c, for: user) else {
            throw CampaignError.notFound(key.description)
        }
        try await environment.authorize(user, .view, area: part)
        return c
    }

    /// The campaigns of an area (the user's scope when none is named), the latest first; a
    /// village cadre also sees the county's campaigns that cover their village.
    public func campaigns(in area: AdminCode?, by user: User) async throws -> [VisitCampaign] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        var out = try await CampaignQuery.campaigns(in: area, environment.store.sql)
        if let county = area.county, county != area {
            let above = try await CampaignQuery.campaigns(in: county, environment.store.sql).filter {
                $0.area.contains(area) && !out.contains($0)
            }
            out = (out + above).sorted { ($0.opens, $1.key) > ($1.opens, $0.key) }
        }
        return out
    }

    /// Coverage of a campaign over the part the user sees: in all, by child area (of the
    /// campaign's area, or of the user's where narrower) and by cadre, and the households not yet
    /// visited.
    public func coverage(_ key: CampaignKey, by user: User) async throws -> CampaignProgress {
        let c = try await campaign(key, by: user)
        let part = Self.part(of: c, for: user) ?? c.area
        let households = try await CampaignQuery.households(of: key, in: part, environment.store.sql)
        let visited = try await VisitQuery.visited(key, environment.store.sql)
        let childLength = part.level == .county ? 9 : 12
        var byArea: [(code: AdminCode, name: String, coverage: CampaignCoverage)] = []
        for (code, coverage) in CampaignCoverage.by(households, visited: visited, { String($0.village.rawValue.prefix(childLength)) }) {
            let area = try AdminCode(code)
            byArea.append((area, try await AreaQuery.area(environment.store.sql, code: area)?.name ?? code, coverage))
        }
        return CampaignProgress(
            campaign: c, area: part, total: CampaignCoverage(households, visited: visited), byArea: byArea,
            byCadre: CampaignCoverage.by(households, visited: visited) { $0.assignee ?? "" }.map { ($0.key.isEmpty ? nil : $0.key, $0.coverage) },
            notVisited: households.filter { !visited.contains($0.household) })
    }

    /// The campaign's households in the part the user sees, each with its cadre, how many times
    /// it was visited and when last: the list an office downloads.
    public func roster(_ key: CampaignKey, by user: User) async throws -> (VisitCampaign, [RosterLine]) {
        let c = try await campaign(key, by: user)
        let part = Self.part(of: c, for: user) ?? c.area
        let households = try await CampaignQuery.households(of: key, in: part, environment.store.sql)
        let visits = Dictionary(grouping: try await VisitQuery.visits(of: key, environment.store.sql), by: \.visit.household)
        let differences = Dictionary(
            grouping: try await DifferenceQuery.differences(of: key, in: part, state: .open, environment.store.sql), by: \.household)
        return (
            c,
            households.map { h in
                let seen = visits[h.household] ?? []
                return RosterLine(
                    household: h, visits: seen.count, lastVisit: seen.map(\.visit.visitedAt).max(),
                    openDifferences: differences[h.household]?.count ?? 0)
            }
        )
    }

    /// The part of a campaign a user works on: the campaign's area, or the user's where it lies inside it.
    static func part(of c: VisitCampaign, for user: User) -> AdminCode? {
        switch user.scope {
        case .everywhere: c.area
        case .area(let code): c.area.contains(code) ? code : (code.contains(c.area) ? c.area : nil)
        }
    }
}

/// One household of a campaign's roster.
public struct RosterLine: Sendable, Equatable {
    public let household: CampaignHousehold
    public let visits: Int
    public let lastVisit: VisitTime?
    public let openDifferences: Int
}

/// A campaign's coverage over the part a user sees.
public struct CampaignProgress: Sendable {
    public let campaign: VisitCampaign
    public let area: AdminCode
    public let total: CampaignCoverage
    public let byArea: [(code: AdminCode, name: String, coverage: CampaignCoverage)]
    /// By cadre (nil: not assigned), in name order.
    public let byCadre: [(cadre: String?, coverage: CampaignCoverage)]
    public let notVisited: [CampaignHousehold]
}
