import Foundation
import TuopinCore
import TuopinStore
import TuopinStrings

/// Public approval surveys (群众认可度调查): a sample of the households on the roll drawn per
/// village or township from a recorded seed, the answers recorded by the county or city office,
/// and approval by area with its sample size. A county's survey of a year feeds its exit
/// evaluation in place of a recorded input.
public struct SurveyService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Draws and stores a survey's sample from the households on the roll now. Without a seed,
    /// one is taken from the clock and recorded; `drawnOn` (default today) records a draw made
    /// earlier on paper, and no answer may be dated before it.
    public func draw(
        area: AdminCode, year: Int, title: String, stratum: AreaLevel = .village, perStratum: Int, seed: UInt64? = nil,
        drawnOn: CivilDate? = nil, by user: User
    ) async throws -> (ApprovalSurvey, [SurveySample]) {
        try await environment.authorize(user, .conductSurvey, area: area)
        guard try await AreaQuery.area(environment.store.sql, code: area) != nil else { throw SurveyError.areaNotFound(area.rawValue) }
        var survey = ApprovalSurvey(
            area: area, year: year, title: title.trimmingCharacters(in: .whitespacesAndNewlines), stratum: stratum, perStratum: perStratum,
            seed: seed ?? UInt64(bitPattern: environment.instant.millisecondsSince1970), drawnOn: drawnOn ?? environment.today,
            drawnBy: user.username.rawValue)
        let decision = SurveyRules.evaluate(survey, today: environment.today)
        guard decision.passed else { throw SurveyError.refused(decision) }
        let candidates = try await SurveyQuery.candidates(in: area, by: stratum, environment.store.sql)
        let sample = SurveySampling.draw(candidates, perStratum: perStratum, seed: survey.seed)
        guard !sample.isEmpty else { throw SurveyError.noHouseholds(area.rawValue) }
        let checked = survey
        survey.key = try await environment.store.transaction { tx in
            let key = try await SurveyQuery.insert(checked, sample: sample, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .surveyDrawn, entity: "survey:\(key)", area: area,
                    after: [
                        "year": .int(Int64(year)), "title": .text(checked.title), "stratum": .text(stratum.token),
                        "perStratum": .int(Int64(perStratum)),
                        "seed": .text(String(checked.seed)), "sampled": .int(Int64(sample.count)), "drawnOn": .text(checked.drawnOn.description),
                    ]),
                by: user, in: tx)
            return key
        }
        return (survey, sample)
    }

    /// Records (or corrects) a sampled household's answer.
    public func answer(
        _ key: SurveyKey, household: HouseholdNumber, _ answer: Satisfaction, on date: CivilDate, note: String = "", by user: User
    ) async throws {
        let s = try await survey(key, by: user)
        try await environment.authorize(user, .conductSurvey, area: s.area)
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        let decision = SurveyRules.answer(on: date, drawnOn: s.drawnOn, note: text, today: environment.today)
        guard decision.passed else { throw SurveyError.refused(decision) }
        try await environment.store.transaction { tx in
            guard try await SurveyQuery.answer(key, household: household, answer, on: date, note: text, by: user.username.rawValue, in: tx) else {
                throw SurveyError.notSampled(survey: key.description, household: household.rawValue)
            }
            var detail: [String: AuditValue] = ["answer": .text(answer.token), "date": .text(date.description)]
            if !text.isEmpty { detail["note"] = .text(text) }
            try await environment.audit.record(
                AuditEntry(.surveyAnswered, entity: "survey:\(key)/\(household.rawValue)", area: s.area, detail: detail), by: user, in: tx)
        }
    }

    /// A survey inside the user's scope (else not found, worded alike whether it exists or not).
    public func survey(_ key: SurveyKey, by user: User) async throws -> ApprovalSurvey {
        guard let s = try await SurveyQuery.survey(key, environment.store.sql), user.scope.contains(s.area) else {
            throw SurveyError.notFound(key.description)
        }
        try await environment.authorize(user, .view, area: s.area)
        return s
    }

    /// The surveys of an area (the user's scope when none is named), the latest first.
    public func surveys(in area: AdminCode?, year: Int? = nil, by user: User) async throws -> [ApprovalSurvey] {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        return try await SurveyQuery.surveys(in: area, year: year, environment.store.sql)
    }

    /// A survey's sample with the answers, and approval in all and by stratum (with names).
    public func results(_ key: SurveyKey, by user: User) async throws -> SurveyResults {
        let s = try await survey(key, by: user)
        let sample = try await SurveyQuery.sample(of: key, environment.store.sql)
        var strata: [(code: AdminCode, name: String, tally: ApprovalTally)] = []
        for (code, rows) in Dictionary(grouping: sample, by: \.stratum).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let name = try await AreaQuery.area(environment.store.sql, code: code)?.name ?? code.rawValue
            strata.append((code, name, ApprovalTally(rows)))
        }
        return SurveyResults(survey: s, sample: sample, total: ApprovalTally(sample), byStratum: strata)
    }

    /// The approval a county's exit evaluation of `year` takes: its latest survey of that year
    /// over the county itself; nil when there is none.
    public func countyApproval(_ county: AdminCode, year: Int, by user: User) async throws -> (SurveyKey, ApprovalTally)? {
        guard let latest = try await surveys(in: county, year: year, by: user).first(where: { $0.area == county }) else { return nil }
        return (latest.key, ApprovalTally(try await SurveyQuery.sample(of: latest.key, environment.store.sql)))
    }
}

/// A survey and its answers.
public struct SurveyResults: Sendable {
    public let survey: ApprovalSurvey
    public let sample: [SurveySample]
    public let total: ApprovalTally
    public let byStratum: [(code: AdminCode, name: String, tally: ApprovalTally)]
}

/// A survey refused by its rules, or not found in the user's scope.
public enum SurveyError: Error, Equatable, Sendable {
    case refused(Decision)
    case notFound(String)
    case areaNotFound(String)
    case noHouseholds(String)
    case notSampled(survey: String, household: String)
}

extension SurveyError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .refused(let d):
            s.text("error.survey.refused", ["reasons": d.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")])
        case .notFound(let key): s.text("error.survey.notFound", ["survey": key])
        case .areaNotFound(let code): s.text("error.finding.areaNotFound", ["area": code])
        case .noHouseholds(let code): s.text("error.survey.noHouseholds", ["area": code])
        case .notSampled(let survey, let household): s.text("error.survey.notSampled", ["survey": survey, "household": household])
        }
    }
}
