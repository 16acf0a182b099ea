/// The ranges a registry record's values must lie in (docs/CSV-FORMAT.md lists them): the
/// bounds outside which a value is a typing or conversion error, not a fact. They are not
/// policy thresholds (those are the policy tables); they keep `0`, `99999`, a 2 MB name or a
/// birth in 1066 out of the registry.
public enum ImportLimits {
    /// 精准扶贫 began in late 2013; enrolment (建档立卡) in 2014.
    public static let firstEnrolmentYear = 2013
    /// The earliest date of a poverty designation (the first national poverty counties, 1986).
    public static let earliestAreaEvent = CivilDate(year: 1986, month: 1, day: 1)!
    /// The earliest birth date of a living registry member.
    public static let earliestBirth = CivilDate(year: 1890, month: 1, day: 1)!
    /// The latest planned exit year (the transition period ends in 2025; a margin for late plans).
    public static let latestPlannedExitYear = 2035
    public static let householdSize: ClosedRange<Int> = 1...50
    public static let eventSequence: ClosedRange<Int> = 1...999
    /// People registered in one village.
    public static let villagePopulation: ClosedRange<Int> = 0...200_000
    /// One income component of one household in one year, in yuan.
    public static let incomeComponentYuan: Int64 = 100_000_000
    /// A village's collective income in one year, in yuan.
    public static let collectiveIncomeYuan: Int64 = 1_000_000_000
    /// Characters: names of people and areas, free-text notes and documents, phones, accounts.
    public static let personName: ClosedRange<Int> = 1...50
    public static let areaName: ClosedRange<Int> = 1...100
    public static let note = 500
    /// A relocation site's name, in characters.
    public static let relocationSite = 100
    public static let phone: ClosedRange<Int> = 5...20
    public static let bankAccount: ClosedRange<Int> = 6...32
    /// Bytes a single CSV field may hold: a longer one spoils its row.
    public static let fieldBytes = 4096
    /// Fields a CSV row may hold (the widest file has 22): a row with more spoils, and only
    /// this many of its fields are kept.
    public static let fieldsPerRow = 1_000
}
