import TuopinCore

/// A row of an import file that was not accepted, with where and why (DESIGN principle 6).
///
/// Words come last: `Rejections.wording` in TuopinStrings turns it into
/// "members.csv 第 12 行，id_number：身份证号校验位错误，应为 X".
public struct ImportRejection: Error, Equatable, Sendable {
    public var file: RegistryFile
    /// The line as the user's spreadsheet numbers it (the header is line 1).
    public var line: Int
    /// The column at fault, or nil for the row as a whole.
    public var field: String?
    public var reason: Reason
    /// The row as it was read, for the rejected-rows file.
    public var fields: [String]

    public init(file: RegistryFile, line: Int, field: String?, reason: Reason, fields: [String] = []) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        self.fields = fields
    }

    public enum Reason: Equatable, Sendable {
        case missingColumn(String)
        case wrongFieldCount(expected: Int, found: Int)
        case emptyField
        case invalidAreaCode(AdminCode.ParseError)
        case unknownArea(String)
        case notAVillage(String)
        case unknownCode(String)
        case invalidDate(String)
        case invalidNumber(String)
        case invalidAmount(String)
        case negativeAmount(Money)
        case invalidHouseholdNumber(String)
        case invalidIdentityNumber(IdentityNumber.ParseError)
        case sexDisagreesWithIdentityNumber(recorded: Sex, fromNumber: Sex)
        case birthDateDisagreesWithIdentityNumber(recorded: CivilDate, fromNumber: CivilDate)
        case invalidCauses(Household.CauseError)
        case duplicateHousehold(firstLine: Int)
        case householdAlreadyInRegistry(String)
        case unknownHousehold(String)
        /// DQ-006: a second current head of household.
        case secondHead(firstLine: Int)
        /// DQ-006: members but no head.
        case noHead
        /// DQ-007: the same person in another household over the same time.
        case identityInTwoHouseholds(otherHousehold: String, otherLine: Int)
        case identityAlreadyInRegistry
        case duplicateRow(firstLine: Int)
        case endBeforeStart
        case negativeCount
        /// The row belongs to a household that was rejected.
        case householdRejected(String)
        /// The row's area lies outside the importing user's scope.
        case outsideScope(String)
    }
}
