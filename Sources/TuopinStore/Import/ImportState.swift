import TuopinCore

/// One household of the import, as compact as the checks allow.
struct HouseholdEntry {
    var number: String
    var row: Int32
    var county: String
    var events: [CompactEvent] = []
    var memberships: [CompactMembership] = []
    /// Its income rows: year and row (a household has one a year, so a scan finds a repeat).
    var incomes: [(year: Int16, row: Int32)] = []
    /// Rejected: none of its rows is committed.
    var rejected = false
    /// Its own row in households.csv was rejected: nothing more is said of it.
    var householdRowRejected = false
    /// One of its events or members was rejected: its history or membership is incomplete, so
    /// the rules on the whole of it are not applied (they would report what is only missing).
    var eventRowRejected = false
    var memberRowRejected = false
    /// Some of its rows were written (and must be deleted again if it is rejected).
    var written = false
    /// Rows of it were accepted before it was rejected: the report pass lists them.
    var rejectedAfterRows = false
}

struct CompactEvent {
    var sequence: Int32
    var day: Int32
    var kind: StatusEventKind
    var status: PovertyStatus
    var row: Int32
}

struct CompactMembership {
    var isHead: Bool
    var from: Int32
    /// `Int32.max` while still a member.
    var to: Int32
    var row: Int32
}

/// A person's identity, packed: an 18-character resident number as one integer (17 digits and
/// the check character), anything else as its type and text.
enum IdentityKey: Hashable {
    case resident(UInt64)
    case other(IdentityType, String)

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

    /// The number as written (the resident form rebuilt from its digits).
    var number: String {
        switch self {
        case .other(_, let text): return text
        case .resident(var value):
            let check = value % 11
            value /= 11
            let digits = String(value)
            return String(repeating: "0", count: max(0, 17 - digits.count)) + digits + (check == 10 ? "X" : String(check))
        }
    }

    var type: IdentityType {
        switch self {
        case .resident: .residentIdentityCard
        case .other(let type, _): type
        }
    }
}

/// What the import remembers of a person: where they were first named, a fingerprint of name,
/// sex and birth date to catch one number with two people behind it, and the spans they were a
/// member of a household (most people have one; a move adds another).
struct PersonEntry {
    var firstRow: Int32
    var fingerprint: Int
    var first: PersonSpan
    /// Further spans (nil for the many who never moved, so they cost no array).
    var more: [PersonSpan]?
    /// Their `member` row was written.
    var written = false

    var spans: [PersonSpan] { [first] + (more ?? []) }
}

struct PersonSpan {
    var household: Int32
    var from: Int32
    var to: Int32
    var row: Int32
}

/// A rejection decided after its row was read (reported with the row by the report pass).
struct LateRejection: Sendable {
    var field: String?
    var reason: ImportRejection.Reason
}

/// A row accepted by its own checks, waiting with others for the registry lookups and the write.
struct PendingRow<Value> {
    var value: Value
    var line: Int
    var fields: [String]
    var household: Int32
}

/// Rows rejected after they were written (their household failed a rule on its whole history
/// or membership, or another of its rows failed later): the report pass reads them again to
/// report them with the row as read.
public struct PendingReport: Sendable {
    var rows: [RegistryFile: [Int: [LateRejection]]] = [:]

    public var isEmpty: Bool { rows.isEmpty }
    public var count: Int { rows.values.reduce(0) { $0 + $1.count } }
}
