import TuopinCore

/// A row of an import file that was not accepted, with where and why (DESIGN principle 6).
///
/// Words come last: `Rejections.wording` in TuopinStrings turns it into
/// "members.csv 第 12 行，id_number：身份证号校验位错误，应为 X".
public struct ImportRejection: Error, Equatable, Sendable {
    public var file: RegistryFile
    /// The row as the user's spreadsheet numbers it (the header is row 1); 0 for the whole file.
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
        // The file and its structure.
        /// A directory, a pipe or a device where a file should be.
        case notARegularFile
        case unreadableFile
        /// The header holds NUL or other control characters: text in another encoding (UTF-16
        /// without a byte-order mark reads as valid UTF-8 with a NUL before every letter).
        case headerNotText
        /// The folder holds the file under another spelling (`MEMBERS.CSV`): it would be taken
        /// for absent, and its households for having no members.
        case misnamedFile(String)
        /// Not even a header line.
        case emptyFile
        case missingColumn(String)
        /// Two header cells with the same name (1-based column numbers).
        case duplicateColumn(String, first: Int, second: Int)
        case wrongFieldCount(expected: Int, found: Int)
        /// More fields than any row may have (`ImportLimits.fieldsPerRow`): only that many were read.
        case tooManyColumns(found: Int, maximum: Int)
        /// Bytes that are not UTF-8 (a file saved as GBK, say).
        case notUTF8
        case fieldTooLong(bytes: Int, maximum: Int)
        case textAfterClosingQuote
        /// The quote opened on this row is never closed: the rest of the file cannot be read.
        case unterminatedQuote
        /// A rejected row whose household cannot be told (its number is unreadable), so no
        /// household is safe to commit.
        case unattributable

        // Fields.
        case emptyField
        case invalidAreaCode(AdminCode.ParseError)
        case unknownArea(String)
        case notAVillage(String)
        case unknownCode(String)
        /// An area's kind is a known one, but not of its code's level (`county` for a 12-digit code).
        case kindNotOfLevel(kind: String, digits: Int)
        case invalidDate(String)
        case invalidNumber(String)
        case invalidAmount(String)
        /// A whole number outside the range the format gives it.
        case outOfRange(Int, minimum: Int, maximum: Int)
        /// Not a decimal number with at most `places` decimal places (areas, distances).
        case invalidDecimal(String, places: Int)
        case invalidHouseholdNumber(String)
        case invalidIdentityNumber(IdentityNumber.ParseError)
        /// A control character (NUL, a line break in a name …), by its code point.
        case controlCharacter(UInt32)
        case tooLong(count: Int, maximum: Int)
        /// A rule of Core (DQ-001 …, the history and composition rules) that the row fails.
        case rule(Check)

        // The row against other rows and the registry.
        case duplicateHousehold(firstLine: Int)
        case householdAlreadyInRegistry(String)
        case unknownHousehold(String)
        /// DQ-007: the same person in another household over the same time.
        case identityInTwoHouseholds(otherHousehold: String, otherLine: Int)
        /// One ID number with another name, sex or birth date on an earlier row.
        case identityDiffers(otherLine: Int)
        case identityAlreadyInRegistry
        /// The person is a member of a household in another county in this import: a move
        /// between counties is two steps (leave one county, then join the other).
        case identityInOtherCounty(String)
        case areaEventAlreadyInRegistry
        case profileAlreadyInRegistry(year: Int)
        case duplicateRow(firstLine: Int)
        /// A member_years.csv row names someone who is no member of its household in that year in members.csv.
        case notAMemberOfHousehold(String, year: Int)
        /// A household_groups.csv row names a special group the registry does not have.
        case unknownSpecialGroup(String)
        /// A special_groups.csv row whose token or names are not valid.
        case invalidSpecialGroup(SpecialGroupError)
        /// A special_groups.csv row whose token the registry has with other names.
        case specialGroupDiffers(String)
        /// An areas.csv row whose code the registry has under another name or kind (an import
        /// never changes an area the registry has): the registry's name and kind.
        case areaDiffers(String, name: String, kind: String)
        /// A local_codes.csv row whose token, names or base are not valid.
        case invalidLocalCode(LocalCodeError)
        /// A local_codes.csv row whose code the registry has with other names or another base.
        case localCodeDiffers(String)
        /// A local code given for a value the row does not have (a local cause refining no cause of the household).
        case localCodeWithoutBase(String, base: String)
        /// The row belongs to a household that was rejected.
        case householdRejected(String)
        /// The row's area lies outside the importing user's scope.
        case outsideScope(String)
        /// The folder holds files but not one row to import.
        case noRows
    }

    /// Whether the rejection makes the whole import fail, even with `--skip-invalid`: rows that
    /// cannot be read or cannot be told apart would otherwise leave households half committed.
    public var isFatal: Bool {
        switch reason {
        case .notARegularFile, .unreadableFile, .headerNotText, .misnamedFile, .emptyFile, .missingColumn, .duplicateColumn, .unterminatedQuote,
            .unattributable,
            .noRows:
            true
        // A header that cannot be read names no column: the file cannot be read at all.
        case .notUTF8, .fieldTooLong, .textAfterClosingQuote, .wrongFieldCount, .tooManyColumns: line == 1
        default: false
        }
    }
}
