import TuopinCore

/// A household's life in the registry before its people are drawn: group, size and the dates of
/// every status change.
struct HouseholdDraft {
    enum Group { case exited, remaining, removed }

    var group: Group
    /// Members on the reference date (for removed households: on enrolment).
    var size: Int
    var identified: CivilDate
    var firstExit: CivilDate?
    var returned: CivilDate?
    var finalExit: CivilDate?
    var policiesEnded: CivilDate?
    var removed: CivilDate?
    var village = 0

    var enrolYear: Int { identified.year }

    /// Whether the household counts as remaining poor (未脱贫) on a date.
    func isPoor(on date: CivilDate) -> Bool {
        guard identified <= date else { return false }
        if let removed, removed <= date { return false }
        if let finalExit, finalExit <= date { return false }
        if let firstExit, firstExit <= date, let returned, date < returned { return false }
        return true
    }

    /// The status events in order, numbered from 1.
    func events(for number: HouseholdNumber) -> [StatusEvent] {
        var list: [(StatusEventKind, CivilDate)] = [(.identified, identified)]
        if let firstExit, let returned { list += [(.exited, firstExit), (.returnedToPoverty, returned)] }
        if let finalExit { list.append((.exited, finalExit)) }
        if let policiesEnded { list.append((.policiesEnded, policiesEnded)) }
        if let removed { list.append((.removedIneligible, removed)) }
        return list.enumerated().map { i, e in
            StatusEvent(household: number, sequence: i + 1, kind: e.0, status: e.0.resultingStatus!, effectiveDate: e.1)
        }
    }
}

/// Draws household sizes and status histories for one county so that the counts on the
/// reference date are exactly the plan's.
enum HouseholdDrafter {
    /// Sizes for `count` households adding up to exactly `people`, shaped by `weights` (sizes 1…6).
    static func sizes(count: Int, people: Int, weights: [Double], _ r: inout SeededRandom) -> [Int] {
        guard count > 0 else { return [] }
        precondition(people >= count && people <= count * 8, "impossible household sizes")
        var sizes = (0..<count).map { _ in r.weighted(weights) + 1 }
        var diff = people - sizes.reduce(0, +)
        while diff != 0 {
            let i = r.int(0...(count - 1))
            if diff > 0, sizes[i] < 8 {
                sizes[i] += 1
                diff -= 1
            } else if diff < 0, sizes[i] > 1 {
                sizes[i] -= 1
                diff += 1
            }
        }
        return sizes
    }

    static let exitedSizeWeights: [Double] = [8, 22, 30, 22, 12, 6]
    static let remainingSizeWeights: [Double] = [35, 30, 20, 10, 5, 0]

    static func drafts(for plan: CountyPlan, demo: HengyangPlan, _ r: inout SeededRandom) -> [HouseholdDraft] {
        var drafts: [HouseholdDraft] = []
        let reference = demo.referenceDate
        for size in sizes(count: plan.exitedHouseholds, people: plan.exitedPeople, weights: exitedSizeWeights, &r) {
            let year = 2014 + r.weighted(plan.exitYearWeights)
            let exit =
                year < 2020
                ? CivilDate(year: year, month: 11, day: 1)!.adding(days: r.int(0...49))
                : CivilDate(year: 2020, month: 6, day: 1)!.adding(days: r.int(0...121))
            var d = HouseholdDraft(group: .exited, size: size, identified: identification(&r, demo: demo, before: exit), finalExit: exit)
            if year >= 2018, d.enrolYear == 2014, r.chance(0.02) {
                d.firstExit = CivilDate(year: 2015, month: 11, day: 10)!.adding(days: r.int(0...40))
                d.returned = CivilDate(year: 2017, month: 6, day: 30)!.adding(days: r.int(0...60))
            }
            if year <= 2016, r.chance(0.12) { d.policiesEnded = CivilDate(year: year + 2, month: 12, day: 20)! }
            drafts.append(d)
        }
        for size in sizes(count: plan.remainingHouseholds, people: plan.remainingPeople, weights: remainingSizeWeights, &r) {
            let exit = reference.adding(days: r.int(1...16))
            drafts.append(HouseholdDraft(group: .remaining, size: size, identified: identification(&r, demo: demo, before: exit), finalExit: exit))
        }
        let removedCount = Int((Double(plan.rollHouseholds) * demo.removedShare).rounded())
        for _ in 0..<removedCount {
            let year = 2015 + r.weighted([3, 2, 4])
            let removal = CivilDate(year: year, month: 6, day: 1)!.adding(days: r.int(0...180))
            let identified = CivilDate(year: 2014, month: 4, day: 1)!.adding(days: r.int(0...200))
            drafts.append(HouseholdDraft(group: .removed, size: r.weighted(exitedSizeWeights) + 1, identified: identified, removed: removal))
        }
        return drafts
    }

    /// The identification date: mostly the 2014 enrolment, some new identifications in 2015–16,
    /// always before the exit.
    static func identification(_ r: inout SeededRandom, demo: HengyangPlan, before exit: CivilDate) -> CivilDate {
        if r.chance(demo.addedShare) {
            let date = CivilDate(year: r.chance(0.6) ? 2015 : 2016, month: 8, day: 1)!.adding(days: r.int(0...90))
            if date < exit.adding(days: -60) { return date }
        }
        return CivilDate(year: 2014, month: 4, day: 1)!.adding(days: r.int(0...200))
    }
}
