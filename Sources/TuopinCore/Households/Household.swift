/// An enrolled household (建档立卡户): who it is, where, why it is poor and how it was identified.
///
/// Status is not a field: it is the projection of the household's `StatusEvent`s at a date, so
/// the registry can answer "as of" any day (DESIGN principle 3). Yearly facts (incomes, living
/// conditions) are yearly rows of their own.
public struct Household: Hashable, Sendable {
    public var number: HouseholdNumber
    /// The village (12-digit code) the household is registered in.
    public var village: AdminCode
    public var identificationStandard: IdentificationStandard
    public var povertyAttribute: PovertyAttribute
    public var mainCause: PovertyCause
    /// 0–2 further causes, none equal to the main one (DQ-013).
    public var secondaryCauses: [PovertyCause]
    public var firstIdentifiedYear: Int
    public var plannedExitYear: Int?
    public var isMilitaryMartyrFamily: Bool
    public var isOneChild: Bool
    public var isTwoDaughters: Bool
    /// Sensitive: never on notices, masked in lists.
    public var phone: String?
    public var bankAccount: String?
    /// Local codes (`CodeList.povertyCause`) chosen for some of the causes: each refines the main
    /// or a secondary cause, which every figure counts.
    public var localCauses: [String]

    public init(
        number: HouseholdNumber, village: AdminCode, identificationStandard: IdentificationStandard = .national,
        povertyAttribute: PovertyAttribute = .general, mainCause: PovertyCause, secondaryCauses: [PovertyCause] = [],
        firstIdentifiedYear: Int, plannedExitYear: Int? = nil, isMilitaryMartyrFamily: Bool = false,
        isOneChild: Bool = false, isTwoDaughters: Bool = false, phone: String? = nil, bankAccount: String? = nil,
        localCauses: [String] = []
    ) {
        self.number = number
        self.village = village
        self.identificationStandard = identificationStandard
        self.povertyAttribute = povertyAttribute
        self.mainCause = mainCause
        self.secondaryCauses = secondaryCauses
        self.firstIdentifiedYear = firstIdentifiedYear
        self.plannedExitYear = plannedExitYear
        self.isMilitaryMartyrFamily = isMilitaryMartyrFamily
        self.isOneChild = isOneChild
        self.isTwoDaughters = isTwoDaughters
        self.phone = phone
        self.bankAccount = bankAccount
        self.localCauses = localCauses
    }

    /// The county (6-digit code) that holds the household's rows (`county_code`).
    public var county: AdminCode { village.county! }

    public enum CauseError: Error, Equatable, Sendable {
        case tooManySecondaryCauses(Int)
        case secondaryEqualsMain(PovertyCause)
        case repeatedSecondaryCause(PovertyCause)
    }

    /// DQ-013: one main cause; at most two secondary causes, none equal to the main cause.
    public static func validateCauses(main: PovertyCause, secondary: [PovertyCause]) throws(CauseError) {
        if secondary.count > 2 { throw CauseError.tooManySecondaryCauses(secondary.count) }
        if secondary.contains(main) { throw CauseError.secondaryEqualsMain(main) }
        if secondary.count == 2 && secondary[0] == secondary[1] { throw CauseError.repeatedSecondaryCause(secondary[0]) }
    }
}
