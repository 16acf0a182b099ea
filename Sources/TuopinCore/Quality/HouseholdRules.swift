/// A household row's own facts: causes (DQ-013), its years (first identified between 2013 and
/// this year; a planned exit not before it, DQ-010), and the form of its phone and account.
public enum HouseholdRules {
    public static let causes = RuleID("DQ-013")
    public static let tooManyCauses = RuleID("DQ-013.tooMany")
    public static let causeEqualsMain = RuleID("DQ-013.equalsMain")
    public static let causeRepeated = RuleID("DQ-013.repeated")
    public static let firstYear = RuleID("household.firstYear")
    public static let plannedExit = RuleID("DQ-010")
    public static let phoneForm = RuleID("household.phone")
    public static let bankAccountForm = RuleID("household.bankAccount")

    public static func evaluate(
        main: PovertyCause, secondary: [PovertyCause], firstIdentifiedYear: Int, plannedExitYear: Int?,
        phone: String?, bankAccount: String?, today: CivilDate
    ) -> Decision {
        var checks: [Check] = []
        do {
            try Household.validateCauses(main: main, secondary: secondary)
            checks.append(Check.import(causes, passed: true))
        } catch {
            let failed: Check =
                switch error {
                case .tooManySecondaryCauses(let n): Check.import(tooManyCauses, passed: false, values: [ReasonValue("count", .count(Int64(n)))])
                case .secondaryEqualsMain(let c): Check.import(causeEqualsMain, passed: false, values: [ReasonValue("cause", .code(c))])
                case .repeatedSecondaryCause(let c): Check.import(causeRepeated, passed: false, values: [ReasonValue("cause", .code(c))])
                }
            checks.append(failed)
        }
        checks.append(
            Check.import(
                firstYear, passed: (ImportLimits.firstEnrolmentYear...today.year).contains(firstIdentifiedYear),
                values: [
                    ReasonValue("year", .year(firstIdentifiedYear)), ReasonValue("first", .year(ImportLimits.firstEnrolmentYear)),
                    ReasonValue("last", .year(today.year)),
                ]))
        if let planned = plannedExitYear {
            checks.append(
                Check.import(
                    plannedExit, passed: planned >= firstIdentifiedYear && planned <= ImportLimits.latestPlannedExitYear,
                    values: [
                        ReasonValue("planned", .year(planned)), ReasonValue("first", .year(firstIdentifiedYear)),
                        ReasonValue("last", .year(ImportLimits.latestPlannedExitYear)),
                    ]))
        }
        if let phone {
            checks.append(
                Check.import(
                    phoneForm,
                    passed: ImportLimits.phone.contains(phone.count)
                        && phone.allSatisfy { $0.isASCII && ($0.isNumber || "+- ()".contains($0)) }))
        }
        if let bankAccount {
            checks.append(
                Check.import(
                    bankAccountForm,
                    passed: ImportLimits.bankAccount.contains(bankAccount.count)
                        && bankAccount.allSatisfy { $0.isASCII && ($0.isNumber || $0 == " ") }))
        }
        return Decision(checks: checks)
    }
}
