/// A person on the registry (家庭成员), keyed by `(idType, idNumber)`, which is unique.
///
/// Sex and birth date are recorded and must agree with a resident ID number (DQ-002, DQ-003);
/// the attributes below are this year's (`MemberYear` rows keep earlier years).
public struct Member: Hashable, Sendable {
    public var idType: IdentityType
    public var idNumber: String
    public var name: String
    public var sex: Sex
    public var birthDate: CivilDate
    /// GB 3304 nationality code: 01 汉族 … 99 其他.
    public var ethnicity: String
    public var education: Education
    public var studentStatus: StudentStatus
    public var health: Set<HealthCondition>
    public var labourCapacity: LabourCapacity
    public var medicalInsured: Bool
    public var seriousIllnessInsured: Bool
    public var residentPension: Bool
    public var receivesDibao: Bool
    public var receivesTekun: Bool

    public init(
        idType: IdentityType = .residentIdentityCard, idNumber: String, name: String, sex: Sex, birthDate: CivilDate,
        ethnicity: String = "01", education: Education, studentStatus: StudentStatus = .notInSchool,
        health: Set<HealthCondition> = [.healthy], labourCapacity: LabourCapacity, medicalInsured: Bool = true,
        seriousIllnessInsured: Bool = true, residentPension: Bool = false, receivesDibao: Bool = false, receivesTekun: Bool = false
    ) {
        self.idType = idType
        self.idNumber = idNumber
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.ethnicity = ethnicity
        self.education = education
        self.studentStatus = studentStatus
        self.health = health
        self.labourCapacity = labourCapacity
        self.medicalInsured = medicalInsured
        self.seriousIllnessInsured = seriousIllnessInsured
        self.residentPension = residentPension
        self.receivesDibao = receivesDibao
        self.receivesTekun = receivesTekun
    }

    public enum ConsistencyError: Error, Equatable, Sendable {
        /// The record's sex is not the one the ID number's sequence gives (DQ-003).
        case sexDisagreesWithIdentityNumber(recorded: Sex, fromNumber: Sex)
        /// The record's birth date is not the one in the ID number (DQ-002).
        case birthDateDisagreesWithIdentityNumber(recorded: CivilDate, fromNumber: CivilDate)
    }

    /// Checks sex and birth date against a resident ID number; other ID types are not checked.
    public func checkAgainstIdentityNumber() throws {
        guard idType == .residentIdentityCard, let id = try? IdentityNumber(idNumber) else { return }
        if id.sex != sex { throw ConsistencyError.sexDisagreesWithIdentityNumber(recorded: sex, fromNumber: id.sex) }
        if id.birthDate != birthDate { throw ConsistencyError.birthDateDisagreesWithIdentityNumber(recorded: birthDate, fromNumber: id.birthDate) }
    }
}

/// A member's place in a household for a span of time (from birth, marriage, registration; to
/// death, marriage out, removal). Household size on a date counts the active memberships.
public struct Membership: Hashable, Sendable {
    public var household: HouseholdNumber
    public var idType: IdentityType
    public var idNumber: String
    public var relation: RelationToHead
    public var from: CivilDate
    /// Exclusive: the member is gone on this date. Nil while still a member.
    public var to: CivilDate?
    public var endReason: NaturalReductionReason?

    public init(
        household: HouseholdNumber, idType: IdentityType = .residentIdentityCard, idNumber: String, relation: RelationToHead,
        from: CivilDate, to: CivilDate? = nil, endReason: NaturalReductionReason? = nil
    ) {
        self.household = household
        self.idType = idType
        self.idNumber = idNumber
        self.relation = relation
        self.from = from
        self.to = to
        self.endReason = endReason
    }

    public func isActive(on date: CivilDate) -> Bool { from <= date && (to.map { date < $0 } ?? true) }
}
