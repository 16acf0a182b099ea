/// A member's attributes for one year (成员年度信息, REFERENCE §2.2): what the year's home visit
/// recorded of schooling, health, work, insurance and assistance. Kept as a yearly row beside the
/// member's current attributes (`Member`), never overwritten by the next year's, so the exit test
/// and the age-dependent checks of a past year read that year's facts.
///
/// ```swift
/// MemberYear(idNumber: "430481198001010013", year: 2021, education: .juniorSecondary, labourCapacity: .ordinary,
///            migrantWork: .outsideProvince, monthsWorked: 10)
/// ```
public struct MemberYear: Hashable, Sendable {
    public var idType: IdentityType
    public var idNumber: String
    public var year: Int
    public var education: Education
    public var studentStatus: StudentStatus
    public var health: Set<HealthCondition>
    public var disabilityCategory: DisabilityCategory?
    /// 1–4, 1 the most severe; only with a category.
    public var disabilityGrade: Int?
    public var labourCapacity: LabourCapacity
    /// 务工状况: where the member worked away from home this year, if at all.
    public var migrantWork: MigrantWork?
    /// 务工月数: 0–12, only with `migrantWork`.
    public var monthsWorked: Int?
    public var isActiveSoldier: Bool
    public var medicalInsured: Bool
    public var seriousIllnessInsured: Bool
    public var residentPension: Bool
    public var employeePension: Bool
    public var receivesDibao: Bool
    public var receivesTekun: Bool
    /// 公益岗位 and its months (0–12).
    public var publicWelfareJob: Bool
    public var monthsEmployed: Int?

    public init(
        idType: IdentityType = .residentIdentityCard, idNumber: String, year: Int, education: Education,
        studentStatus: StudentStatus = .notInSchool, health: Set<HealthCondition> = [.healthy], disabilityCategory: DisabilityCategory? = nil,
        disabilityGrade: Int? = nil, labourCapacity: LabourCapacity, migrantWork: MigrantWork? = nil, monthsWorked: Int? = nil,
        isActiveSoldier: Bool = false, medicalInsured: Bool = true, seriousIllnessInsured: Bool = true, residentPension: Bool = false,
        employeePension: Bool = false, receivesDibao: Bool = false, receivesTekun: Bool = false, publicWelfareJob: Bool = false,
        monthsEmployed: Int? = nil
    ) {
        self.idType = idType
        self.idNumber = idNumber
        self.year = year
        self.education = education
        self.studentStatus = studentStatus
        self.health = health
        self.disabilityCategory = disabilityCategory
        self.disabilityGrade = disabilityGrade
        self.labourCapacity = labourCapacity
        self.migrantWork = migrantWork
        self.monthsWorked = monthsWorked
        self.isActiveSoldier = isActiveSoldier
        self.medicalInsured = medicalInsured
        self.seriousIllnessInsured = seriousIllnessInsured
        self.residentPension = residentPension
        self.employeePension = employeePension
        self.receivesDibao = receivesDibao
        self.receivesTekun = receivesTekun
        self.publicWelfareJob = publicWelfareJob
        self.monthsEmployed = monthsEmployed
    }

    /// This year's facts as a member's attributes (what the exit test and the quality rules read).
    public func applied(to member: Member) -> Member {
        var m = member
        m.education = education
        m.studentStatus = studentStatus
        m.health = health
        m.labourCapacity = labourCapacity
        m.medicalInsured = medicalInsured
        m.seriousIllnessInsured = seriousIllnessInsured
        m.residentPension = residentPension || employeePension
        m.receivesDibao = receivesDibao
        m.receivesTekun = receivesTekun
        return m
    }
}

/// The checks on a member's year (each an error): the year within the registry's years and not
/// after today's; a disability category only with the `disabled` health condition and a grade
/// 1–4 only with a category; months worked (0–12) only with a kind of migrant work; months
/// employed (0–12) only with a public-welfare job; `healthy` not beside another condition.
public enum MemberYearRules {
    public static let year = RuleID("memberYear.year")
    public static let disability = RuleID("memberYear.disability")
    public static let monthsWorked = RuleID("memberYear.monthsWorked")
    public static let monthsEmployed = RuleID("memberYear.monthsEmployed")
    public static let health = RuleID("memberYear.health")

    public static func evaluate(_ y: MemberYear, today: CivilDate) -> Decision {
        var checks = [
            Check(
                year, passed: RegistryYear.contains(y.year) && y.year <= today.year,
                values: [ReasonValue("year", .year(y.year)), ReasonValue("today", .date(today))]),
            Check(health, passed: HealthCondition.agree(y.health), values: [ReasonValue("health", .label(HealthCondition.label(of: y.health)))]),
        ]
        let disabled = y.health.contains(.disabled)
        let gradeOK = y.disabilityGrade.map { (1...4).contains($0) && y.disabilityCategory != nil } ?? true
        checks.append(
            Check(
                disability, passed: (y.disabilityCategory == nil || disabled) && gradeOK,
                values: [
                    ReasonValue("category", .label(y.disabilityCategory?.label ?? Label("无", "none"))),
                    ReasonValue("grade", y.disabilityGrade.map { .count(Int64($0)) } ?? .missing),
                ]))
        if let months = y.monthsWorked {
            checks.append(
                Check(
                    monthsWorked, passed: (0...12).contains(months) && y.migrantWork != nil,
                    values: [ReasonValue("months", .count(Int64(months)))]))
        }
        if let months = y.monthsEmployed {
            checks.append(
                Check(
                    monthsEmployed, passed: (0...12).contains(months) && y.publicWelfareJob,
                    values: [ReasonValue("months", .count(Int64(months)))]))
        }
        return Decision(checks: checks)
    }
}
