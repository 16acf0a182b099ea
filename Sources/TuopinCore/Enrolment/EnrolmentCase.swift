/// A household's historical enrolment (贫困户识别, 建档立卡 2014–2020) run as its procedure: the
/// stages of an enrolment `WorkflowTemplate` (两公示一公告, or Hunan's 两评议两公示一比对一公告)
/// in order, each notice at least its days long, ending with the announcement (公告), on whose
/// date the household is enrolled (`identified`). Any appraisal, review or approval stage may
/// instead reject the application (不予识别).
///
/// A case is valid once built: its stage lies inside its template's stages.
public struct EnrolmentCase: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        /// The stage to be recorded next (an index into the template's stages).
        case inProgress(stage: Int)
        case enrolled
        case notEnrolled(atStage: Int)

        public var token: String {
            switch self {
            case .inProgress: "inProgress"
            case .enrolled: "enrolled"
            case .notEnrolled: "notEnrolled"
            }
        }

        public var stage: Int? {
            switch self {
            case .inProgress(let s), .notEnrolled(let s): s
            case .enrolled: nil
            }
        }

        public init?(token: String, stage: Int?) {
            switch (token, stage) {
            case ("inProgress", let s?) where s >= 0: self = .inProgress(stage: s)
            case ("enrolled", _): self = .enrolled
            case ("notEnrolled", let s?) where s >= 0: self = .notEnrolled(atStage: s)
            default: return nil
            }
        }
    }

    /// The number within its county, given by the store (0 before it is stored).
    public var number: Int
    public let household: HouseholdNumber
    public let village: AdminCode
    public let template: String
    public let applicationDate: CivilDate
    public internal(set) var state: State
    public internal(set) var lastStepDate: CivilDate
    /// The day it was enrolled or refused.
    public internal(set) var closedOn: CivilDate?

    public init(
        number: Int, household: HouseholdNumber, village: AdminCode, template: String, applicationDate: CivilDate, state: State,
        lastStepDate: CivilDate, closedOn: CivilDate?
    ) {
        self.number = number
        self.household = household
        self.village = village
        self.template = template
        self.applicationDate = applicationDate
        self.state = state
        self.lastStepDate = lastStepDate
        self.closedOn = closedOn
    }

    /// The public reference: county, "E", then the number ("430481-E00012").
    public var reference: String { Self.reference(county: String(village.rawValue.prefix(6)), number: number) }

    public static func reference(county: String, number: Int) -> String {
        let n = String(number)
        return county + "-E" + String(repeating: "0", count: max(0, 5 - n.count)) + n
    }

    /// The application, the template's first stage: opens the case at its second stage.
    public static func apply(
        household: HouseholdNumber, village: AdminCode, template: WorkflowTemplate, on date: CivilDate
    ) throws(EnrolmentRefusal) -> EnrolmentCase {
        let checks = [
            Check(EnrolmentRules.template, passed: template.purpose == .enrolment && template.stages.first?.step == .application),
            Check(EnrolmentRules.period, passed: EnrolmentRules.years.contains(date.year), values: [ReasonValue("date", .date(date))]),
        ]
        guard Decision(checks: checks).passed else { throw EnrolmentRefusal(.apply, Decision(checks: checks)) }
        let done = template.stages.count == 1
        return EnrolmentCase(
            number: 0, household: household, village: village, template: template.id, applicationDate: date,
            state: done ? .enrolled : .inProgress(stage: 1), lastStepDate: date, closedOn: done ? date : nil)
    }

    /// The stage to record next, if the case is still in progress.
    public func currentStage(_ template: WorkflowTemplate) -> WorkflowTemplate.Stage? {
        guard case .inProgress(let i) = state, template.stages.indices.contains(i) else { return nil }
        return template.stages[i]
    }

    /// Records the current stage; returns true when it was the last (the household is enrolled
    /// on the record's date).
    @discardableResult
    public mutating func complete(_ record: StepRecord, template: WorkflowTemplate) throws(EnrolmentRefusal) -> Bool {
        guard case .inProgress(let index) = state, template.id == self.template, template.stages.indices.contains(index) else {
            throw EnrolmentRefusal(
                .step, Decision(checks: [Check(EnrolmentRules.open, passed: false, values: [ReasonValue("state", .token(state.token))])]))
        }
        let stage = template.stages[index]
        var checks = [MonitoringRules.order(record.date, after: lastStepDate)]
        if stage.step == .publicNotice {
            checks += MonitoringRules.notice(
                record.notice, required: stage.noticeDays ?? 0, completedOn: record.date, objectionsResolved: record.objectionsResolved)
            if let notice = record.notice { checks.append(MonitoringRules.order(notice.from, after: lastStepDate)) }
        }
        let decision = Decision(checks: checks)
        guard decision.passed else { throw EnrolmentRefusal(.step, decision) }
        lastStepDate = record.date
        guard index == template.stages.count - 1 else {
            state = .inProgress(stage: index + 1)
            return false
        }
        state = .enrolled
        closedOn = record.date
        return true
    }

    /// 不予识别: the current stage, an appraisal, review, check or approval, turns the application down.
    public mutating func reject(on date: CivilDate, template: WorkflowTemplate) throws(EnrolmentRefusal) {
        guard case .inProgress(let index) = state, template.stages.indices.contains(index) else {
            throw EnrolmentRefusal(
                .reject, Decision(checks: [Check(EnrolmentRules.open, passed: false, values: [ReasonValue("state", .token(state.token))])]))
        }
        let step = template.stages[index].step
        let checks = [
            MonitoringRules.order(date, after: lastStepDate),
            Check(EnrolmentRules.rejectingStage, passed: EnrolmentRules.deciding.contains(step), values: [ReasonValue("step", .label(step.label))]),
        ]
        guard Decision(checks: checks).passed else { throw EnrolmentRefusal(.reject, Decision(checks: checks)) }
        lastStepDate = date
        state = .notEnrolled(atStage: index)
        closedOn = date
    }
}

/// The checks of the enrolment procedure (each with its reason).
public enum EnrolmentRules {
    public static let template = RuleID("enrolment.template")
    public static let period = RuleID("enrolment.period")
    public static let open = RuleID("enrolment.open")
    public static let rejectingStage = RuleID("enrolment.rejectingStage")

    /// The years of 建档立卡 enrolment: from the first the registry holds to 2020, when the
    /// campaign ended and monitoring (its own templates, from 2021) took over.
    public static let years = ImportLimits.firstEnrolmentYear...2020

    /// The stages that decide, and so may turn an application down.
    public static let deciding: Set<WorkflowStep> = [
        .villageAppraisal, .representativesAppraisal, .townshipReview, .countyDataCheck, .countyApproval,
    ]
}

/// A refused enrolment step, with what was asked and the checks that failed.
public struct EnrolmentRefusal: Error, Hashable, Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case apply, step, reject
    }

    public let action: Action
    public let decision: Decision

    public init(_ action: Action, _ decision: Decision) {
        self.action = action
        self.decision = decision
    }
}
