import Testing

@testable import TuopinCore

@Suite("Code lists (REFERENCE §2.6)")
struct CodeListTests {
    @Test func povertyStatusCodesFollowAar010() {
        #expect(PovertyStatus.notExited.code == 0)
        #expect(PovertyStatus.exitedWithPolicies.code == 1)
        #expect(PovertyStatus.returnedToPoverty.code == 3)
        #expect(PovertyStatus.exitedWithoutPolicies.code == 4)
    }

    @Test func valuesAreFoundByTokenOrChineseLabel() {
        #expect(PovertyCause(token: "illness") == .illness)
        #expect(PovertyCause(token: "因病") == .illness)
        #expect(PovertyCause(token: "sick") == nil)
    }

    @Test func everyValueHasBothLabels() {
        func check<T: CodeListValue>(_ type: T.Type) {
            for value in T.allCases { #expect(!value.label.zh.isEmpty && !value.label.en.isEmpty, "\(value)") }
            #expect(Set(T.allCases.map(\.token)).count == T.allCases.count)
        }
        check(PovertyAttribute.self)
        check(PovertyStatus.self)
        check(HouseholdType.self)
        check(PovertyCause.self)
        check(MonitoringCategory.self)
        check(RiskType.self)
        check(EliminationMethod.self)
        check(HealthCondition.self)
        check(LabourCapacity.self)
        check(Education.self)
        check(MigrantWork.self)
        check(RelationToHead.self)
        check(MeasureCategory.self)
        check(DangerGrade.self)
        check(Fuel.self)
        check(AccessRoad.self)
        check(HouseStructure.self)
        check(WaterSource.self)
        check(AnnualChangeKind.self)
        check(NaturalReductionReason.self)
        check(Sex.self)
        check(IdentityType.self)
        check(BasicGuarantee.self)
        check(IdentificationStandard.self)
    }

    @Test(
        "student status tokens round-trip", arguments: ["notInSchool", "preschool", "primary:3", "juniorMiddle:8", "seniorHigh:1", "collegeOrAbove"])
    func studentStatus(_ token: String) {
        #expect(StudentStatus(token: token)?.token == token)
    }

    @Test func studentGradesOutsideTheStageAreRejected() {
        #expect(StudentStatus(token: "primary:7") == nil)
        #expect(StudentStatus(token: "juniorMiddle:6") == nil)
    }

    @Test func statusPredicates() {
        #expect(PovertyStatus.returnedToPoverty.isRemainingPoor && PovertyStatus.returnedToPoverty.isEnrolled)
        #expect(!PovertyStatus.removedIneligible.isEnrolled)
        #expect(PovertyStatus.exitedWithoutPolicies.isExited)
    }

    @Test func causesAreValidatedAsDQ013() {
        #expect(throws: Household.CauseError.secondaryEqualsMain(.illness)) { try Household.validateCauses(main: .illness, secondary: [.illness]) }
        #expect(throws: Household.CauseError.tooManySecondaryCauses(3)) {
            try Household.validateCauses(main: .illness, secondary: [.schooling, .disaster, .lackOfSkills])
        }
        #expect(throws: Never.self) { try Household.validateCauses(main: .illness, secondary: [.schooling, .disability]) }
    }
}

@Suite("Composite category aac006 (REFERENCE §2.6)")
struct CompositeCategoryTests {
    @Test(
        "derives the national code from attribute and status",
        arguments: [
            (PovertyAttribute.general, PovertyStatus.notExited, "01"), (.dibao, .exitedWithPolicies, "02"), (.tekun, .exitedWithoutPolicies, "03"),
            (.dibao, .returnedToPoverty, "04"), (.general, .exitedWithPolicies, "05"), (.tekun, .notExited, "06"),
        ])
    func derives(_ attribute: PovertyAttribute, _ status: PovertyStatus, _ code: String) {
        #expect(CompositeCategory(attribute: attribute, status: status)?.nationalCode == code)
    }

    @Test func offTheRollHasNoCategory() {
        #expect(CompositeCategory(attribute: .general, status: .removedIneligible) == nil)
    }
}
