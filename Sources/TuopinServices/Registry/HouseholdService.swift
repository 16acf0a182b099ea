import TuopinCore
import TuopinStore
import TuopinStrings

/// A household's lifecycle and yearly facts (REFERENCE §3.3, §3.10): the year's facts as the
/// home visit found them; an exit that runs the E1–E5 decision on the stored facts and refuses
/// with its reasons unless a county officer overrides it with a documented reason; a return to
/// poverty; removal as ineligible (错评). Every change is a status event with its date and note,
/// checked against the legal transitions, and audited.
public struct HouseholdService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Records (or replaces) a household's facts for a year; returns DQ-018 when it warns.
    public func setYear(_ facts: HouseholdYear, by user: User) async throws -> Check? {
        let village = try await MonitoringService(environment).householdVillage(facts.household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        let decision = HouseholdYearRules.evaluate(facts, today: environment.today)
        guard decision.passed else { throw HouseholdError.refused(decision) }
        let county = String(village.rawValue.prefix(6))
        try await environment.store.transaction { tx in
            let before = try await HouseholdYearQuery.year(county: county, household: facts.household, year: facts.year, tx.sql)
            try await HouseholdYearQuery.save(facts, county: county, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .householdYearSet, entity: "householdYear:\(facts.household.rawValue)/\(facts.year)", area: village,
                    before: before.map(Self.values), after: Self.values(facts)),
                by: user, in: tx)
        }
        return HouseholdYearRules.landWarning(facts)
    }

    /// Records (or replaces) a household's income of a year, held to the import's income rules
    /// (REFERENCE §2.3); the exit test and the sweep read it.
    public func setIncome(_ record: IncomeRecord, by user: User) async throws {
        let village = try await MonitoringService(environment).householdVillage(record.household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        let decision = IncomeRules.evaluate(record, today: environment.today)
        guard decision.passed else { throw HouseholdError.refused(decision) }
        let county = String(village.rawValue.prefix(6))
        try await environment.store.transaction { tx in
            try await HouseholdYearQuery.saveIncome(record, county: county, in: tx)
            var after: [String: AuditValue] = ["householdSize": .int(record.householdSize)]
            for item in IncomeItem.allCases where record[item] != .zero { after[item.token] = .text(record[item].formatted) }
            try await environment.audit.record(
                AuditEntry(.incomeSet, entity: "income:\(record.household.rawValue)/\(record.year)", area: village, after: after), by: user, in: tx)
        }
    }

    /// The household's stored income of a year, if any.
    public func income(_ household: HouseholdNumber, year: Int, by user: User) async throws -> IncomeRecord? {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .view, area: village)
        return try await HouseholdYearQuery.incomeRecord(
            county: String(village.rawValue.prefix(6)), household: household, year: year, environment.store.sql)
    }

    /// The form field a refused check of `setIncome` is about: the year, the size, or the item.
    public static func incomeField(of check: Check) -> String {
        switch check.rule {
        case IncomeRules.year: return "year"
        case IncomeRules.size: return "household_size"
        default:
            // DQ-009 and the plausible range name the item by its label.
            let item = check.values.first { $0.name == "item" }.flatMap { v in IncomeItem.allCases.first { v.value == .code($0) } }
            return item?.token ?? "year"
        }
    }

    /// The form field a refused check of `setYear` is about (the import's column names).
    public static func yearField(of check: Check) -> String {
        switch check.rule {
        case HouseholdYearRules.year: "year"
        case HouseholdYearRules.builtYear: "built_year"
        case HouseholdYearRules.renovationYear: "renovation_year"
        case HouseholdYearRules.floorArea: "floor_area"
        default: "year"
        }
    }

    public func year(_ household: HouseholdNumber, _ year: Int, by user: User) async throws -> HouseholdYear? {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .view, area: village)
        return try await HouseholdYearQuery.year(county: String(village.rawValue.prefix(6)), household: household, year: year, environment.store.sql)
    }

    /// The exit test (E1–E5) on the stored facts of `year`: incomes, the year's facts, the
    /// current members' insurance and schooling (on `date`).
    public func exitCheck(_ household: HouseholdNumber, year: Int, on date: CivilDate, by user: User) async throws -> Decision {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .view, area: village)
        let county = String(village.rawValue.prefix(6))
        let (facts, lines) = try await environment.store.read { reader in
            (
                try await HouseholdYearQuery.exitFacts(county: county, household: household, year: year, on: date, reader.sql),
                try await PolicyQuery.povertyLines(reader.sql)
            )
        }
        return try Self.decide(facts, lines: lines, year: year, village: village)
    }

    /// 脱贫: the exit test must pass, or `override` gives the documented reason a county officer
    /// (approveAtCounty) accepts it for; the override and the failed rules are audited.
    public func exit(
        _ household: HouseholdNumber, on date: CivilDate, note: String, override: String? = nil, by user: User
    ) async throws
        -> (StatusEvent, Decision)
    {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        let reason = override?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if override != nil {
            guard !reason.isEmpty else { throw HouseholdError.overrideWithoutReason }
            try await environment.authorize(user, .approveAtCounty, area: village)
        }
        let county = String(village.rawValue.prefix(6))
        return try await environment.store.transaction { tx in
            // The transition first: an exit from a state that cannot exit is refused as such, before any test.
            let last = try await HouseholdYearQuery.events(county: county, household: household, tx.sql).max {
                ($0.effectiveDate, $0.sequence) < ($1.effectiveDate, $1.sequence)
            }
            guard StatusTransition.isLegal(from: last?.status, kind: .exited) else {
                throw HouseholdError.illegalTransition(from: last?.status, kind: .exited)
            }
            let facts = try await HouseholdYearQuery.exitFacts(county: county, household: household, year: date.year, on: date, tx.sql)
            let decision = try Self.decide(facts, lines: try await PolicyQuery.povertyLines(tx.sql), year: date.year, village: village)
            guard decision.passed || !reason.isEmpty else { throw HouseholdError.exitRefused(decision) }
            var detail: [String: AuditValue] = ["passed": .bool(decision.passed)]
            if !decision.passed {
                detail["override"] = .text(reason)
                detail["failed"] = .list(decision.failedChecks.map { .text($0.rule.rawValue) })
            }
            let event = try await append(
                .exited, household, county: county, village: village, on: date,
                note: decision.passed ? note : "override: \(reason)" + (note.isEmpty ? "" : "; \(note)"), action: .householdExit, detail: detail,
                by: user, in: tx)
            return (event, decision)
        }
    }

    /// 返贫: an exited household falls back into poverty.
    public func returnToPoverty(_ household: HouseholdNumber, on date: CivilDate, note: String, by user: User) async throws -> StatusEvent {
        try await change(.returnedToPoverty, household, on: date, note: note, action: .householdReturn, by: user)
    }

    /// 错评清退: removal as ineligible (a red-line review's outcome); needs a note.
    public func remove(_ household: HouseholdNumber, on date: CivilDate, note: String, by user: User) async throws -> StatusEvent {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw HouseholdError.removalWithoutReason }
        return try await change(.removedIneligible, household, on: date, note: note, action: .householdRemove, by: user)
    }

    /// The household's status events, oldest first.
    public func events(_ household: HouseholdNumber, by user: User) async throws -> (AdminCode, [StatusEvent]) {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .view, area: village)
        return (village, try await HouseholdYearQuery.events(county: String(village.rawValue.prefix(6)), household: household, environment.store.sql))
    }

    // MARK: plumbing

    func change(
        _ kind: StatusEventKind, _ household: HouseholdNumber, on date: CivilDate, note: String, action: AuditAction, by user: User
    ) async throws
        -> StatusEvent
    {
        let village = try await MonitoringService(environment).householdVillage(household, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        return try await environment.store.transaction { tx in
            try await append(
                kind, household, county: String(village.rawValue.prefix(6)), village: village, on: date, note: note, action: action, detail: [:],
                by: user, in: tx)
        }
    }

    /// Appends an event after checking its date and the transition from the current status.
    func append(
        _ kind: StatusEventKind, _ household: HouseholdNumber, county: String, village: AdminCode, on date: CivilDate, note: String,
        action: AuditAction, detail: [String: AuditValue], by user: User, in tx: StoreTransaction
    ) async throws -> StatusEvent {
        let events = try await HouseholdYearQuery.events(county: county, household: household, tx.sql)
        let last = events.max { ($0.effectiveDate, $0.sequence) < ($1.effectiveDate, $1.sequence) }
        guard date <= environment.today else { throw HouseholdError.future(date) }
        if let last, date < last.effectiveDate { throw HouseholdError.beforeLastEvent(date, last.effectiveDate) }
        guard StatusTransition.isLegal(from: last?.status, kind: kind), let status = kind.resultingStatus else {
            throw HouseholdError.illegalTransition(from: last?.status, kind: kind)
        }
        let event = StatusEvent(
            household: household, sequence: (events.map(\.sequence).max() ?? 0) + 1, kind: kind, status: status, effectiveDate: date, note: note)
        try await HouseholdYearQuery.append(event, county: county, in: tx)
        var after: [String: AuditValue] = ["kind": .text(kind.token), "status": .text(status.token), "date": .text(date.description)]
        // Inside the year's visits or entry window the change belongs to the annual adjustment; outside it is mid-year.
        let windows = try await AdjustmentQuery.windows(tx.sql)
        if let phase = AdjustmentTiming.phase(of: date, windows: windows) { after["adjustment"] = .text(phase.token) }
        if let change = AdjustmentTiming.changeKind(kind, on: date, windows: windows) { after["change"] = .text(change.token) }
        if !note.isEmpty { after["note"] = .text(note) }
        try await environment.audit.record(
            AuditEntry(
                action, entity: "household:\(household.rawValue)", area: village,
                before: last.map { ["status": .text($0.status.token), "date": .text($0.effectiveDate.description)] }, after: after,
                detail: detail.isEmpty ? nil : detail),
            by: user, in: tx)
        return event
    }

    /// E1–E5 under the village's province's lines and the reference exit rule.
    static func decide(_ facts: HouseholdExitFacts?, lines: PovertyLineTable, year: Int, village: AdminCode) throws -> Decision {
        guard let facts else { throw HouseholdError.noYearFacts(year) }
        return HouseholdExit.evaluate(facts, lines: lines, region: PolicyRegion.of(village))
    }

    static func values(_ y: HouseholdYear) -> [String: AuditValue] {
        var v: [String: AuditValue] = ["guarantees": .list(BasicGuarantee.allCases.filter(y.securedGuarantees.contains).map { .text($0.token) })]
        if let g = y.living.dangerGrade { v["dangerGrade"] = .text(g.token) }
        if let w = y.living.safeDrinkingWater { v["safeDrinkingWater"] = .bool(w) }
        if let km = y.living.distanceToMainRoadKm { v["roadKm"] = .text(km.text) }
        if !y.living.fuels.isEmpty { v["fuels"] = .list(y.living.fuels.map { .text($0.token) }) }
        return v
    }
}

/// A lifecycle change refused, with its reason.
public enum HouseholdError: Error, Equatable, Sendable {
    /// The year's facts break their rules.
    case refused(Decision)
    /// The exit test failed (E1–E5), and no override was given.
    case exitRefused(Decision)
    /// No facts recorded for the exit year: the test cannot run.
    case noYearFacts(Int)
    case overrideWithoutReason
    case removalWithoutReason
    case illegalTransition(from: PovertyStatus?, kind: StatusEventKind)
    case beforeLastEvent(CivilDate, CivilDate)
    case future(CivilDate)
    /// The person's member row is in another county: they leave there first.
    case otherCounty(String)
    case alreadyMember
    case notAMember
    /// The head leaves while others remain: name the member who becomes head.
    case headMustBeReplaced
    /// A split's new household number is not a household number.
    case malformedNumber(String)
    /// A split's new household number is already a household's.
    case numberTaken(String)
    /// The household is closed or removed: it no longer splits or merges.
    case closed(String)
    /// No event path yields this status for a new household (the legacy planned exit).
    case statusNotCarried(PovertyStatus)
    /// The household merging away has an open monitoring case.
    case openCaseOnMerge(String)
    /// The member's facts for the year are filed under another household.
    case memberYearInOtherHousehold(String)
    /// A split would take every member: use merge, or leave.
    case splitLeavesNobody
    /// The head moves to the new household: name the member who heads the old one (--old-head).
    case oldHeadMustBeNamed
    /// A household merges into itself.
    case sameHousehold
    /// The households are in different counties (from, into).
    case differentCounties(String, String)
}

extension HouseholdError: WordedError {
    public func message(_ s: Localizer) -> String {
        let join = s.language == .zh ? "；" : "; "
        switch self {
        case .refused(let d): return s.text("error.assistance.refused", ["reasons": d.failedChecks.map { s.explain($0) }.joined(separator: join)])
        case .exitRefused(let d):
            return s.text(
                "error.household.exitRefused",
                [
                    "rules": d.failedChecks.map { $0.rule.rawValue.replacingOccurrences(of: "exit.", with: "") }.joined(separator: ", "),
                    "reasons": d.failedChecks.map { s.explain($0) }.joined(separator: join),
                ])
        case .noYearFacts(let year): return s.text("error.household.noYearFacts", ["year": String(year)])
        case .overrideWithoutReason: return s.text("error.household.overrideReason")
        case .removalWithoutReason: return s.text("error.household.removalReason")
        case .illegalTransition(let from, let kind):
            return s.text(
                "error.household.transition",
                ["from": from.map { s.label($0.label) } ?? s.text("error.household.noStatus"), "kind": s.label(kind.label)])
        case .beforeLastEvent(let date, let last): return s.text("error.household.beforeLast", ["date": date.description, "last": last.description])
        case .future(let date): return s.text("error.household.future", ["date": date.description])
        case .otherCounty(let county): return s.text("error.household.otherCounty", ["county": county])
        case .alreadyMember: return s.text("error.household.alreadyMember")
        case .notAMember: return s.text("error.household.notAMember")
        case .headMustBeReplaced: return s.text("error.household.newHead")
        case .malformedNumber(let text): return s.text("error.household.malformedNumber", ["number": text])
        case .numberTaken(let number): return s.text("error.household.numberTaken", ["number": number])
        case .closed(let number): return s.text("error.household.closed", ["household": number])
        case .statusNotCarried(let status): return s.text("error.household.statusNotCarried", ["status": s.label(status.label)])
        case .openCaseOnMerge(let reference): return s.text("error.household.openCaseOnMerge", ["reference": reference])
        case .memberYearInOtherHousehold(let household): return s.text("error.household.memberYearElsewhere", ["household": household])
        case .splitLeavesNobody: return s.text("error.household.splitLeavesNobody")
        case .oldHeadMustBeNamed: return s.text("error.household.oldHead")
        case .sameHousehold: return s.text("error.household.sameHousehold")
        case .differentCounties(let from, let into): return s.text("error.household.differentCounties", ["from": from, "into": into])
        }
    }
}
