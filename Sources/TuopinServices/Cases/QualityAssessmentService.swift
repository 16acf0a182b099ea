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

    /// What a county's exit evaluation of `year` takes from the checks: the county's checks of
    /// that year added up; nil when there are none.
    public func countySample(_ county: AdminCode, year: Int, by user: User) async throws -> (checks: Int, sample: QualitySample)? {
        let checks = try await assessments(in: county, year: year, by: user)
        guard !checks.isEmpty else { return nil }
        return (checks.count, checks.map(\.sample).reduce(.zero, +))
    }

    /// R-10 for an area and a year: the KPIs in all, and for each child area, plus a row for what
    /// was checked or surveyed at the area's own level and cannot be put under one child. The rows
    /// add up to the total.
    public func kpis(of area: AdminCode?, year: Int, by user: User) async throws -> QualityKpiReport {
        let code = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: code)
        guard RegistryYear.contains(year) else { throw QualityAssessmentError.year(year) }
        let sql = environment.reporting.sql
        guard let place = try await AreaQuery.area(sql, code: code) else { throw QualityAssessmentError.areaNotFound(code.rawValue) }
        let thresholds = try await environment.store.read { try PolicyParameters.exitThresholds(try await PolicyParameters.rows($0.sql)) }
        let children = try await AreaQuery.children(sql, of: code)
        let length = children.first?.code.prefix.count ?? code.prefix.count
        let samples = try await QualityAssessmentQuery.samples(in: code, year: year, prefixLength: length, sql)
        let approval = try await QualityAssessmentQuery.approval(in: code, year: year, prefixLength: length, sql)
        func row(_ code: String, _ name: String?, _ s: QualitySample, _ a: (surveyed: Int64, approving: Int64)) -> QualityKpiReport.Row {
            QualityKpiReport.Row(
                code: code, name: name, sample: s, surveyed: a.surveyed, approving: a.approving,
                decision: QualityKpis.evaluate(s, surveyed: a.surveyed, approving: a.approving, thresholds: thresholds))
        }
        var rows: [QualityKpiReport.Row] = []
        let childPrefixes = Set(children.map(\.code.prefix))
        for child in children {
            rows.append(row(child.code.rawValue, child.name, samples[child.code.prefix] ?? .zero, approval[child.code.prefix] ?? (0, 0)))
        }
        let ownSample = samples.filter { !childPrefixes.contains($0.key) }.values.reduce(.zero, +)
        let ownApproval = approval.filter { !childPrefixes.contains($0.key) }.values.reduce((surveyed: Int64(0), approving: Int64(0))) {
            ($0.surveyed + $1.surveyed, $0.approving + $1.approving)
        }
        if !ownSample.isEmpty || ownApproval.surveyed > 0 { rows.append(row(code.rawValue, nil, ownSample, ownApproval)) }
        let total = row(
            code.rawValue, place.name, rows.map(\.sample).reduce(.zero, +),
            (rows.map(\.surveyed).reduce(0, +), rows.map(\.approving).reduce(0, +)))
        return QualityKpiReport(area: place, year: year, total: total, rows: rows)
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
        public let decision: Decision
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
}

extension QualityAssessmentError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .refused(let d):
            s.text("error.assessment.refused", ["reasons": d.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")])
        case .areaNotFound(let code): s.text("error.finding.areaNotFound", ["area": code])
        case .year(let y): s.text("error.assessment.year", ["year": String(y)])
        }
    }
}
