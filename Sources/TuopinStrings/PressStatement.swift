import TuopinCore

/// The figures of an area the way a press conference states them (the page's own wording for
/// 耒阳): the roll, the exits, what remains and the incidence, then the poor villages, the
/// baseline and the cumulative reduction where the area has them.
public enum PressStatement {
    public static func lines(_ summary: AreaSummary, _ s: Localizer) -> [String] {
        let c = summary.counts
        // Chinese press wording writes counts without separators (14466户43172人).
        func n(_ v: Int) -> String { s.language == .zh ? String(v) : s.count(v) }
        var roll: [String: String] = [
            "households": n(c.enrolledHouseholds), "people": n(c.enrolledPeople), "exitedHouseholds": n(c.exitedHouseholds),
            "exitedPeople": n(c.exitedPeople), "remainingHouseholds": n(c.remainingHouseholds), "remainingPeople": n(c.remainingPeople),
        ]
        let key: String
        if let percent = summary.incidence.percent {
            roll["incidence"] = percent.description
            let fell = summary.baseline?.incidence.percent.map { percent < $0 } ?? false
            key = fell ? "press.roll.fallen" : "press.roll.incidence"
        } else {
            key = "press.roll"
        }
        var lines = [s.text(key, roll)]
        if summary.poorVillagesDesignated > 0 {
            lines.append(
                s.text(
                    summary.poorVillagesExited == summary.poorVillagesDesignated ? "press.villages.all" : "press.villages",
                    ["designated": n(summary.poorVillagesDesignated), "exited": n(summary.poorVillagesExited)]))
        }
        if let baseline = summary.baseline, let percent = baseline.incidence.percent {
            lines.append(s.text("press.baseline", ["date": baseline.date.description, "incidence": percent.description]))
        }
        lines.append(s.text("press.reduction", ["people": n(summary.cumulativeReduction)]))
        return lines
    }
}
