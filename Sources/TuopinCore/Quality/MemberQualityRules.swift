/// The data-quality rules about one current member that `tuopin check` runs over stored rows
/// (REFERENCE §3.13), as of a date:
/// - DQ-004 (warning): a school stage or an education implausible at the age;
/// - DQ-005 (warning): labour capacity against age: a child under 16 counted as labour, or a
///   person of working age (men 16–60, women 16–55) with no labour capacity who is not a student;
/// - DQ-016 (warning): no serious-illness insurance;
/// - DQ-032 (error): in an exited household, a child aged 6–16 not in school (no reason is kept);
/// - DQ-033 (warning): a 特困 recipient aged 18–60, healthy and not a student.
public enum MemberQualityRules {
    public static let childLabour = RuleID("DQ-005.child")
    public static let workingAgeNone = RuleID("DQ-005.workingAge")
    public static let seriousIllnessInsured = RuleID("DQ-016")
    public static let childOutOfSchool = RuleID("DQ-032")
    public static let tekunHealthy = RuleID("DQ-033")
    public static let schoolingAge = RuleID("DQ-004.student")
    public static let educationAge = RuleID("DQ-004.education")

    /// The ages a school stage is plausible at (DQ-004).
    static func plausibleAges(_ s: StudentStatus) -> ClosedRange<Int>? {
        switch s {
        case .notInSchool: nil
        case .preschool: 2...7
        case .primary: 5...16
        case .juniorMiddle: 11...19
        case .seniorHigh, .secondaryVocational: 14...22
        case .higherVocational, .collegeOrAbove: 16...45
        }
    }

    /// The failed checks only (a clean member gives none).
    public static func findings(_ m: Member, householdExited: Bool, asOf date: CivilDate) -> [Check] {
        let age = m.birthDate.age(on: date)
        let ageValue = ReasonValue("age", .count(Int64(age)))
        let student = m.studentStatus != .notInSchool
        var found: [Check] = []
        let labour: Set<LabourCapacity> = [.ordinary, .skilled, .weakOrHalf]
        if age < 16 && labour.contains(m.labourCapacity) {
            found.append(Check(childLabour, passed: false, values: [ageValue, ReasonValue("labour", .code(m.labourCapacity))]))
        }
        let retirement = m.sex == .female ? 55 : 60
        if (16...retirement).contains(age) && m.labourCapacity == .none && !student {
            found.append(
                Check(workingAgeNone, passed: false, values: [ageValue, ReasonValue("retirement", .count(Int64(retirement)))]))
        }
        if !m.seriousIllnessInsured { found.append(Check(seriousIllnessInsured, passed: false)) }
        if householdExited && (6...16).contains(age) && m.studentStatus == .notInSchool {
            found.append(Check(childOutOfSchool, passed: false, values: [ageValue]))
        }
        if let range = plausibleAges(m.studentStatus), !range.contains(age) {
            found.append(Check(schoolingAge, passed: false, values: [ageValue, ReasonValue("status", .token(m.studentStatus.token))]))
        }
        if (m.education == .preschoolChild && age >= 8) || (m.education == .collegeOrAbove && age < 16) {
            found.append(Check(educationAge, passed: false, values: [ageValue, ReasonValue("education", .code(m.education))]))
        }
        if m.receivesTekun && (18...60).contains(age) && m.health == [.healthy] && !student {
            found.append(Check(tekunHealthy, passed: false, values: [ageValue]))
        }
        return found
    }
}
