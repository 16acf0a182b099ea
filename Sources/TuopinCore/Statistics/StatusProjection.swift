/// The roll as of a date, projected in memory from the households' events and memberships:
/// the definition the SQL statistics (`StatusCountQuery`) must agree with, and the oracle of
/// their property test.
///
/// - A household counts under the status of its last event on or before the date (by date,
///   then sequence); before its first event it does not count.
/// - Its people are the memberships active that day (`from ≤ date < to`).
///
/// ```swift
/// let counts = StatusProjection.counts(households, events: events, memberships: memberships,
///                                      on: day, keyLength: 9)   // by township
/// ```
public enum StatusProjection {
    /// Counts keyed by the first `keyLength` digits of each household's village code.
    public static func counts(
        _ households: [Household], events: [StatusEvent], memberships: [Membership], on date: CivilDate,
        keyLength: Int
    ) -> [String: StatusCounts] {
        let eventsByHousehold = Dictionary(grouping: events, by: \.household)
        let peopleByHousehold = Dictionary(grouping: memberships.filter { $0.isActive(on: date) }, by: \.household)
        var result: [String: StatusCounts] = [:]
        for household in households {
            guard let status = StatusEvent.status(of: eventsByHousehold[household.number] ?? [], on: date) else { continue }
            let key = String(household.village.rawValue.prefix(keyLength))
            result[key, default: StatusCounts()].add(status, households: 1, people: peopleByHousehold[household.number]?.count ?? 0)
        }
        return result
    }
}
