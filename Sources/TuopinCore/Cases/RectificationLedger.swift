/// The rectification ledger's figures: findings counted by state, with the overdue ones,
/// grouped by source, by area or by responsible unit. Pure: the service reads the findings in
/// the user's scope and passes `today`.
public struct RectificationTally: Hashable, Sendable {
    public var total = 0
    public var inProgress = 0
    public var rectified = 0
    public var closed = 0
    /// Still in progress after the deadline (also counted in `inProgress`).
    public var overdue = 0

    public init() {}

    public mutating func add(_ f: Finding, today: CivilDate) {
        total += 1
        switch f.state {
        case .inProgress: inProgress += 1
        case .rectified: rectified += 1
        case .closed: closed += 1
        }
        if f.isOverdue(on: today) { overdue += 1 }
    }

    /// The share closed (销号率), in percent to one decimal; nil with no findings.
    public var closedPercent: FixedDecimal? { total == 0 ? nil : Ratio(closed, total).percent(places: 1) }
}

public enum RectificationLedger {
    /// Tallies `findings` under the key each one gives (nil leaves it out), keys in first-seen order.
    public static func tally<Key: Hashable>(
        _ findings: [Finding], today: CivilDate, by key: (Finding) -> Key?
    ) -> [(key: Key, tally: RectificationTally)] {
        var order: [Key] = []
        var tallies: [Key: RectificationTally] = [:]
        for f in findings {
            guard let k = key(f) else { continue }
            if tallies[k] == nil { order.append(k) }
            tallies[k, default: RectificationTally()].add(f, today: today)
        }
        return order.map { ($0, tallies[$0]!) }
    }

    /// All of `findings` in one tally.
    public static func total(_ findings: [Finding], today: CivilDate) -> RectificationTally {
        var t = RectificationTally()
        for f in findings { t.add(f, today: today) }
        return t
    }
}
