import Foundation

/// The checks on an approval survey and its answers, each worded with its values: a title, a
/// year in range and not after the draw, strata below the area (villages or townships), 1–1,000
/// households per stratum, a draw not dated in the future; an answer dated between the draw and today, with a short note.
public enum SurveyRules {
    public static let title = RuleID("survey.title")
    public static let year = RuleID("survey.year")
    public static let stratum = RuleID("survey.stratum")
    public static let size = RuleID("survey.size")
    public static let answerDate = RuleID("survey.answerDate")
    public static let note = RuleID("survey.note")
    public static let drawnOn = RuleID("survey.drawnOn")

    public static let sizeRange = 1...1_000
    public static let maxTitle = 200
    public static let maxNote = 500

    public static func evaluate(_ s: ApprovalSurvey, today: CivilDate) -> Decision {
        let title = s.title.trimmingCharacters(in: .whitespacesAndNewlines)
        return Decision(checks: [
            Check(
                Self.title, passed: !title.isEmpty && title.count <= maxTitle,
                values: [ReasonValue("length", .count(Int64(title.count))), ReasonValue("max", .count(Int64(maxTitle)))]),
            Check(
                year, passed: RegistryYear.contains(s.year) && s.year <= s.drawnOn.year,
                values: [ReasonValue("year", .year(s.year)), ReasonValue("drawnOn", .date(s.drawnOn))]),
            Check(
                stratum, passed: [.village, .township].contains(s.stratum) && s.stratum > s.area.level,
                values: [
                    ReasonValue("stratum", .code(s.stratum)), ReasonValue("area", .token(s.area.rawValue)), ReasonValue("level", .code(s.area.level)),
                ]),
            Check(
                size, passed: sizeRange.contains(s.perStratum),
                values: [
                    ReasonValue("size", .count(Int64(s.perStratum))), ReasonValue("min", .count(Int64(sizeRange.lowerBound))),
                    ReasonValue("max", .count(Int64(sizeRange.upperBound))),
                ]),
            Check(drawnOn, passed: s.drawnOn <= today, values: [ReasonValue("drawnOn", .date(s.drawnOn)), ReasonValue("today", .date(today))]),
        ])
    }

    /// An answer on `date` to a survey drawn on `drawnOn`.
    public static func answer(on date: CivilDate, drawnOn: CivilDate, note: String, today: CivilDate) -> Decision {
        let length = note.trimmingCharacters(in: .whitespacesAndNewlines).count
        return Decision(checks: [
            Check(
                answerDate, passed: date >= drawnOn && date <= today,
                values: [ReasonValue("date", .date(date)), ReasonValue("drawnOn", .date(drawnOn)), ReasonValue("today", .date(today))]),
            Check(
                Self.note, passed: length <= maxNote,
                values: [ReasonValue("length", .count(Int64(length))), ReasonValue("max", .count(Int64(maxNote)))]),
        ])
    }
}
