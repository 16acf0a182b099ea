import Foundation
import TuopinCore

/// What the first pass of an import found: the files and their digests, every rejection (the
/// first `keptRejections` of them kept here; all of them go to the caller's sink), and compact
/// indexes of the rows to commit, small enough for a million households. The second pass
/// (`RegistryImport.write`) reads the files again and writes the rows this plan accepts.
public struct ImportPlan: Sendable {
    public static let keptRejections = 10_000

    public var directory: URL
    public var files: [ImportedFile] = []
    /// Rejections found so far, in the order found (capped at `keptRejections`).
    public var rejections: [ImportRejection] = []
    /// Distinct rows rejected, however many reasons each has.
    public var rejectedRows = 0
    public var readRows = 0
    /// A rejection that refuses the whole import, even with `--skip-invalid`.
    public var fatal = false
    /// Columns a file has that the format does not know (not read).
    public var unknownColumns: [RegistryFile: [String]] = [:]

    /// Households by number: their index in the arrays below.
    var householdIndex: [String: Int32] = [:]
    var households: [HouseholdEntry] = []
    /// Household indexes rejected, with the row of their own that decided it.
    var rejectedHouseholds: Set<Int32> = []
    /// Rejections decided after the first pass read a row (against other rows, the registry or
    /// the household's whole history), by file and row; the second pass reports them with the
    /// row as read.
    var lateRejections: [RegistryFile: [Int: [LateRejection]]] = [:]
    /// Rows rejected in the first pass, by file: already reported, never written.
    var rejectedRowsByFile: [RegistryFile: Set<Int>] = [:]
    /// People by identity: where they were first named, and every span they were a member.
    var people: [IdentityKey: PersonEntry] = [:]
    /// Areas the file adds (not yet in the registry), by code.
    public internal(set) var newAreas: Set<String> = []
    /// Known areas (the file's and the registry's) with their kind.
    var areaKinds: [String: AreaKind] = [:]
    /// Areas named by rows but not known after the areas file, to ask the registry about.
    var areaReferences: [String: [AreaReference]] = [:]
    /// Village profiles and area events of the file by key, to find those the registry has.
    var profileKeys: [String: [String: Int32]] = [:]
    var areaEventKeys: [String: [String: Int32]] = [:]
    /// Incomes by household and year, to find a year given twice.
    var incomeKeys: [UInt64: Int32] = [:]

    init(directory: URL) { self.directory = directory }

    /// The counties of the households to be written (for the audit entry's chain).
    public var counties: Set<String> { Set(households.filter { !$0.rejected && !$0.county.isEmpty }.map(\.county)) }

    /// Whether the second pass may write: nothing fatal, some row to write, and every row good
    /// unless the good ones alone are to be committed.
    public func canCommit(partial: Bool) -> Bool {
        !fatal && writableRows > 0 && (rejectedRows == 0 || partial)
    }

    /// The rows the second pass would write: new areas, designations and profiles not rejected,
    /// and every row of each household not rejected.
    public var writableRows: Int {
        let late = { (file: RegistryFile) in self.lateRejections[file]?.count ?? 0 }
        let areaEvents = areaEventKeys.values.reduce(0) { $0 + $1.count } - late(.areaEvents)
        let profiles = profileKeys.values.reduce(0) { $0 + $1.count } - late(.villageProfiles)
        let households = self.households.filter { !$0.rejected }.reduce(0) { $0 + 1 + $1.events.count + $1.memberships.count + Int($1.incomeRows) }
        return newAreas.count + areaEvents + profiles + households
    }

    mutating func record(_ rejection: ImportRejection, sink: RegistryImport.RejectionSink?) {
        if rejections.count < Self.keptRejections { rejections.append(rejection) }
        if rejection.isFatal { fatal = true }
        sink?(rejection)
    }
}

/// A rejection found after its row was read: the field and reason; the row comes with it later.
struct LateRejection: Sendable {
    var field: String?
    var reason: ImportRejection.Reason
}

/// One household of the import, as compact as the checks allow.
struct HouseholdEntry: Sendable {
    var number: String
    var row: Int32
    var county: String
    var village: String
    var events: [CompactEvent] = []
    var memberships: [CompactMembership] = []
    /// A row of its own (in any file) was rejected.
    var rejected = false
    /// One of its events or members was rejected: its history or membership is incomplete, so
    /// the rules on the whole of it are not applied (they would report what is only missing).
    var eventRowRejected = false
    var memberRowRejected = false
    /// Its own row in households.csv was rejected: nothing more is said of it.
    var householdRowRejected = false
    var incomeRows: Int32 = 0
}

struct CompactEvent: Sendable {
    var sequence: Int32
    var day: Int32
    var kind: StatusEventKind
    var status: PovertyStatus
    var row: Int32
}

struct CompactMembership: Sendable {
    var isHead: Bool
    var from: Int32
    /// `Int32.max` while still a member.
    var to: Int32
    var row: Int32
}

/// A row that names an area the first pass did not know yet (asked of the registry after).
struct AreaReference: Sendable {
    var file: RegistryFile
    var row: Int32
    var field: String
    /// The household the row belongs to, or -1.
    var household: Int32
    /// The level the area must have.
    var level: AreaLevel
}

/// A person's identity, packed: an 18-character resident number as one integer (17 digits and
/// the check character), anything else as its type and text.
enum IdentityKey: Hashable, Sendable {
    case resident(UInt64)
    case other(IdentityType, String)

    /// The number as written (the resident form rebuilt from its digits).
    var number: String {
        switch self {
        case .other(_, let text): return text
        case .resident(var value):
            let check = value % 11
            value /= 11
            var digits = String(value)
            digits = String(repeating: "0", count: max(0, 17 - digits.count)) + digits
            return digits + (check == 10 ? "X" : String(check))
        }
    }

    var type: IdentityType {
        switch self {
        case .resident: .residentIdentityCard
        case .other(let type, _): type
        }
    }

    init(_ type: IdentityType, _ number: String) {
        if type == .residentIdentityCard, number.utf8.count == 18 {
            var value: UInt64 = 0
            var ok = true
            for (i, b) in number.utf8.enumerated() {
                if b >= 48 && b <= 57 {
                    value = value * (i == 17 ? 11 : 10) + UInt64(b - 48)
                } else if i == 17 && b == UInt8(ascii: "X") {
                    value = value * 11 + 10
                } else {
                    ok = false
                    break
                }
            }
            if ok {
                self = .resident(value)
                return
            }
        }
        self = .other(type, number)
    }
}

/// What a first pass remembers of a person: where they were first named, a fingerprint of
/// name, sex and birth date to catch one number with two people behind it, and the spans they
/// were a member of a household (most people have one; a move adds another).
struct PersonEntry: Sendable {
    var firstRow: Int32
    var fingerprint: Int
    var first: PersonSpan
    /// Further spans (nil for the many who never moved, so they cost no array).
    var more: [PersonSpan]?

    var spans: [PersonSpan] { [first] + (more ?? []) }
}

struct PersonSpan: Sendable {
    var household: Int32
    var from: Int32
    var to: Int32
    var row: Int32
}
