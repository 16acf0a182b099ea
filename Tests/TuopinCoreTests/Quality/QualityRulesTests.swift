import Testing

@testable import TuopinCore

@Suite("Data-quality catalogue and member rules (REFERENCE §3.13)")
struct QualityRulesTests {
    let asOf = try! CivilDate("2020-10-15")

    func member(
        born: String, sex: Sex = .male, student: StudentStatus = .notInSchool, labour: LabourCapacity = .ordinary, serious: Bool = true,
        tekun: Bool = false, health: Set<HealthCondition> = [.healthy]
    ) -> Member {
        Member(
            idType: .residentIdentityCard, idNumber: "430481198001010013", name: "刘伟", sex: sex, birthDate: try! CivilDate(born), ethnicity: "01",
            education: .juniorMiddle, studentStatus: student, health: health, labourCapacity: labour, medicalInsured: true,
            seriousIllnessInsured: serious, residentPension: false, receivesDibao: false, receivesTekun: tekun)
    }

    @Test func theCatalogueHoldsDQ001ToDQ044OnceEach() {
        #expect(QualityCatalogue.rules.map(\.id) == (1...44).map { "DQ-" + String(format: "%03d", $0) })
        #expect(QualityCatalogue.rule("DQ-032")?.severity == .error && QualityCatalogue.rule("DQ-033")?.severity == .warning)
        #expect(QualityCatalogue.id(of: MemberQualityRules.childLabour) == "DQ-005")
    }

    @Test(
        "each member rule at its bounds",
        arguments: [
            // (born, sex, student, labour, exited household, tekun, expected rule ids)
            ("2005-10-16", Sex.male, StudentStatus.notInSchool, LabourCapacity.ordinary, false, false, ["DQ-005.child"]),  // 14 … one day short of 15
            ("2004-10-15", .male, .notInSchool, .ordinary, false, false, []),  // 16 today: working age
            ("1960-10-16", .male, .notInSchool, LabourCapacity.none, false, false, ["DQ-005.workingAge"]),  // 59
            ("1960-10-15", .male, .notInSchool, LabourCapacity.none, false, false, ["DQ-005.workingAge"]),  // 60: still working age for men
            ("1960-10-15", .female, .notInSchool, LabourCapacity.none, false, false, []),  // 60: past 55 for women
            ("2000-01-01", .male, .collegeOrAbove, LabourCapacity.none, false, false, []),  // a student
            ("2010-06-15", .male, .notInSchool, LabourCapacity.none, true, false, ["DQ-032"]),  // 10, exited household
            ("2010-06-15", .male, .notInSchool, LabourCapacity.none, false, false, []),  // 10, household still poor: not DQ-032
            ("2010-06-15", .male, .primary(grade: 4), LabourCapacity.none, true, false, []),
            ("2014-10-16", .male, .notInSchool, LabourCapacity.none, true, false, []),  // 5
            ("1980-01-01", .male, .notInSchool, .weakOrHalf, false, true, ["DQ-033"]),  // 40, healthy, 特困
            ("1990-01-01", .male, .primary(grade: 3), .weakOrHalf, false, false, ["DQ-004.student"]),  // 30 in primary school
            ("2004-01-01", .male, .primary(grade: 6), .ordinary, false, false, []),  // 16 in primary school: plausible
        ] as [(String, Sex, StudentStatus, LabourCapacity, Bool, Bool, [String])])
    func memberRules(_ born: String, _ sex: Sex, _ student: StudentStatus, _ labour: LabourCapacity, _ exited: Bool, _ tekun: Bool, _ rules: [String])
    {
        let m = member(born: born, sex: sex, student: student, labour: labour, tekun: tekun)
        #expect(MemberQualityRules.findings(m, householdExited: exited, asOf: asOf).map(\.rule.rawValue) == rules)
    }

    @Test func aTekunRecipientWhoIsIllIsNotFlaggedAndAnUninsuredOneIs() {
        #expect(
            MemberQualityRules.findings(member(born: "1980-01-01", tekun: true, health: [.chronicIllness]), householdExited: false, asOf: asOf)
                .isEmpty)
        #expect(
            MemberQualityRules.findings(member(born: "1980-01-01", serious: false), householdExited: false, asOf: asOf).map(\.rule)
                == [MemberQualityRules.seriousIllnessInsured])
    }

    func monitoredCase(
        risks: [RiskType], state: MonitoringState = .monitoring, category: MonitoringCategory = .unstableExited
    ) throws -> MonitoringCase {
        try MonitoringCase(
            number: 1, household: try HouseholdNumber("4304811002010001"), village: try AdminCode("430481100201"), channel: .sweep,
            leadDate: try CivilDate("2022-03-01"), identificationTemplate: "identification.national", eliminationTemplate: "elimination.43",
            deadline: nil, state: state, category: category, risks: risks, greenChannel: false, noLabourSafetyNet: false, previousCase: nil,
            identifiedOn: try CivilDate("2022-03-12"), eliminationMethod: nil, closedOn: state.isClosed ? try CivilDate("2022-04-20") : nil,
            lastStepDate: try CivilDate("2022-03-12"))
    }

    @Test func caseRulesNameTheMissingMeasureOrMember() throws {
        let healthy = [member(born: "1980-01-01")]
        let water = try monitoredCase(risks: [.drinkingWater, .illness])
        #expect(
            CaseQualityRules.findings(water, members: healthy, measures: [], statusNow: .exitedWithPolicies).map(\.rule) == [
                CaseQualityRules.waterWithoutMeasure, CaseQualityRules.illnessWithoutIll,
            ])
        let done = try monitoredCase(risks: [.schooling], state: .riskEliminated(.byAssistance))
        #expect(
            CaseQualityRules.findings(done, members: healthy, measures: [], statusNow: .exitedWithPolicies).map(\.rule) == [
                CaseQualityRules.schoolingWithoutMeasure, CaseQualityRules.noDevelopmentMeasure, CaseQualityRules.eliminatedTooSoon,
            ])
        let edge = try monitoredCase(risks: [.disaster], category: .edgeAtRisk)
        #expect(
            CaseQualityRules.findings(edge, members: healthy, measures: [], statusNow: .exitedWithPolicies).map(\.rule) == [
                CaseQualityRules.categoryType
            ])
    }
}
