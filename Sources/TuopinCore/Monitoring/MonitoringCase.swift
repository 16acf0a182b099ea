/// A monitoring case (防返贫监测): one household's way from a risk lead through identification,
/// assistance and risk elimination (REFERENCE §3.7–3.10). The state machine M1–M12 lives in
/// `MonitoringCase+Transitions.swift`; the service stores the case and performs the follow-ups.
///
/// A case is valid once built: its risks are at most 5, none repeated, and its state's stage
/// lies inside its templates (the transitions keep it so).
public struct MonitoringCase: Hashable, Sendable {
    /// The case number within its county, given by the store (0 before it is stored).
    public var number: Int
    public let household: HouseholdNumber
    public let village: AdminCode
    public let channel: DiscoveryChannel
    public let leadDate: CivilDate
    public let identificationTemplate: String
    public let eliminationTemplate: String
    /// The day the identification must be done by, from the template's deadline (nil: none).
    public let deadline: CivilDate?
    public internal(set) var state: MonitoringState
    public internal(set) var category: MonitoringCategory?
    public internal(set) var risks: [RiskType]
    /// The local codes chosen for some of the risks (§2.6): each refines its key, a risk of the case.
    public internal(set) var localRisks: [RiskType: String]
    /// 绿色通道: help may start before approval (M12).
    public var greenChannel: Bool
    /// 整户无劳动能力兜底: never eliminated; tracked after protection.
    public var noLabourSafetyNet: Bool
    /// The case this one follows, when a new risk came after elimination (M10).
    public let previousCase: Int?
    public internal(set) var identifiedOn: CivilDate?
    public internal(set) var eliminationMethod: EliminationMethod?
    public internal(set) var closedOn: CivilDate?
    /// The date of the latest step, so that steps keep their order.
    public internal(set) var lastStepDate: CivilDate

    public static let maximumRisks = 5

    public init(
        number: Int, household: HouseholdNumber, village: AdminCode, channel: DiscoveryChannel, leadDate: CivilDate,
        identificationTemplate: String, eliminationTemplate: String, deadline: CivilDate?, state: MonitoringState,
        category: MonitoringCategory?, risks: [RiskType], greenChannel: Bool, noLabourSafetyNet: Bool, previousCase: Int?,
        identifiedOn: CivilDate?, eliminationMethod: EliminationMethod?, closedOn: CivilDate?, lastStepDate: CivilDate,
        localRisks: [RiskType: String] = [:]
    ) throws(MonitoringRefusal) {
        if risks.count > Self.maximumRisks || Set(risks).count != risks.count {
            throw MonitoringRefusal(.lead, Decision(checks: [MonitoringRules.riskCount(risks)]))
        }
        self.number = number
        self.household = household
        self.village = village
        self.channel = channel
        self.leadDate = leadDate
        self.identificationTemplate = identificationTemplate
        self.eliminationTemplate = eliminationTemplate
        self.deadline = deadline
        self.state = state
        self.category = category
        self.risks = risks
        self.localRisks = localRisks.filter { risks.contains($0.key) }
        self.greenChannel = greenChannel
        self.noLabourSafetyNet = noLabourSafetyNet
        self.previousCase = previousCase
        self.identifiedOn = identifiedOn
        self.eliminationMethod = eliminationMethod
        self.closedOn = closedOn
        self.lastStepDate = lastStepDate
    }

    /// The public case reference: county, then the number ("430481-000123").
    public var reference: String { Self.reference(county: String(village.rawValue.prefix(6)), number: number) }

    /// The public reference of case `number` in `county`.
    public static func reference(county: String, number: Int) -> String {
        let n = String(number)
        return county + "-" + String(repeating: "0", count: max(0, 6 - n.count)) + n
    }
}

/// A lead (线索): what opens a case (M1).
public struct MonitoringLead: Hashable, Sendable {
    public var household: HouseholdNumber
    public var village: AdminCode
    public var channel: DiscoveryChannel
    public var date: CivilDate
    public var risks: [RiskType]
    /// Local codes chosen for some of the risks, by the risk each refines.
    public var localRisks: [RiskType: String]
    public var greenChannel: Bool
    public var note: String

    public init(
        household: HouseholdNumber, village: AdminCode, channel: DiscoveryChannel, date: CivilDate, risks: [RiskType],
        greenChannel: Bool = false, note: String = "", localRisks: [RiskType: String] = [:]
    ) {
        self.household = household
        self.village = village
        self.channel = channel
        self.date = date
        self.risks = risks
        self.localRisks = localRisks
        self.greenChannel = greenChannel
        self.note = note
    }
}

/// What was done at a step: its date and what the step's guard needs.
public struct StepRecord: Hashable, Sendable {
    public var date: CivilDate
    /// 入户核实: the household signed its authorisation to check its data.
    public var consentSigned: Bool
    /// 公示: the notice's first and last day.
    public var notice: NoticePeriod?
    /// 公示: every objection was answered.
    public var objectionsResolved: Bool
    /// 县级审定 of an identification: the category and risks decided.
    public var category: MonitoringCategory?
    public var risks: [RiskType]?
    /// Local codes for some of `risks`, by the risk each refines.
    public var localRisks: [RiskType: String]
    public var note: String

    public init(
        date: CivilDate, consentSigned: Bool = false, notice: NoticePeriod? = nil, objectionsResolved: Bool = false,
        category: MonitoringCategory? = nil, risks: [RiskType]? = nil, note: String = "", localRisks: [RiskType: String] = [:]
    ) {
        self.date = date
        self.consentSigned = consentSigned
        self.notice = notice
        self.objectionsResolved = objectionsResolved
        self.category = category
        self.risks = risks
        self.localRisks = localRisks
        self.note = note
    }
}

/// A notice's first and last day; its length counts both.
public struct NoticePeriod: Hashable, Sendable, Codable {
    public var from: CivilDate
    public var to: CivilDate

    public init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }

    /// Calendar days the notice was up, both ends included (0 if it ends before it starts).
    public var days: Int { max(0, to.dayNumber - from.dayNumber + 1) }
}

/// What the service must do after a transition.
public enum FollowUp: Hashable, Sendable {
    /// The next stage is a notice of at least so many days.
    case publishNotice(days: Int)
    /// The identification must be done by this day.
    case startDeadline(CivilDate)
    /// The household is now monitored in this category.
    case startMonitoring(MonitoringCategory)
    /// The risk is eliminated; measures, cadres and follow-up continue (四个不摘).
    case keepFollowingUp
}

extension MonitoringCase {
    /// The risks as chosen: each with its local code, if one refines it.
    public var riskChoices: [CodeChoice] { risks.map { CodeChoice(base: $0.token, local: localRisks[$0]) } }

    /// Risks chosen from the risk list (built-in or local): the built-in risks, and the local
    /// codes by the risk each refines. Nil when a choice is not a risk.
    public static func risks(_ choices: [CodeChoice]) -> (risks: [RiskType], local: [RiskType: String])? {
        var risks: [RiskType] = [], local: [RiskType: String] = [:]
        for choice in choices {
            guard let risk = RiskType(token: choice.base) else { return nil }
            risks.append(risk)
            if let code = choice.local { local[risk] = code }
        }
        return (risks, local)
    }
}
