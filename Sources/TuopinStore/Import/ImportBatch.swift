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

    public var rowCount: Int {
        areas.count + areaEvents.count + profiles.count + households.count + events.count + memberships.count + incomes.count
    }

    /// The counties the batch writes households into, sorted.
    public var counties: [String] { Set(households.map(\.county.rawValue)).sorted() }
}

/// What an import found: the good rows, every rejected one, and the files it read.
public struct ImportOutcome: Sendable {
    public var batch: ImportBatch
    public var rejections: [ImportRejection]
    public var readRows: Int
    public var files: [ImportedFile] = []
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

/// Keys already in the registry, so an import neither duplicates nor silently overwrites them.
public struct ExistingKeys: Sendable {
    public var areaCodes: Set<String> = []
    public var households: Set<String> = []
    public var identities: Set<String> = []

    public init(areaCodes: Set<String> = [], households: Set<String> = [], identities: Set<String> = []) {
        self.areaCodes = areaCodes
        self.households = households
        self.identities = identities
    }
}
