import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// A member's yearly facts through the service: checked, kept per year, read by that year's
/// exit test, scoped and audited without health details.
@Suite("Members' yearly facts through the service", .serialized)
struct MemberYearServiceTests {
    static let poor = HouseholdServiceTests.poor
    static let wang = "430424195512310033"

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    static func wangIn2020(_ edit: (inout MemberYear) -> Void = { _ in }) -> MemberYear {
        var y = MemberYear(idNumber: wang, year: 2020, education: .primary, health: [.disabled], labourCapacity: .weakOrHalf)
        edit(&y)
        return y
    }

    @Test(arguments: TestDatabase.available)
    func thatYearsExitTestReadsTheMembersInsuranceFromTheirYear(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, fixture: HouseholdServiceTests.income2020) { r in
            let service = HouseholdService(r.environment)
            let cadre = try await r.user("cadre")
            _ = try await service.setYear(
                HouseholdYear(
                    household: Self.poor, year: 2020, securedGuarantees: Set(BasicGuarantee.allCases),
                    living: LivingConditions(dangerGrade: .a)), by: cadre)
            #expect(try await service.exitCheck(Self.poor, year: 2020, on: d("2020-10-01"), by: cadre).passed)
            // 2020's row says 王强 was not insured that year: the 2020 test fails on E4 (basic medical).
            try await service.setMemberYear(
                Self.wangIn2020 {
                    $0.medicalInsured = false
                    $0.disabilityCategory = .physical
                    $0.disabilityGrade = 2
                }, household: Self.poor, by: cadre)
            let decision = try await service.exitCheck(Self.poor, year: 2020, on: d("2020-10-01"), by: cadre)
            #expect(decision.failedChecks.map(\.rule) == [HouseholdExit.medical])
            // Recording the year again replaces it; other years stay.
            try await service.setMemberYear(Self.wangIn2020(), household: Self.poor, by: cadre)
            try await service.setMemberYear(Self.wangIn2020 { $0.year = 2019 }, household: Self.poor, by: cadre)
            #expect(try await service.exitCheck(Self.poor, year: 2020, on: d("2020-10-01"), by: cadre).passed)
            #expect(try await service.memberYears(Self.poor, year: nil, by: cadre).map(\.year) == [2019, 2020])
            let audit = try await AuditService(r.environment).list(.init(action: "memberYearSet", scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.count == 3)
            #expect(audit.allSatisfy { $0.entity.contains(Masking.identityNumber(Self.wang)) && !$0.entity.contains(Self.wang) })
            #expect(audit.allSatisfy { !($0.after ?? "").contains("disabled") && !($0.after ?? "").contains("physical") }, "no health detail")
            #expect(audit.contains { ($0.before ?? "").contains(#""medicalInsured":false"#) })
        }
    }

    @Test func aYearIsRefusedWithItsReasonForSomeoneNotInTheHouseholdOrOutOfScope() async throws {
        try await SmallRegistry.with { r in
            let service = HouseholdService(r.environment)
            let cadre = try await r.user("cadre")
            // 刘伟 belongs to household 0001, not 0002.
            await #expect(throws: HouseholdError.notAMember) {
                try await service.setMemberYear(
                    Self.wangIn2020 { $0.idNumber = "430481198001010013" }, household: Self.poor, by: cadre)
            }
            // Before anyone was a member (the fixture's memberships start in 2012).
            await #expect(throws: HouseholdError.notAMember) {
                try await service.setMemberYear(Self.wangIn2020 { $0.year = 2011 }, household: Self.poor, by: cadre)
            }
            do {
                try await service.setMemberYear(Self.wangIn2020 { $0.monthsWorked = 5 }, household: Self.poor, by: cadre)
                Issue.record("months worked without migrant work were accepted")
            } catch HouseholdError.refused(let decision) {
                #expect(decision.failedChecks.map(\.rule) == [MemberYearRules.monthsWorked])
            }
            // Outside a cadre's village the household is not found (it is not theirs to know of).
            await #expect(throws: MonitoringError.householdNotFound(Self.poor.rawValue)) {
                try await service.setMemberYear(Self.wangIn2020(), household: Self.poor, by: r.user("othercadre"))
            }
            #expect(try await service.memberYears(Self.poor, year: nil, by: cadre).isEmpty)
            // A row filed under another household (王强's 2013 row, under household 1) is corrected there, not replaced from here.
            try await r.store.transaction { tx in
                try await MemberYearQuery.save(
                    Self.wangIn2020 { $0.year = 2013 }, county: "430481", household: try HouseholdNumber("4304811002010001"), in: tx)
            }
            await #expect(throws: HouseholdError.memberYearInOtherHousehold("4304811002010001")) {
                try await service.setMemberYear(Self.wangIn2020 { $0.year = 2013 }, household: Self.poor, by: cadre)
            }
        }
    }
}
