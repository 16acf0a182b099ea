import Foundation
import TuopinCore
import TuopinStore
import TuopinStrings

/// The registry's quality KPIs (三率一度, R-10): the sample checks' findings (错退, 漏评, 错评)
/// recorded by the office that received them, and, for an area and a year, each KPI in all and
/// by child area against the thresholds in force, with public approval from the approval surveys.
/// A county's checks of a year also feed its exit evaluation.
public struct QualityAssessmentService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Records a check's findings, refused with its reasons when they cannot be true.
    public func record(
        area: AdminCode, year: Int, body: AssessmentBody, sample: QualitySample, checkedOn: CivilDate? = nil, note: String = "", by user: User
    ) async throws -> QualityAssessment {
        try await environment.authorize(user, .recordFinding, area: area)
        // A county's own officers record its self-checks; the findings of a city's, a province's or
        // the national evaluation are recorded by an office above the county.
        if body != .county, let level = user.scope.code?.level, level >= .county { throw QualityAssessmentError.bodyNotYours(body) }
        guard try await AreaQuery.area(environment.store.sql, code: area) != nil else { throw QualityAssessmentError.areaNotFound(area.rawValue) }
        var a = QualityAssessment(
            area: area, year: year, body: body, sample: sample, checkedOn: checkedOn ?? environment.today,
            note: note.trimmingCharacters(in: .whitespacesAndNewlines), recordedBy: user.username.rawValue)
        let decision = QualityAssessmentRules.evaluate(a, today: environment.today)
        guard decision.passed else { throw QualityAssessmentError.refused(decision) }
        let checked = a
        a.key = try await environment.store.transaction { tx in
            let key = try await QualityAssessmentQuery.insert(checked, in: tx)
            var after: [String: AuditValue] = [
                "year": .int(Int64(year)), "body": .text(body.token), "checkedOn": .text(checked.checkedOn.description),
                "sampledExited": .int(sample.sampledExited), "wronglyExited": .int(sample.wronglyExited),
                "sampledNonEnrolled": .int(sample.sampledNonEnrolled), "verifiedMissed": .int(sample.verifiedMissed),
                "sampledEnrolled": .int(sample.sampledEnrolled), "wronglyIncluded": .int(sample.wronglyIncluded),
            ]
            if !checked.note.isEmpty { after["note"] = .text(checked.note) }
            try await environment.audit.record(
                AuditEntry(.assessmentRecorded, entity: "assessment:\(key)", area: area, after: after), by: user, in: tx)
            return key
        }
        return a
    }

    /// The checks of an area (the user's scope when none is named), the latest first.
    public func assessments(in area: AdminCode?, year: Int? = nil, by user: User) async throws -> [QualityAssessment] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await QualityAssessmentQuery.assessments(in: area, year: year, environment.store.sql)
    }

    /// What a county's exit evaluation of `year` takes from the checks: the checks of the highest
    /// body that checked the county that year (the national evaluation before a provincial check,
    /// and so on), added up; nil when there are none. A county's own checks never dilute an
    /// evaluation made above it.
    public func countySample(
        _ county: AdminCode, year: Int, by user: User
    ) async throws -> (body: AssessmentBody, checks: Int, sample: QualitySample)? {
        let all = try await assessments(in: county, year: year, by: user)
        guard let body = AssessmentBody.allCases.first(where: { b in all.contains { $0.body == b } }) else { return nil }
        let checks = all.filter { $0.body == body }
        return (body, checks.count, checks.map(\.sample).reduce(.zero, +))
    }

    /// R-10 for an area and a year: the KPIs in all, and for each child area, plus a row for what
    /// was checked or surveyed at the area's own level and cannot be put under one child. The rows'
    /// samples add up to the total's. Composite incidence takes the registry at the year's end (today
    /// in the current year); the own-level row has no registry figures and is judged without it.
    public func kpis(of area: AdminCode?, year: Int, by user: User) async throws -> QualityKpiReport {
        let code = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: code)
        guard RegistryYear.contains(year), year <= environment.today.year, let end = CivilDate(year: year, month: 12, day: 31) else {
            throw QualityAssessmentError.year(year)
        }
        let sql = environment.reporting.sql
        let thresholds = try await ExitEvaluationService(environment).thresholds()
        let registry = try await StatisticsService(environment).overview(of: code, asOf: min(end, environment.today), by: user)
        let samples = try await QualityAssessmentQuery.samples(in: code, year: year, sql)
        let approval = try await QualityAssessmentQuery.approval(in: code, year: year, sql)
        // Each recorded area (or drawn village) goes to the child it lies in, else to the area's own level.
        let children = registry.children
        func child(of text: String) -> Int? {
            guard let c = try? AdminCode(text) else { return nil }
            return children.firstIndex { $0.area.code.contains(c) }
        }
        var sampleOf = [QualitySample](repeating: .zero, count: children.count + 1)
        var approvalOf = [(surveyed: Int64, approving: Int64)](repeating: (0, 0), count: children.count + 1)
        for (text, s) in samples {
            let i = child(of: text) ?? children.count
            sampleOf[i] = sampleOf[i] + s
        }
        for (text, a) in approval {
            let i = child(of: text) ?? children.count
            approvalOf[i] = (approvalOf[i].surveyed + a.surveyed, approvalOf[i].approving + a.approving)
        }
        func registryOf(_ s: AreaSummary) -> QualityKpis.Registry {
            QualityKpis.Registry(
                remainingPoorPeople: s.incidence.remainingPoorPeople, ruralRegisteredPopulation: s.incidence.ruralRegisteredPopulation)
        }
        func row(_ code: String, _ name: String?, _ i: Int, _ registry: QualityKpis.Registry?) -> QualityKpiReport.Row {
            QualityKpiReport.Row(
                code: code, name: name, sample: sampleOf[i], surveyed: approvalOf[i].surveyed, approving: approvalOf[i].approving,
                registry: registry,
                decision: QualityKpis.evaluate(
                    sampleOf[i], surveyed: approvalOf[i].surveyed, approving: approvalOf[i].approving, registry: registry, thresholds: thresholds))
        }
        var rows = children.enumerated().map { i, c in row(c.area.code.rawValue, c.area.name, i, registryOf(c)) }
        let own = children.count
        if !sampleOf[own].isEmpty || approvalOf[own].surveyed > 0 { rows.append(row(code.rawValue, nil, own, nil)) }
        let totalSample = sampleOf.reduce(.zero, +)
        let totalApproval = approvalOf.reduce((surveyed: Int64(0), approving: Int64(0))) { ($0.surveyed + $1.surveyed, $0.approving + $1.approving) }
        let total = QualityKpiReport.Row(
            code: code.rawValue, name: registry.summary.area.name, sample: totalSample, surveyed: totalApproval.surveyed,
            approving: totalApproval.approving,
            registry: registryOf(registry.summary),
            decision: QualityKpis.evaluate(
                totalSample, surveyed: totalApproval.surveyed, approving: totalApproval.approving, registry: registryOf(registry.summary),
                thresholds: thresholds))
        return QualityKpiReport(area: registry.summary.area, year: year, total: total, rows: rows)
    }
}

/// R-10 of an area for a year: the total and the rows under it.
public struct QualityKpiReport: Sendable {
    public struct Row: Sendable {
        public let code: String
        /// The child area's name; nil for the row of the area's own level.
        public let name: String?
        public let sample: QualitySample
        public let surveyed: Int64
        public let approving: Int64
        /// The registry's figures composite incidence took; nil for the own-level row.
        public let registry: QualityKpis.Registry?
        public let decision: Decision

        /// The wrong-inclusion rate (错评率), beside the four KPIs, for information.
        public var wrongInclusionRate: FixedDecimal? { QualityKpis.wrongInclusionRate(sample) }
    }

    public let area: Area
    public let year: Int
    public let total: Row
    public let rows: [Row]
}

/// A check refused by its rules, or an area or year that cannot be reported.
public enum QualityAssessmentError: Error, Equatable, Sendable {
    case refused(Decision)
    case areaNotFound(String)
    case year(Int)
    /// An office at or below a county recording an evaluation made above it.
    case bodyNotYours(AssessmentBody)
}

extension QualityAssessmentError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .refused(let d):
            s.text("error.assessment.refused", ["reasons": d.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")])
        case .areaNotFound(let code): s.text("error.finding.areaNotFound", ["area": code])
        case .year(let y): s.text("error.assessment.year", ["year": String(y)])
        case .bodyNotYours(let body): s.text("error.assessment.bodyNotYours", ["body": s.label(body.label)])
        }
    }
}
