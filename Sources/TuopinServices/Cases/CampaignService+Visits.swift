import Foundation
import TuopinCore
import TuopinStore
import TuopinStrings

/// Campaign visits: each taken once by the id the device gave it, compared with the registry —
/// each difference becomes a review item for the township — and, where the cadre saw a risk,
/// raising a monitoring lead (M1, channel 干部走访排查).
extension CampaignService {
    /// What the server answers for a visit sent to it: taken now, or already taken before.
    public struct Receipt: Sendable, Equatable {
        public var visit: VisitID
        public var duplicate: Bool
        public var differences: Int
        /// The monitoring case the visit's risks opened, or the open case they joined.
        public var lead: String?

        public init(visit: VisitID, duplicate: Bool, differences: Int, lead: String?) {
            self.visit = visit
            self.duplicate = duplicate
            self.differences = differences
            self.lead = lead
        }
    }

    /// Records a visit by `user` (the visitor). Sending the same visit id again returns the first
    /// receipt and changes nothing; the same id for another household or campaign is refused.
    public func visit(_ input: CampaignVisit, by user: User) async throws -> Receipt {
        let c = try await campaign(input.campaign, by: user)
        let sql = environment.store.sql
        if let earlier = try await VisitQuery.visit(county: c.key.county, id: input.id, sql) {
            return try receipt(of: earlier, for: input)
        }
        guard let h = try await CampaignQuery.household(c.key, input.household, sql) else {
            throw CampaignError.notInCampaign(campaign: c.key.description, household: input.household.rawValue)
        }
        try await environment.authorize(user, .editRegistry, area: h.village)
        var v = input
        v.visitor = user.username.rawValue
        v.metWith = v.metWith.trimmingCharacters(in: .whitespacesAndNewlines)
        v.note = v.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let limits = try await PolicyParameters.visitLimits(sql)
        let decision = CampaignRules.evaluate(v, in: c, today: environment.today, maxPhotoBytes: limits.maxPhotoBytes)
        guard decision.passed else { throw CampaignError.refused(decision) }
        let snapshot = try await VisitQuery.snapshot(county: c.key.county, household: v.household, year: c.opens.year, sql)
        let differences = VisitDifference.compare(v, with: snapshot, incomeTolerancePercent: limits.incomeTolerancePercent)
        let checked = v
        do {
            try await environment.store.transaction { tx in
                try await VisitQuery.insert(checked, receivedOn: environment.today, in: tx)
                try await DifferenceQuery.insert(differences, of: checked, village: h.village, on: environment.today, in: tx)
                var after: [String: AuditValue] = [
                    "visitedAt": .text(checked.visitedAt.description), "secured": .text(checked.secured.map(\.token).sorted().joined(separator: ";")),
                    "differences": .int(Int64(differences.count)),
                ]
                if let income = checked.perCapitaIncome { after["perCapitaIncome"] = .text(income.yuanText) }
                if !checked.risks.isEmpty { after["risks"] = .text(checked.risks.map(\.token).joined(separator: ";")) }
                if let p = checked.photo { after["photo"] = .text("\(p.kind.rawValue), \(p.bytes.count) B") }
                try await environment.audit.record(
                    AuditEntry(.visitRecorded, entity: "visit:\(c.key.county)/\(checked.id)", area: h.village, after: after), by: user, in: tx)
            }
        } catch {
            // The same visit sent twice at once: the other request took it.
            if let earlier = try await VisitQuery.visit(county: c.key.county, id: input.id, sql) { return try receipt(of: earlier, for: input) }
            throw error
        }
        var lead: String?
        if !checked.risks.isEmpty {
            lead = try await raiseLead(for: checked, in: c, by: user)
            if let reference = lead {
                try await environment.store.transaction { tx in
                    try await VisitQuery.setLead(county: c.key.county, id: checked.id, reference: reference, in: tx)
                }
            }
        }
        return Receipt(visit: checked.id, duplicate: false, differences: differences.count, lead: lead)
    }

    func receipt(of earlier: StoredVisit, for input: CampaignVisit) throws -> Receipt {
        guard earlier.visit.household == input.household, earlier.visit.campaign == input.campaign else {
            throw CampaignError.visitIdReused(input.id.rawValue)
        }
        return Receipt(visit: input.id, duplicate: true, differences: 0, lead: earlier.lead)
    }

    /// Opens a monitoring case for the risks the visit saw, or names the household's open case.
    func raiseLead(for v: CampaignVisit, in c: VisitCampaign, by user: User) async throws -> String? {
        let input = MonitoringService.LeadInput(
            household: v.household, channel: .cadreVisit, date: v.visitedAt.date, risks: v.risks,
            note: "走访排查 \(c.key)（\(c.title)）" + (v.note.isEmpty ? "" : "：" + v.note))
        do {
            return try await MonitoringService(environment).lead(input, by: user).reference
        } catch MonitoringError.openCaseExists(let reference) {
            return reference
        }
    }

    /// A campaign's visits (or one household's), latest first.
    public func visits(_ key: CampaignKey, household: HouseholdNumber? = nil, by user: User) async throws -> [StoredVisit] {
        let c = try await campaign(key, by: user)
        let part = Self.part(of: c, for: user) ?? c.area
        return try await VisitQuery.visits(of: key, household: household, environment.store.sql).filter { v in
            v.visit.household.rawValue.hasPrefix(part.prefix)
        }
    }

    /// A visit's photo, for a user who may see the household's village.
    public func photo(_ key: CampaignKey, visit id: VisitID, by user: User) async throws -> VisitPhoto? {
        let c = try await campaign(key, by: user)
        guard let v = try await VisitQuery.visit(county: c.key.county, id: id, environment.store.sql), v.visit.campaign == key,
            let village = try? AdminCode(String(v.visit.household.rawValue.prefix(12)))
        else { return nil }
        try await environment.authorize(user, .view, area: village)
        return try await VisitQuery.photo(county: c.key.county, id: id, environment.store.sql)
    }

    /// The user's own households in a campaign, for the field form: each with its village, its
    /// head, the registry facts the visit is compared with, and whether it was visited.
    public func fieldList(_ key: CampaignKey, by user: User) async throws -> (VisitCampaign, [FieldHousehold]) {
        let c = try await campaign(key, by: user)
        let rows = try await CampaignQuery.fieldRows(of: key, assignee: user.username.rawValue, environment.store.sql)
        let visited = try await VisitQuery.visited(key, environment.store.sql)
        let snapshots = try await VisitQuery.snapshots(of: key, assignee: user.username.rawValue, year: c.opens.year, environment.store.sql)
        return (
            c, rows.map { FieldHousehold(row: $0, snapshot: snapshots[$0.household] ?? RegistrySnapshot(), visited: visited.contains($0.household)) }
        )
    }

    /// A campaign's differences with the registry inside the part the user sees, in one state or all.
    public func differences(_ key: CampaignKey, state: DifferenceState? = .open, by user: User) async throws -> [DifferenceQuery.Row] {
        let c = try await campaign(key, by: user)
        return try await DifferenceQuery.differences(of: key, in: Self.part(of: c, for: user), state: state, environment.store.sql)
    }

    /// The open differences of every campaign in an area (the user's scope when none is named), for the worklist.
    public func openDifferences(in area: AdminCode?, limit: Int, by user: User) async throws -> (rows: [DifferenceQuery.Row], total: Int) {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await DifferenceQuery.open(in: area, limit: limit, environment.store.sql)
    }

    /// The township decides an open difference: the registry is to be corrected to the visit, or stands.
    public func decide(_ key: DifferenceKey, _ state: DifferenceState, resolution: String, by user: User) async throws {
        guard let d = try await DifferenceQuery.difference(key, environment.store.sql), user.scope.contains(d.village) else {
            throw CampaignError.differenceNotFound(key.description)
        }
        try await environment.authorize(user, .reviewAtTownship, area: d.village)
        let text = resolution.trimmingCharacters(in: .whitespacesAndNewlines)
        guard d.state == .open, state != .open else { throw CampaignError.differenceDecided(key.description) }
        guard !text.isEmpty, text.count <= CampaignRules.maxNote else { throw CampaignError.resolutionNeeded }
        try await environment.store.transaction { tx in
            try await DifferenceQuery.decide(key, state, by: user.username.rawValue, on: environment.today, resolution: text, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .differenceDecided, entity: "difference:\(key)", area: d.village,
                    before: ["state": .text(d.state.token)], after: ["state": .text(state.token), "resolution": .text(text)]),
                by: user, in: tx)
        }
    }
}

/// One of a cadre's households on the field form.
public struct FieldHousehold: Sendable, Hashable {
    public let row: CampaignQuery.FieldRow
    public let snapshot: RegistrySnapshot
    public let visited: Bool
}

/// A campaign or visit refused by its rules, or not found in the user's scope.
public enum CampaignError: Error, Equatable, Sendable {
    case refused(Decision)
    case notFound(String)
    case areaNotFound(String)
    case noHouseholds(String)
    case notACadre(String)
    case notInCampaign(campaign: String, household: String)
    case visitIdReused(String)
    case differenceNotFound(String)
    case differenceDecided(String)
    case resolutionNeeded
}

extension CampaignError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .refused(let d):
            s.text("error.campaign.refused", ["reasons": d.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")])
        case .notFound(let key): s.text("error.campaign.notFound", ["campaign": key])
        case .areaNotFound(let code): s.text("error.finding.areaNotFound", ["area": code])
        case .noHouseholds(let code): s.text("error.campaign.noHouseholds", ["area": code])
        case .notACadre(let name): s.text("error.campaign.notACadre", ["user": name])
        case .notInCampaign(let campaign, let household): s.text("error.campaign.notInCampaign", ["campaign": campaign, "household": household])
        case .visitIdReused(let id): s.text("error.campaign.visitIdReused", ["visit": id])
        case .differenceNotFound(let key): s.text("error.campaign.differenceNotFound", ["difference": key])
        case .differenceDecided(let key): s.text("error.campaign.differenceDecided", ["difference": key])
        case .resolutionNeeded: s.text("error.campaign.resolutionNeeded", ["max": String(CampaignRules.maxNote)])
        }
    }
}
