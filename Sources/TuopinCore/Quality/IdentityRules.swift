/// DQ-001 to DQ-003 for one person: the ID number is well formed with the right check character,
/// its birth date is real and not in the future, and the recorded birth date and sex agree
/// with it. Other kinds of ID are checked for their length only.
///
/// ```swift
/// let (d, id) = IdentityRules.evaluate(.residentIdentityCard, "430481198001010014", sex: .male,
///                                      birthDate: CivilDate(year: 1980, month: 1, day: 1)!, today: today)
/// d.failedChecks.map(\.rule)   // [DQ-001.check]: the check character should be 3
/// ```
public enum IdentityRules {
    public static let length = RuleID("DQ-001.length")
    public static let characters = RuleID("DQ-001.characters")
    public static let checkCharacter = RuleID("DQ-001.check")
    public static let birthDateReal = RuleID("DQ-002.real")
    public static let birthDateNotFuture = RuleID("DQ-002.future")
    public static let birthDateAgrees = RuleID("DQ-002.record")
    public static let sexAgrees = RuleID("DQ-003")
    public static let otherNumber = RuleID("DQ-001.other")

    /// The decision, and the number normalised (lower-case `x` made `X`) when it is well formed.
    public static func evaluate(
        _ type: IdentityType, _ text: String, sex: Sex?, birthDate: CivilDate?,
        today: CivilDate
    ) -> (Decision, String?) {
        guard type == .residentIdentityCard else {
            let ok = (4...30).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            return (
                Decision(checks: [Check.import(otherNumber, passed: ok, values: [ReasonValue("count", .count(Int64(text.count)))])]), ok ? text : nil
            )
        }
        let id: IdentityNumber
        do { id = try IdentityNumber(text) } catch {
            let check: Check =
                switch error {
                case .wrongLength(let n): Check.import(length, passed: false, values: [ReasonValue("count", .count(Int64(n)))])
                case .notADigit(let p): Check.import(characters, passed: false, values: [ReasonValue("position", .count(Int64(p)))])
                case .invalidBirthDate(let d): Check.import(birthDateReal, passed: false, values: [ReasonValue("date", .token(d))])
                case .birthDateInFuture(let d): Check.import(birthDateNotFuture, passed: false, values: [ReasonValue("date", .date(d))])
                case .wrongCheckCharacter(let expected, let found):
                    Check.import(
                        checkCharacter, passed: false,
                        values: [ReasonValue("expected", .token(String(expected))), ReasonValue("found", .token(String(found)))])
                }
            return (Decision(checks: [check]), nil)
        }
        var checks = [Check.import(checkCharacter, passed: true)]
        checks.append(Check.import(birthDateNotFuture, passed: id.birthDate <= today, values: [ReasonValue("date", .date(id.birthDate))]))
        if let birthDate {
            checks.append(
                Check.import(
                    birthDateAgrees, passed: birthDate == id.birthDate,
                    values: [ReasonValue("recorded", .date(birthDate)), ReasonValue("fromNumber", .date(id.birthDate))]))
        }
        if let sex {
            checks.append(
                Check.import(
                    sexAgrees, passed: sex == id.sex, values: [ReasonValue("recorded", .code(sex)), ReasonValue("fromNumber", .code(id.sex))]))
        }
        return (Decision(checks: checks), id.rawValue)
    }
}
