import Testing
import TuopinCore

@Suite("Household split and merge rules (REFERENCE §3.10, §3.11, RL-07)")
struct HouseholdSplitMergeRuleTests {
    @Test(
        "a new household is identified and corrected to the old one's status, never given an exit",
        arguments: [PovertyStatus.notExited, .exitedWithPolicies, .exitedWithoutPolicies, .returnedToPoverty, .plannedExit])
    func pathReachesTheStatus(_ status: PovertyStatus) throws {
        let path = try #require(HouseholdSplit.path(to: status))
        #expect(path.first?.kind == .identified && path.count == (status == .notExited ? 1 : 2))
        #expect(!path.contains { $0.kind == .exited || $0.kind == .returnedToPoverty || $0.kind == .policiesEnded })
        var current: PovertyStatus? = nil
        for step in path {
            #expect(StatusTransition.isLegal(from: current, kind: step.kind))
            if let fixed = step.kind.resultingStatus { #expect(fixed == step.status) }
            current = step.status
        }
        #expect(current == status)
    }

    @Test(arguments: [PovertyStatus.removedIneligible, .naturalClosure])
    func aStatusOffTheRollIsNotCarried(_ status: PovertyStatus) {
        #expect(HouseholdSplit.path(to: status) == nil)
    }

    @Test(
        "a mover keeps the tie to the new head where the family makes it clear",
        arguments: [
            (RelationToHead.daughterInLaw, RelationToHead.son, RelationToHead.spouse), (.grandson, .son, .son), (.granddaughter, .son, .daughter),
            (.greatGrandson, .son, .grandson), (.sonInLaw, .daughter, .spouse), (.daughtersSon, .daughter, .son),
            (.daughtersDaughter, .daughter, .daughter), (.son, .spouse, .son), (.daughter, .spouse, .daughter), (.spouse, .head, .spouse),
            (.grandson, .head, .grandson), (.father, .son, .other), (.spouse, .son, .other), (.son, .daughter, .other),
        ])
    func relationToTheNewHead(_ member: RelationToHead, _ newHead: RelationToHead, _ expected: RelationToHead) {
        #expect(HouseholdSplit.relation(member, newHeadWas: newHead) == expected)
    }

    @Test(
        "two households merge only with the same enrolment",
        arguments: [
            (PovertyStatus?.some(.notExited), PovertyStatus?.some(.exitedWithPolicies), true), (nil, nil, true), (nil, .notExited, false),
            (.exitedWithoutPolicies, nil, false),
        ])
    func mergeNeedsTheSameEnrolment(_ from: PovertyStatus?, _ into: PovertyStatus?, _ passed: Bool) {
        let decision = HouseholdMerge.evaluate(from: from, into: into)
        #expect(decision.passed == passed)
        #expect(decision.checks.map(\.rule) == [HouseholdMerge.sameEnrolment])
        #expect(decision.checks[0]["from"] == .label(from?.label ?? HouseholdType.ordinaryHousehold.label))
    }
}
