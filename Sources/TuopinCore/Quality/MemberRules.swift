/// A member row's own facts (REFERENCE §2.2): a name of 1–50 visible characters (no digits, no
/// invisible format characters: `VisibleText`), a birth date between
/// 1890 and today, a GB 3304 ethnicity, and a membership that starts on or after the birth, not
/// after today, and ends after it starts (with an end reason only when it ends); `healthy` not
/// beside another health condition.
public enum MemberRules {
    public static let nameLength = RuleID("member.name")
    public static let birthDateRange = RuleID("member.birthDate")
    public static let ethnicityCode = RuleID("member.ethnicity")
    public static let afterBirth = RuleID("membership.afterBirth")
    public static let notFuture = RuleID("membership.notFuture")
    public static let endAfterStart = RuleID("membership.order")
    public static let endReasonNeedsEnd = RuleID("membership.endReason")
    public static let health = RuleID("member.health")

    public static func evaluate(
        name: String, birthDate: CivilDate?, ethnicity: String, from: CivilDate?, to: CivilDate?,
        endReason: NaturalReductionReason?, health: Set<HealthCondition> = [], today: CivilDate
    ) -> Decision {
        var checks = [
            // Digits (ASCII or full-width) never stand in a name; 一、二、三 may.
            Check.import(
                nameLength,
                passed: ImportLimits.personName.contains(name.count) && VisibleText.isVisible(name)
                    && !name.contains(where: { ("0"..."9").contains($0) || ("０"..."９").contains($0) }),
                values: [ReasonValue("count", .count(Int64(name.count)))]),
            Check.import(ethnicityCode, passed: Ethnicity.isValid(ethnicity), values: [ReasonValue("value", .token(String(ethnicity.prefix(8))))]),
        ]
        if let birthDate {
            checks.append(
                Check.import(
                    birthDateRange, passed: birthDate >= ImportLimits.earliestBirth && birthDate <= today,
                    values: [ReasonValue("date", .date(birthDate)), ReasonValue("today", .date(today))]))
            if let from {
                checks.append(
                    Check.import(
                        afterBirth, passed: from >= birthDate, values: [ReasonValue("from", .date(from)), ReasonValue("birth", .date(birthDate))]))
            }
        }
        if let from {
            checks.append(
                Check.import(
                    notFuture, passed: from <= today && (to.map { $0 <= today } ?? true),
                    values: [ReasonValue("date", .date(max(from, to ?? from))), ReasonValue("today", .date(today))]))
            if let to {
                checks.append(
                    Check.import(endAfterStart, passed: to > from, values: [ReasonValue("from", .date(from)), ReasonValue("to", .date(to))]))
            }
        }
        checks.append(Check.import(endReasonNeedsEnd, passed: endReason == nil || to != nil))
        if !HealthCondition.agree(health) {
            checks.append(Check.import(Self.health, passed: false, values: [ReasonValue("health", .label(HealthCondition.label(of: health)))]))
        }
        return Decision(checks: checks)
    }

}
