import TuopinCore

/// One household of the import, as compact as the checks allow. Its events are kept until
/// the status-event file is read and its memberships until the member file is read (the rules
/// on its whole history and membership run then); its income years until the end.
struct HouseholdEntry {
    var number: String
    var row: Int32
    var county: String
    var village: String
    var events: [CompactEvent] = []
    /// Its latest status is on the roll (or it has no event): set when its history is checked.
    var onRoll = true
    var memberships: [CompactMembership] = []
    /// What the projection (M018) keeps of it, taken from its events and memberships before
    /// they are let go: written as its `household_current` row if it is committed.
    var projected = ProjectedHousehold()
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
    /// Rows of it written, by file (taken out again, and reported, if it is rejected later).
    var writtenRows = WrittenRows()
    var written: Bool { writtenRows.any }
    /// Rows of it were written before it was rejected: the report pass lists them.
    var rejectedAfterRows = false
}

/// How many rows of one household were written, by file.
struct WrittenRows {
    var household = false
    var events: UInt32 = 0
    var members: UInt32 = 0
    var incomes: UInt32 = 0
    /// Yearly facts and group tags (the optional files).
    var householdYears: UInt32 = 0
    var memberYears: UInt32 = 0
    var groups: UInt32 = 0

    var any: Bool { household || events > 0 || members > 0 || incomes > 0 || householdYears > 0 || memberYears > 0 || groups > 0 }

    subscript(file: RegistryFile) -> Int {
        switch file {
        case .households: household ? 1 : 0
        case .statusEvents: Int(events)
        case .members: Int(members)
        case .incomes: Int(incomes)
        case .householdYears: Int(householdYears)
        case .memberYears: Int(memberYears)
        case .householdGroups: Int(groups)
        default: 0
        }
    }

    mutating func add(_ file: RegistryFile) {
        switch file {
        case .households: household = true
        case .statusEvents: events += 1
        case .members: members += 1
        case .incomes: incomes += 1
        case .householdYears: householdYears += 1
        case .memberYears: memberYears += 1
        case .householdGroups: groups += 1
        default: break
        }
    }
}

/// A person as a member (at some time) of one household of the import.
struct MemberOfHousehold: Hashable {
    var key: IdentityKey
    var household: Int32
}

/// What a household's projected row holds (`RegistryProjection.Projected`), from its compact
/// events and memberships: the latest status event (by date, then sequence) and the one before
/// it, the first status day, the people of its open memberships, and the memberships' last two
/// change days with the people in on the earlier (`Int32.min` for a day there is none of).
struct ProjectedHousehold {
    var status: PovertyStatus?
    var statusDay: Int32 = 0
    var statusSequence: Int32 = 0
    var previousStatus: PovertyStatus?
    var previousDay: Int32 = 0
    var firstDay = Int32.min
    var people: Int32 = 0
    var membersLastDay = Int32.min
    var membersDayBefore = Int32.min
    var peopleBefore: Int32 = 0

    mutating func take(_ events: [CompactEvent]) {
        let ordered = events.sorted { ($0.day, $0.sequence) > ($1.day, $1.sequence) }
        guard let latest = ordered.first else { return }
        (status, statusDay, statusSequence) = (latest.status, latest.day, latest.sequence)
        if ordered.count > 1 { (previousStatus, previousDay) = (ordered[1].status, ordered[1].day) }
        firstDay = ordered.map(\.day).min() ?? Int32.min
    }

    mutating func take(_ memberships: [CompactMembership]) {
        var days: Set<Int32> = []
        for m in memberships {
            if m.to == Int32.max { people += 1 } else { days.insert(m.to) }
            days.insert(m.from)
        }
        guard let last = days.max() else { return }
        membersLastDay = last
        guard let before = days.filter({ $0 < membersLastDay }).max() else { return }
        membersDayBefore = before
        peopleBefore = Int32(memberships.filter { $0.from <= before && ($0.to == Int32.max || $0.to > before) }.count)
    }

    /// The row's values, as the projection stores them.
    var projected: RegistryProjection.Projected {
        func day(_ d: Int32) -> CivilDate? { d == Int32.min ? nil : CivilDate(dayNumber: Int(d)) }
        return RegistryProjection.Projected(
            latest: status.map { ($0, CivilDate(dayNumber: Int(statusDay)), Int(statusSequence)) },
            previous: previousStatus.map { ($0, CivilDate(dayNumber: Int(previousDay))) }, firstStatusDate: day(firstDay), people: Int(people),
            membersChangedOn: day(membersLastDay), membersChangedBefore: day(membersDayBefore),
            peopleBefore: membersDayBefore == Int32.min ? nil : Int(peopleBefore))
    }
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

/// What the import remembers of a person, in 24 bytes: the first span they were a member of a
/// household (its row is where they were first named), a 32-bit fingerprint of name, sex and
/// birth date to catch one number with two people behind it (two different people go unnoticed
/// once in four billion), and whether they moved (their further spans are in
/// `ImportRun.movers`; most people never move).
struct PersonEntry {
    var first: PersonSpan
    /// A hash of the name, sex and birth date: another row of the number with other facts is
    /// another person.
    var fingerprint: UInt32
    /// Which fact differs, to name its column: the sex (low two bits) and six bits of the birth
    /// date. One byte, so that the entry takes no more room (22 bytes and the optional's tag).
    var traits: UInt8 = 0
    var moved = false
    /// Their `member` row was written.
    var written = false
}
extension PersonEntry {
    static func traits(sex: Sex, birthDate: CivilDate) -> UInt8 {
        let sexBits: UInt8 =
            switch sex {
            case .male: 1
            case .female: 2
            case .unspecified: 3
            }
        let day = UInt32(truncatingIfNeeded: birthDate.dayNumber)
        return sexBits | UInt8(truncatingIfNeeded: (day &* 2_654_435_761) >> 26) << 2
    }

    /// The column of a row whose facts differ from the number's first row: the sex when it
    /// differs, else the birth date when its bits do, else the name (a differing birth date
    /// whose six bits agree is named as the name: one time in 64; it is refused all the same).
    static func differingColumn(_ first: UInt8, _ other: UInt8) -> String {
        if first & 3 != other & 3 { return "sex" }
        if first >> 2 != other >> 2 { return "birth_date" }
        return "name"
    }
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
/// or membership, or another of its rows failed later): the report pass reads the files again
/// to report them with the row as read.
public struct PendingReport: Sendable {
    /// Reasons decided after the row was read, by file and row.
    var rows: [RegistryFile: [Int: [LateRejection]]] = [:]
    /// Households rejected after rows of theirs were written: each of their rows not reported
    /// already is reported as a row of a rejected household.
    var households: Set<String> = []
    /// Rows reported already, by file.
    var reported: [RegistryFile: Set<Int>] = [:]

    public var isEmpty: Bool { rows.isEmpty && households.isEmpty }
}
