import Testing
import TuopinCore

@Suite("Household split and merge rules (REFERENCE §3.10, §3.11, RL-07)")
struct HouseholdSplitMergeRuleTests {
    @Test(
        "a new household reaches the old one's status through legal transitions",
        arguments: [
            (PovertyStatus.notExited, [StatusEventKind.identified]), (.exitedWithPolicies, [.identified, .exited]),
            (.exitedWithoutPolicies, [.identified, .exited, .policiesEnded]), (.returnedToPoverty, [.identified, .exited, .returnedToPoverty]),
        ])
    func pathReachesTheStatus(_ status: PovertyStatus, _ path: [StatusEventKind]) throws {
        #expect(HouseholdSplit.path(to: status) == path)
        var current: PovertyStatus? = nil
        for kind in path {
            #expect(StatusTransition.isLegal(from: current, kind: kind))
            current = kind.resultingStatus
        }
        #expect(current == status)
    }

    @Test(arguments: [PovertyStatus.plannedExit, .removedIneligible, .naturalClosure])
    func aStatusNoPathYieldsIsNotCarried(_ status: PovertyStatus) {
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
