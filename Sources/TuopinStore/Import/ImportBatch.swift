import TuopinCore

/// Registry rows ready to commit in one transaction: what an import accepted, or a generated
/// demo county.
public struct ImportBatch: Sendable {
    public init() {}

    public var areas: [Area] = []
    public var areaEvents: [AreaEvent] = []
    public var profiles: [VillageProfile] = []
    public var households: [Household] = []
    public var events: [StatusEvent] = []
    /// Each person once, with the county that holds them.
    public var members: [(county: String, member: Member)] = []
    public var memberships: [Membership] = []
    public var incomes: [IncomeRecord] = []
    /// Yearly facts and special-group tags of the batch's households.
    public var householdYears: [HouseholdYear] = []
    public var memberYears: [(MemberYear, HouseholdNumber)] = []
    public var groupTags: [SpecialGroupTag] = []

    public var rowCount: Int {
        areas.count + areaEvents.count + profiles.count + households.count + events.count + memberships.count + incomes.count
            + householdYears.count + memberYears.count + groupTags.count
    }

    /// The counties the batch writes households into, sorted.
    public var counties: [String] { Set(households.map(\.county.rawValue)).sorted() }
}

/// A file an import read, for its audit entry: name, size and SHA-256 digest.
public struct ImportedFile: Sendable, Equatable, Codable {
    public var file: String
    public var bytes: Int
    public var sha256: String

    public init(file: RegistryFile, bytes: Int, sha256: String) {
        self.file = file.fileName
        self.bytes = bytes
        self.sha256 = sha256
    }
}
