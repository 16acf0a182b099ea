import TuopinCore
import TuopinStore

extension HouseholdService {
    /// What the household's contact form changes: its phone, its bank account and the year it
    /// plans to exit (empty text clears a value).
    public struct ContactEdit: Sendable, Equatable {
        public var phone: String?
        public var bankAccount: String?
        public var plannedExitYear: Int?

        public init(phone: String?, bankAccount: String?, plannedExitYear: Int?) {
            self.phone = phone
            self.bankAccount = bankAccount
            self.plannedExitYear = plannedExitYear
        }
    }

    /// Changes a household's phone, bank account and planned exit year, held to the same rules
    /// as an import's household row (`HouseholdRules`: the phone's and the account's form, the
    /// planned year after the first identification and not before 2014); refused with the
    /// failed checks, each naming its field. Audited with the values before and after.
    public func editContact(_ number: HouseholdNumber, _ edit: ContactEdit, by user: User) async throws {
        let village = try await MonitoringService(environment).householdVillage(number, by: user)
        try await environment.authorize(user, .editRegistry, area: village)
        let county = String(village.rawValue.prefix(6))
        try await environment.store.transaction { tx in
            guard let household = try await HouseholdQuery.household(county: county, number, tx.sql) else {
                throw MonitoringError.householdNotFound(number.rawValue)
            }
            let decision = HouseholdRules.evaluate(
                main: household.mainCause, secondary: household.secondaryCauses, firstIdentifiedYear: household.firstIdentifiedYear,
                plannedExitYear: edit.plannedExitYear, phone: edit.phone, bankAccount: edit.bankAccount, today: environment.today)
            guard decision.passed else { throw HouseholdError.refused(decision) }
            try await HouseholdQuery.updateContact(
                county: county, number, phone: edit.phone, bankAccount: edit.bankAccount, plannedExitYear: edit.plannedExitYear, in: tx)
            func values(_ phone: String?, _ account: String?, _ year: Int?) -> [String: AuditValue] {
                // The log keeps that a private field changed, never its value.
                [
                    "phone": .text(Masking.privateField(phone ?? "")), "bankAccount": .text(Masking.privateField(account ?? "")),
                    "plannedExitYear": year.map { .int(Int64($0)) } ?? .text(""),
                ]
            }
            try await environment.audit.record(
                AuditEntry(
                    .householdEdited, entity: "household:\(number.rawValue)", area: village,
                    before: values(household.phone, household.bankAccount, household.plannedExitYear),
                    after: values(edit.phone, edit.bankAccount, edit.plannedExitYear)),
                by: user, in: tx)
        }
    }

    /// The form field a household rule speaks of (the import's column names).
    public static func field(of check: Check) -> String {
        switch check.rule {
        case HouseholdRules.plannedExit: "planned_exit_year"
        case HouseholdRules.phoneForm: "phone"
        case HouseholdRules.bankAccountForm: "bank_account"
        default: "secondary_causes"
        }
    }
}
