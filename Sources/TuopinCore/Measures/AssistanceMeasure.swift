/// One assistance measure (帮扶措施) given to a household (REFERENCE §2.5): what, how much, paid
/// from where, when, and what came of it. A measure runs to its own end: neither an exit nor a
/// risk elimination closes it (四个不摘); `continuesAfterElimination` says it was planned so.
public struct AssistanceMeasure: Hashable, Sendable {
    /// The kind as chosen: the local code where one refines it.
    public var kindChoice: CodeChoice { CodeChoice(base: kind.token, local: localKind) }

    /// The measure's number within its household, given by the store (0 before it is stored).
    public var number: Int
    public var household: HouseholdNumber
    public var kind: MeasureKind
    /// The local code (`CodeList.measureKind`) chosen for the kind, if any: it refines `kind`.
    public var localKind: String?
    public var project: String
    /// The scale in words ("2 头牛", "1 个岗位").
    public var scale: String
    public var amount: Money?
    public var funding: FundingSource?
    public var deadline: CivilDate?
    public var start: CivilDate
    public var end: CivilDate?
    /// The result, as the household signed it.
    public var outcome: String
    public var outcomeSigned: Bool
    public var continuesAfterElimination: Bool

    public init(
        number: Int = 0, household: HouseholdNumber, kind: MeasureKind, project: String, scale: String = "", amount: Money?,
        funding: FundingSource?, deadline: CivilDate?, start: CivilDate, end: CivilDate? = nil, outcome: String = "",
        outcomeSigned: Bool = false, continuesAfterElimination: Bool = false, localKind: String? = nil
    ) {
        self.number = number
        self.household = household
        self.kind = kind
        self.localKind = localKind
        self.project = project
        self.scale = scale
        self.amount = amount
        self.funding = funding
        self.deadline = deadline
        self.start = start
        self.end = end
        self.outcome = outcome
        self.outcomeSigned = outcomeSigned
        self.continuesAfterElimination = continuesAfterElimination
    }
}

/// The checks on a measure. Errors refuse it: a negative amount, an end or deadline before the
/// start, a start in the future. DQ-044 (project, amount or deadline missing) only warns.
public enum AssistanceMeasureRules {
    public static let amount = RuleID("measure.amount")
    public static let endAfterStart = RuleID("measure.endAfterStart")
    public static let deadlineAfterStart = RuleID("measure.deadlineAfterStart")
    public static let notFuture = RuleID("measure.notFuture")
    public static let complete = RuleID("DQ-044")

    /// The errors; `today` is passed in (Core has no clock).
    public static func evaluate(_ m: AssistanceMeasure, today: CivilDate) -> Decision {
        var checks = [
            Check(amount, passed: (m.amount ?? .zero) >= .zero, values: [ReasonValue("amount", m.amount.map { .money($0) } ?? .missing)]),
            Check(notFuture, passed: m.start <= today, values: [ReasonValue("start", .date(m.start)), ReasonValue("today", .date(today))]),
        ]
        if let end = m.end {
            checks.append(
                Check(endAfterStart, passed: end >= m.start, values: [ReasonValue("end", .date(end)), ReasonValue("start", .date(m.start))]))
        }
        if let deadline = m.deadline {
            checks.append(
                Check(
                    deadlineAfterStart, passed: deadline >= m.start,
                    values: [ReasonValue("deadline", .date(deadline)), ReasonValue("start", .date(m.start))]))
        }
        return Decision(checks: checks)
    }

    /// DQ-044: a warning when project, amount or deadline is missing.
    public static func completeness(_ m: AssistanceMeasure) -> Check {
        var missing: [Label] = []
        if m.project.trimmingCharacters(in: .whitespaces).isEmpty { missing.append(Label("项目", "project")) }
        if m.amount == nil { missing.append(Label("金额", "amount")) }
        if m.deadline == nil { missing.append(Label("期限", "deadline")) }
        return Check(complete, passed: missing.isEmpty, values: [ReasonValue("missing", .label(Label(joining: missing)))])
    }
}
