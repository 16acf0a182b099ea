import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// Village and county exit evaluated on the registry: the incidence at the year's end, the
/// village profile's income and conditions (as imported), and recorded sample findings.
@Suite("Exit evaluations through the service (REFERENCE §3.4–3.5)", .serialized)
struct ExitEvaluationServiceTests {
    static var clock: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }
    static let village = try! AdminCode("430481100201")

    /// The fixture's 2020 profile (2,000 people, 50,000 yuan) with its conditions as given.
    static func conditions(_ values: [String]) -> (inout CSVFixture) -> Void {
        { f in f.files[.villageProfiles] = [["430481100201", "2020", "2000", "50000.00"] + values] }
    }

    @Test(arguments: TestDatabase.available)
    func hunansRulesReadTheProfileOfTheYear(_ database: TestDatabase) async throws {
        let allMet = Array(repeating: "true", count: 6)
        try await SmallRegistry.with(on: database, clock: Self.clock, fixture: Self.conditions(allMet)) { r in
            let service = ExitEvaluationService(r.environment)
            let e = try await service.village(Self.village, year: 2020, rules: .hunan, by: r.user("county"))
            // One person not exited of 2,000: 0.05%.
            #expect(e.summary.incidence.percent == (try FixedDecimal("0.05")))
            #expect(e.decision.passed, "\(e.decision.failedChecks)")
            #expect(e.decision.checks.count == 8)
            // No profile for 2019: no population for the incidence, no income, no conditions; every check fails, and says why.
            let before = try await service.village(Self.village, year: 2019, rules: .hunan, by: r.user("county"))
            #expect(before.profile == nil && before.decision.failedChecks.count == 8)
            let national = try await service.village(Self.village, year: 2019, rules: .national, by: r.user("county"))
            #expect(national.decision.failedChecks.map(\.rule) == [VillageExitRules.incidence])
        }
    }

    @Test func aConditionRecordedAsMissingFailsItsCheck() async throws {
        try await SmallRegistry.with(clock: Self.clock, fixture: Self.conditions(["false", "true", "是", "1", "yes", ""])) { r in
            let e = try await ExitEvaluationService(r.environment).village(Self.village, year: 2020, rules: .hunan, by: r.user("county"))
            #expect(e.decision.failedChecks.map(\.rule) == [VillageExitRules.road, VillageExitRules.socialSecurity])
        }
    }

    @Test func aCountyIsEvaluatedOnTheRegistryAndTheFindings() async throws {
        try await SmallRegistry.with(clock: Self.clock) { r in
            let service = ExitEvaluationService(r.environment)
            let findings = CountyExitFindings(
                missedPoor: 30, wronglyExited: 8, sampledExited: 500, sampledWronglyExited: 10, sampledNonEnrolled: 1_000, verifiedMissed: 21,
                surveyed: 400, approving: 380)
            let e = try await service.county(try AdminCode("430481"), year: 2020, findings: findings, by: r.user("county"))
            // 1 remaining + 30 + 8 of 2,000 = 1.95% passes; 21 of 1,000 missed is 2.1%, over 2%.
            #expect(e.inputs.remainingPoorPeople == 1 && e.inputs.ruralRegisteredPopulation == 2_000)
            #expect(e.decision.failedChecks.map(\.rule) == [CountyExitRules.missedRate])
            var impossible = findings
            impossible.approving = 401
            await #expect(throws: ExitEvaluationError.findings) {
                try await service.county(try AdminCode("430481"), year: 2020, findings: impossible, by: r.user("county"))
            }
            await #expect(throws: ExitEvaluationError.notACounty("430481100")) {
                try await service.county(try AdminCode("430481100"), year: 2020, findings: findings, by: r.user("county"))
            }
            await #expect(throws: ExitEvaluationError.year(2023)) {
                try await service.village(Self.village, year: 2023, rules: .hunan, by: r.user("county"))
            }
        }
    }

    /// The thresholds are policy parameters: an administrator's change moves the verdict, and
    /// the check names the threshold it used.
    @Test func theThresholdsArePolicyParameters() async throws {
        try await SmallRegistry.with(clock: Self.clock) { r in
            let service = ExitEvaluationService(r.environment)
            let findings = CountyExitFindings(
                missedPoor: 30, wronglyExited: 8, sampledExited: 500, sampledWronglyExited: 10, sampledNonEnrolled: 1_000, verifiedMissed: 21,
                surveyed: 400, approving: 380)
            let admin = try await r.user("admin")
            let policy = PolicyService(r.environment)
            for (name, value, failed) in [
                (PolicyParameters.Name.countyExitErrorRatePercent, Int64(3), [RuleID]()),
                (.countyExitApprovalPercent, 96, [CountyExitRules.publicApproval]),
                (.countyExitIncidencePercent, 1, [CountyExitRules.compositeIncidence, CountyExitRules.publicApproval]),
            ] {
                try await policy.save(PolicyParameters.Row(name: name, value: value, confirmed: false, source: "test"), by: admin)
                let e = try await service.county(try AdminCode("430481"), year: 2020, findings: findings, by: r.user("county"))
                #expect(e.decision.failedChecks.map(\.rule) == failed, "\(name) = \(value)")
            }
            let rows = try await policy.parameters(by: admin)
            #expect(PolicyParameters.exitThresholds(rows).countyApprovalPercent == 96)
            #expect(PolicyParameters.exitThresholds(PolicyParameters.seed) == .reference, "the seed is the published values")
        }
    }
}
