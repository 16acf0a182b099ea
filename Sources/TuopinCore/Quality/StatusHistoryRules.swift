/// A household's status history (REFERENCE §3.10): events numbered 1, 2, … without gaps, each
/// kind agreeing with its status, dated in their order between 1986 and today, beginning with
/// identification and moving only as `StatusTransition` allows.
///
/// ```swift
/// StatusHistoryRules.evaluate(events, today: today).failedChecks.map(\.rule)   // [event.transition] …
/// ```
public enum StatusHistoryRules {
    public static let present = RuleID("event.present")
    public static let sequence = RuleID("event.sequence")
    public static let kindAgrees = RuleID("event.kindStatus")
    public static let dateRange = RuleID("event.date")
    public static let order = RuleID("event.order")
    public static let transition = RuleID("event.transition")
    /// The first event is an identification (识别纳入).
    public static let first = RuleID("event.first")

    /// One event's own facts: the kind agrees with the status, the date lies in range.
    public static func evaluate(_ e: StatusEvent, today: CivilDate) -> Decision {
        Decision(checks: [
            Check.import(
                kindAgrees, passed: e.kind.resultingStatus.map { $0 == e.status } ?? true,
                values: [ReasonValue("kind", .code(e.kind)), ReasonValue("status", .code(e.status))]),
            Check.import(
                dateRange, passed: e.effectiveDate >= ImportLimits.earliestAreaEvent && e.effectiveDate <= today,
                values: [ReasonValue("date", .date(e.effectiveDate)), ReasonValue("today", .date(today))]),
        ])
    }

    /// The whole history of one household; each failed check names the sequence it fails at.
    public static func evaluate(history events: [StatusEvent]) -> Decision {
        guard !events.isEmpty else { return Decision(checks: [Check.import(present, passed: false)]) }
        let sorted = events.sorted { $0.sequence < $1.sequence }
        var checks: [Check] = []
        for (i, e) in sorted.enumerated() where e.sequence != i + 1 {
            checks.append(
                Check.import(
                    sequence, passed: false, values: [ReasonValue("expected", .count(Int64(i + 1))), ReasonValue("found", .count(Int64(e.sequence)))])
            )
            break
        }
        var previous: StatusEvent? = nil
        for e in sorted {
            if let p = previous, e.effectiveDate < p.effectiveDate {
                checks.append(
                    Check.import(
                        order, passed: false,
                        values: [
                            ReasonValue("sequence", .count(Int64(e.sequence))), ReasonValue("date", .date(e.effectiveDate)),
                            ReasonValue("previousDate", .date(p.effectiveDate)),
                        ]))
                break
            }
            if !StatusTransition.isLegal(from: previous?.status, kind: e.kind) {
                var values = [ReasonValue("sequence", .count(Int64(e.sequence))), ReasonValue("kind", .code(e.kind))]
                if let p = previous { values.append(ReasonValue("from", .code(p.status))) }
                checks.append(Check.import(previous == nil ? first : transition, passed: false, values: values))
                break
            }
            previous = e
        }
        return Decision(checks: checks.isEmpty ? [Check.import(transition, passed: true)] : checks)
    }
}
