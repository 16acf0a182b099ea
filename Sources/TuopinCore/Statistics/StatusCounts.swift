/// Households and people by poverty status in an area on a date: the registry roll.
public struct StatusCounts: Hashable, Sendable {
    public private(set) var households: [PovertyStatus: Int] = [:]
    public private(set) var people: [PovertyStatus: Int] = [:]

    public init() {}

    /// The counts of a list of (status, households, people), each status once.
    public init(_ tallies: [(status: PovertyStatus, households: Int, people: Int)]) {
        households.reserveCapacity(tallies.count)
        people.reserveCapacity(tallies.count)
        for tally in tallies { add(tally.status, households: tally.households, people: tally.people) }
    }

    public mutating func add(_ status: PovertyStatus, households h: Int, people p: Int) {
        households[status, default: 0] += h
        people[status, default: 0] += p
    }

    public static func + (a: StatusCounts, b: StatusCounts) -> StatusCounts {
        var sum = a
        for (status, h) in b.households { sum.add(status, households: h, people: b.people[status] ?? 0) }
        return sum
    }

    private func total(_ table: [PovertyStatus: Int], _ include: (PovertyStatus) -> Bool) -> Int {
        table.reduce(0) { include($1.key) ? $0 + $1.value : $0 }
    }

    /// On the roll (建档立卡): not removed or closed.
    public var enrolledHouseholds: Int { total(households, \.isEnrolled) }
    public var enrolledPeople: Int { total(people, \.isEnrolled) }
    /// Exited (已脱贫), with or without continuing policies.
    public var exitedHouseholds: Int { total(households, \.isExited) }
    public var exitedPeople: Int { total(people, \.isExited) }
    /// Still poor (未脱贫, including 返贫): the incidence numerator.
    public var remainingHouseholds: Int { total(households, \.isRemainingPoor) }
    public var remainingPeople: Int { total(people, \.isRemainingPoor) }
    /// Removed as ineligible (清退) or closed: not on the roll, kept for the record.
    public var offRollHouseholds: Int { total(households) { !$0.isEnrolled } }
}
