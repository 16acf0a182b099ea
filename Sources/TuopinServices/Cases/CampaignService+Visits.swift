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
        /// The visit reported risks but no lead could be raised (it is tried again when the visit is sent again).
        public var leadFailed: Bool

        public init(visit: VisitID, duplicate: Bool, differences: Int, lead: String?, leadFailed: Bool = false) {
            self.visit = visit
            self.duplicate = duplicate
            self.differences = differences
            self.lead = lead
            self.leadFailed = leadFailed
        }
    }

    /// Records a visit by `user` (the visitor). Sending the same visit id again returns the first
    /// receipt and changes nothing; the same id for another household or campaign is refused.
    public func visit(_ input: CampaignVisit, by user: User) async throws -> Receipt {
        let c = try await campaign(input.campaign, by: user)
        let sql = environment.store.sql
        guard let h = try await CampaignQuery.household(c.key, input.household, sql) else {
            throw CampaignError.notInCampaign(campaign: c.key.description, household: input.household.rawValue)
        }
        try await environment.authorize(user, .editRegistry, area: h.village)
        if let earlier = try await VisitQuery.visit(county: c.key.county, id: input.id, sql) {
            return try await receipt(of: earlier, for: input, in: c, by: user)
        }
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
            if let earlier = try await VisitQuery.visit(county: c.key.county, id: input.id, sql) {
                return try await receipt(of: earlier, for: input, in: c, by: user)
            }
            throw error
        }
        let lead = try await raiseLead(for: checked, in: c, by: user)
        return Receipt(
            visit: checked.id, duplicate: false, differences: differences.count, lead: lead, leadFailed: !checked.risks.isEmpty && lead == nil)
    }

    /// The answer to a visit sent again: the first receipt, with its lead raised now if it could not be then.
    func receipt(of earlier: StoredVisit, for input: CampaignVisit, in c: VisitCampaign, by user: User) async throws -> Receipt {
        guard earlier.visit.household == input.household, earlier.visit.campaign == input.campaign else {
            throw CampaignError.visitIdReused(input.id.rawValue)
        }
        var lead = earlier.lead
        if lead == nil, !earlier.visit.risks.isEmpty {
            lead = try await raiseLead(for: earlier.visit, in: c, by: user)
        }
        return Receipt(visit: input.id, duplicate: true, differences: 0, lead: lead, leadFailed: !earlier.visit.risks.isEmpty && lead == nil)
    }

    /// Opens a monitoring case for the risks the visit saw (M1, 干部走访排查), or names the
    /// household's open case, and records it on the visit. The visit is kept whatever happens
    /// here: when no lead can be raised (no workflow for the year, say), nil, and the next send
    /// of the same visit tries again.
    func raiseLead(for v: CampaignVisit, in c: VisitCampaign, by user: User) async throws -> String? {
        guard !v.risks.isEmpty else { return nil }
        let input = MonitoringService.LeadInput(
            household: v.household, channel: .cadreVisit, date: v.visitedAt.date, risks: v.risks,
            note: "走访排查 \(c.key)（\(c.title)）" + (v.note.isEmpty ? "" : "：" + v.note))
        let reference: String
        do {
            reference = try await MonitoringService(environment).lead(input, by: user).reference
        } catch MonitoringError.openCaseExists(let open) {
            reference = open
        } catch is any WordedError {
            return nil
        }
        try await environment.store.transaction { tx in try await VisitQuery.setLead(county: c.key.county, id: v.id, reference: reference, in: tx) }
        return reference
    }

    /// A campaign's visits (or one household's) inside the part the user sees, latest first.
    public func visits(_ key: CampaignKey, household: HouseholdNumber? = nil, by user: User) async throws -> [StoredVisit] {
        let c = try await campaign(key, by: user)
        let part = Self.part(of: c, for: user) ?? c.area
        let inPart = Set(try await CampaignQuery.households(of: key, in: part, environment.store.sql).map(\.household))
        return try await VisitQuery.visits(of: key, household: household, environment.store.sql).filter { inPart.contains($0.visit.household) }
    }

    /// A visit's photo, for a user who may see the household's private data (its village, from the campaign's list).
    public func photo(_ key: CampaignKey, visit id: VisitID, by user: User) async throws -> VisitPhoto? {
        let c = try await campaign(key, by: user)
        guard let v = try await VisitQuery.visit(county: c.key.county, id: id, environment.store.sql), v.visit.campaign == key,
            let h = try await CampaignQuery.household(key, v.visit.household, environment.store.sql)
        else { return nil }
        try await environment.authorize(user, .viewPrivate, area: h.village)
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
        guard state != .open else { throw CampaignError.notADecision }
        guard d.state == .open else { throw CampaignError.differenceDecided(key.description) }
        guard !text.isEmpty, text.count <= CampaignRules.maxNote else { throw CampaignError.resolutionNeeded }
        try await environment.store.transaction { tx in
            guard try await DifferenceQuery.decide(key, state, by: user.username.rawValue, on: environment.today, resolution: text, in: tx) else {
                throw CampaignError.differenceDecided(key.description)
            }
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
    case notADecision
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
        case .notADecision: s.text("error.campaign.notADecision")
        }
    }
}
