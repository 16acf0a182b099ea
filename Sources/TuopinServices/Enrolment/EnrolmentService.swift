import TuopinCore
import TuopinStore
import TuopinStrings

/// Historical enrolment (建档立卡 2014–2020) run as its procedure: a household not yet enrolled
/// applies; each stage of the province's enrolment template (两公示一公告, Hunan's 两评议两公示
/// 一比对一公告) is recorded at its level (village, township 乡镇审核, county 县级审定) with its
/// notice checked; the announcement (公告) enrols the household with an `identified` status
/// event on its date, in the same transaction. Every step is a row and an audit entry.
public struct EnrolmentService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// An application: the household (registered now if the registry does not hold it, with its
    /// members from the application date) and, for a new one, its members with their relation.
    public struct Application: Sendable {
        public var household: Household
        public var members: [(Member, RelationToHead)]

        public init(household: Household, members: [(Member, RelationToHead)] = []) {
            self.household = household
            self.members = members
        }
    }

    /// The code lists an application's causes are chosen from (local codes too).
    public func codes(by user: User) async throws -> CodeBook { try await LocalCodeService(environment).book(by: user) }

    /// 申请: opens the case of a household with no status event yet, registering it (and its
    /// members) when the registry does not hold it.
    public func apply(_ application: Application, on date: CivilDate, note: String, by user: User) async throws -> EnrolmentCase {
        let household = application.household, village = household.village
        try await environment.authorize(user, .editRegistry, area: village)
        guard date <= environment.today else { throw EnrolmentError.future(date) }
        let today = environment.today
        var members: [(Member, RelationToHead)] = []
        var checks = HouseholdRules.evaluate(
            main: household.mainCause, secondary: household.secondaryCauses, firstIdentifiedYear: household.firstIdentifiedYear,
            plannedExitYear: household.plannedExitYear, phone: household.phone, bankAccount: household.bankAccount, today: today
        ).checks
        for (member, relation) in application.members {
            let (identity, number) = IdentityRules.evaluate(
                member.idType, member.idNumber, sex: member.sex, birthDate: member.birthDate, today: today)
            let rules = MemberRules.evaluate(
                name: member.name, birthDate: member.birthDate, ethnicity: member.ethnicity, from: date, to: nil, endReason: nil,
                health: member.health, today: today)
            checks += identity.checks + rules.checks
            var m = member
            m.idNumber = number ?? member.idNumber
            members.append((m, relation))
        }
        let decision = Decision(checks: checks)
        guard decision.passed else { throw EnrolmentRefusal(.apply, decision) }
        let county = household.county.rawValue
        let people = members
        return try await environment.transaction { tx in
            if let stored = try await HouseholdQuery.household(county: county, household.number, tx.sql) {
                guard stored.village == village, people.isEmpty else { throw EnrolmentError.householdExists(household.number.rawValue) }
                guard try await HouseholdYearQuery.events(county: county, household: household.number, tx.sql).isEmpty else {
                    throw EnrolmentError.alreadyEnrolled(household.number.rawValue)
                }
            } else {
                try await LocalCodeService.checkCauses(household, tx)
                try await register(household, people, from: date, in: tx)
            }
            if let open = try await EnrolmentQuery.cases(county: county, household: household.number, tx.sql).first(where: { $0.closedOn == nil }) {
                throw EnrolmentError.openCase(open.reference)
            }
            let template = try await Self.template(year: date.year, village: village, tx)
            var opened = try await EnrolmentQuery.insert(
                try EnrolmentCase.apply(household: household.number, village: village, template: template, on: date), in: tx)
            try await record(
                .init(
                    step: .application, stage: 0, outcome: "done", date: date, level: .village, notice: nil, actor: user.username.rawValue, note: note
                ),
                on: opened, action: .enrolmentApplied, by: user, in: tx)
            if opened.state == .enrolled { opened = try await enrol(opened, on: date, by: user, in: tx) }
            return opened
        }
    }

    /// Registers an applicant household and its members (exactly one head; nobody the registry holds already).
    func register(_ household: Household, _ members: [(Member, RelationToHead)], from date: CivilDate, in tx: StoreTransaction) async throws {
        guard members.filter({ $0.1 == .head }).count == 1 else {
            throw EnrolmentRefusal(
                .apply,
                Decision(checks: [
                    Check(HouseholdCompositionRules.oneHeadAtATime, passed: false, values: [ReasonValue("date", .date(date))])
                ]))
        }
        guard try await !HouseholdQuery.exists(household.number, tx.sql) else { throw EnrolmentError.householdExists(household.number.rawValue) }
        try await HouseholdQuery.insert(household, in: tx)
        let county = household.county.rawValue
        for (member, relation) in members {
            if try await MembershipQuery.whereIs(member.idType, member.idNumber, tx.sql).memberCounty != nil {
                throw EnrolmentError.personInRegistry(Masking.identityNumber(member.idNumber))
            }
            try await MembershipQuery.insert(member: member, county: county, in: tx)
            try await MembershipQuery.insert(
                Membership(household: household.number, idType: member.idType, idNumber: member.idNumber, relation: relation, from: date),
                county: county, in: tx)
        }
    }

    /// Records the case's current stage at its level; the last enrols the household.
    public func step(_ reference: String, _ record: StepRecord, by user: User) async throws -> EnrolmentCase {
        try await change(reference, date: record.date, by: user) { c, template, tx in
            guard let stage = c.currentStage(template) else {
                throw EnrolmentRefusal(
                    .step, Decision(checks: [Check(EnrolmentRules.open, passed: false, values: [ReasonValue("state", .token(c.state.token))])]))
            }
            try environment.permit(user, stage.level.action, area: c.village)
            let index = c.state.stage ?? 0
            let enrolled = try c.complete(record, template: template)
            try await self.record(
                .init(
                    step: stage.step, stage: index, outcome: "done", date: record.date, level: stage.level, notice: record.notice,
                    actor: user.username.rawValue, note: record.note), on: c, action: .enrolmentStep, by: user, in: tx)
            if enrolled { c = try await enrol(c, on: record.date, by: user, in: tx) }
        }
    }

    /// 不予识别 at the current deciding stage, by its level.
    public func reject(_ reference: String, on date: CivilDate, note: String, by user: User) async throws -> EnrolmentCase {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw EnrolmentError.rejectionWithoutReason }
        return try await change(reference, date: date, by: user) { c, template, tx in
            guard let stage = c.currentStage(template) else {
                throw EnrolmentRefusal(
                    .reject, Decision(checks: [Check(EnrolmentRules.open, passed: false, values: [ReasonValue("state", .token(c.state.token))])]))
            }
            try environment.permit(user, stage.level.action, area: c.village)
            let index = c.state.stage ?? 0
            try c.reject(on: date, template: template)
            try await record(
                .init(
                    step: stage.step, stage: index, outcome: "rejected", date: date, level: stage.level, notice: nil, actor: user.username.rawValue,
                    note: note), on: c, action: .enrolmentRejected, by: user, in: tx)
        }
    }

    /// A case with its steps and template.
    public func show(_ reference: String, by user: User) async throws -> (EnrolmentCase, [EnrolmentQuery.Step], WorkflowTemplate?) {
        let (county, number) = try Self.parse(reference)
        return try await environment.store.read { reader in
            guard let c = try await EnrolmentQuery.find(county: county, number: number, reader.sql), user.scope.contains(c.village) else {
                throw EnrolmentError.notFound(reference)
            }
            try environment.permit(user, .view, area: c.village)
            let template = try await WorkflowQuery.templates(reader.sql).template(id: c.template)
            return (c, try await EnrolmentQuery.steps(of: c, reader.sql), template)
        }
    }

    public func cases(in area: AdminCode?, by user: User) async throws -> [EnrolmentCase] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await EnrolmentQuery.cases(in: area, environment.store.sql)
    }

    // MARK: plumbing

    func change(
        _ reference: String, date: CivilDate, by user: User,
        _ body: @Sendable (inout EnrolmentCase, WorkflowTemplate, StoreTransaction) async throws -> Void
    ) async throws -> EnrolmentCase {
        guard date <= environment.today else { throw EnrolmentError.future(date) }
        let (county, number) = try Self.parse(reference)
        return try await environment.transaction { tx in
            guard var c = try await EnrolmentQuery.find(county: county, number: number, tx.sql), user.scope.contains(c.village) else {
                throw EnrolmentError.notFound(reference)
            }
            guard let template = try await WorkflowQuery.templates(tx.sql).template(id: c.template) else {
                throw MonitoringError.noTemplate(.enrolment, year: c.applicationDate.year)
            }
            try await body(&c, template, tx)
            try await EnrolmentQuery.update(c, in: tx)
            return c
        }
    }

    func record(_ step: EnrolmentQuery.Step, on c: EnrolmentCase, action: AuditAction, by user: User, in tx: StoreTransaction) async throws {
        try await EnrolmentQuery.append(step, to: c, in: tx)
        var after: [String: AuditValue] = [
            "step": .text(step.step.token), "stage": .int(Int64(step.stage)), "outcome": .text(step.outcome), "date": .text(step.date.description),
            "state": .text(c.state.token),
        ]
        if let notice = step.notice { after["notice"] = .text("\(notice.from)/\(notice.to)") }
        if !step.note.isEmpty { after["note"] = .text(step.note) }
        try await environment.audit.record(
            AuditEntry(action, entity: "enrolment:\(c.reference)", area: c.village, after: after), by: user, in: tx)
    }

    /// The announcement is made: the household is enrolled (`identified`) on its date.
    func enrol(_ c: EnrolmentCase, on date: CivilDate, by user: User, in tx: StoreTransaction) async throws -> EnrolmentCase {
        _ = try await HouseholdService(environment).append(
            .identified, c.household, county: String(c.village.rawValue.prefix(6)), village: c.village, on: date, note: c.reference,
            action: .householdEnrolled, detail: ["template": .text(c.template)], by: user, in: tx)
        return c
    }

    static func template(year: Int, village: AdminCode, _ tx: StoreTransaction) async throws -> WorkflowTemplate {
        guard let template = try await WorkflowQuery.templates(tx.sql).template(.enrolment, year: year, region: PolicyRegion.of(village)) else {
            throw MonitoringError.noTemplate(.enrolment, year: year)
        }
        return template
    }

    /// "430481-E00012" → ("430481", 12).
    static func parse(_ reference: String) throws -> (String, Int) {
        let parts = reference.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 6, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber),
            parts[1].first == "E", let number = Int(parts[1].dropFirst()), number > 0, parts[1].count <= 10
        else { throw EnrolmentError.notFound(String(reference.prefix(40))) }
        return (String(parts[0]), number)
    }
}

public enum EnrolmentError: Error, Equatable, Sendable {
    case notFound(String)
    case alreadyEnrolled(String)
    case openCase(String)
    /// The number is taken by a household in another village, or members were given for a household the registry holds.
    case householdExists(String)
    /// An applicant is already in the registry (in some household).
    case personInRegistry(String)
    case future(CivilDate)
    case rejectionWithoutReason
}

extension EnrolmentError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .notFound(let r): s.text("error.enrolment.notFound", ["reference": r])
        case .alreadyEnrolled(let h): s.text("error.enrolment.alreadyEnrolled", ["household": h])
        case .openCase(let r): s.text("error.enrolment.openCase", ["reference": r])
        case .householdExists(let h): s.text("error.enrolment.householdExists", ["household": h])
        case .personInRegistry(let id): s.text("error.enrolment.personInRegistry", ["member": id])
        case .future(let d): s.text("error.enrolment.future", ["date": d.description])
        case .rejectionWithoutReason: s.text("error.enrolment.rejectionWithoutReason")
        }
    }
}

extension EnrolmentRefusal: WordedError {
    public func message(_ s: Localizer) -> String {
        let join = s.language == .zh ? "；" : "; "
        return s.text(
            "error.enrolment.refused",
            ["action": s.text("enrolment.action." + action.rawValue), "reasons": decision.failedChecks.map { s.explain($0) }.joined(separator: join)])
    }
}
