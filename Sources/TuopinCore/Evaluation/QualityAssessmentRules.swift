import Foundation

/// The checks on a recorded sample check, each worded with its values: an area inside a county,
/// a year in range and not after the check, a check not dated in the future, no count below zero
/// or above 10 million, nothing found beyond its sample, somebody checked, a short note.
public enum QualityAssessmentRules {
    public static let area = RuleID("assessment.area")
    public static let year = RuleID("assessment.year")
    public static let checkedOn = RuleID("assessment.checkedOn")
    public static let counts = RuleID("assessment.counts")
    public static let withinSample = RuleID("assessment.withinSample")
    public static let sampled = RuleID("assessment.sampled")
    public static let note = RuleID("assessment.note")

    public static let countRange: ClosedRange<Int64> = 0...10_000_000
    public static let maxNote = 500

    public static func evaluate(_ a: QualityAssessment, today: CivilDate) -> Decision {
        let s = a.sample
        let all = [s.sampledExited, s.wronglyExited, s.sampledNonEnrolled, s.verifiedMissed, s.sampledEnrolled, s.wronglyIncluded]
        let outside = all.first { !countRange.contains($0) }
        // The first finding larger than its sample, for the wording.
        let beyond: (found: Int64, sampled: Int64)? =
            [(s.wronglyExited, s.sampledExited), (s.verifiedMissed, s.sampledNonEnrolled), (s.wronglyIncluded, s.sampledEnrolled)]
            .first { $0.0 > $0.1 }
        let length = a.note.trimmingCharacters(in: .whitespacesAndNewlines).count
        return Decision(checks: [
            Check(
                area, passed: a.area.level >= .county,
                values: [ReasonValue("area", .token(a.area.rawValue)), ReasonValue("level", .code(a.area.level))]),
            Check(
                year, passed: RegistryYear.contains(a.year) && a.year <= a.checkedOn.year,
                values: [ReasonValue("year", .year(a.year)), ReasonValue("checkedOn", .date(a.checkedOn))]),
            Check(
                checkedOn, passed: a.checkedOn <= today, values: [ReasonValue("checkedOn", .date(a.checkedOn)), ReasonValue("today", .date(today))]),
            Check(
                counts, passed: outside == nil,
                values: [
                    ReasonValue("value", outside.map { .count($0) } ?? .missing), ReasonValue("min", .count(countRange.lowerBound)),
                    ReasonValue("max", .count(countRange.upperBound)),
                ]),
            Check(
                withinSample, passed: beyond == nil,
                values: [
                    ReasonValue("found", beyond.map { .count($0.found) } ?? .missing),
                    ReasonValue("sampled", beyond.map { .count($0.sampled) } ?? .missing),
                ]
            ),
            Check(sampled, passed: !s.isEmpty),
            Check(
                note, passed: length <= maxNote, values: [ReasonValue("length", .count(Int64(length))), ReasonValue("max", .count(Int64(maxNote)))]),
        ])
    }
}
