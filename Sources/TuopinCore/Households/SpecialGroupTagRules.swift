/// The checks on a special-group tag (each an error): it starts within the registry's years and
/// not after today, and an end comes after the start (the end day is not in the group).
public enum SpecialGroupTagRules {
    public static let from = RuleID("groupTag.from")
    public static let span = RuleID("groupTag.span")

    public static func evaluate(_ t: SpecialGroupTag, today: CivilDate) -> Decision {
        var checks = [
            Check(
                from, passed: RegistryYear.contains(t.from.year) && t.from <= today,
                values: [ReasonValue("from", .date(t.from)), ReasonValue("today", .date(today))])
        ]
        if let to = t.to {
            checks.append(Check(span, passed: to > t.from, values: [ReasonValue("from", .date(t.from)), ReasonValue("to", .date(to))]))
        }
        return Decision(checks: checks)
    }
}
