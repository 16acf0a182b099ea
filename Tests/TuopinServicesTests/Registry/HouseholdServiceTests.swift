import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

/// The household lifecycle on stored facts (REFERENCE §3.3, §3.10).
@Suite("Household exit, return and removal through the service", .serialized)
struct HouseholdServiceTests {
    /// Household 2 (王强, alone, still poor since 2014) with a 2020 income of 5,000 yuan.
    static let poor = try! HouseholdNumber("4304811002010002")

    static func income2020(_ f: inout CSVFixture) {
        f.files[.incomes]!.append(CSVFixture.income("4304811002010002", "2020", "1", migrantWages: "5000.00"))
    }

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func facts(grade: DangerGrade = .b, guarantees: Set<BasicGuarantee> = Set(BasicGuarantee.allCases)) -> HouseholdYear {
        HouseholdYear(
            household: Self.poor, year: 2020, securedGuarantees: guarantees,
            living: LivingConditions(dangerGrade: grade, safeDrinkingWater: true, distanceToMainRoadKm: try! FixedDecimal("1.50"), fuels: [.firewood])
        )
    }

    @Test(arguments: TestDatabase.available)
    func anExitRunsE1ToE5OnTheStoredFactsAndRefusesNamingTheFailingRule(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, fixture: Self.income2020) { r in
            let service = HouseholdService(r.environment)
            let cadre = try await r.user("cadre")
            await #expect(throws: HouseholdError.noYearFacts(2020)) {
                _ = try await service.exit(Self.poor, on: d("2020-10-01"), note: "", by: cadre)
            }
            #expect(try await service.setYear(facts(grade: .d), by: cadre) == nil)
            do {
                _ = try await service.exit(Self.poor, on: d("2020-10-01"), note: "", by: cadre)
                Issue.record("a household in a grade-D house exited")
            } catch let HouseholdError.exitRefused(decision) {
                #expect(decision.failedChecks.map(\.rule) == [HouseholdExit.housing])
                let zh = try Localizer.load(.zh)
                #expect(zh.describe(HouseholdError.exitRefused(decision)).hasPrefix("不能标注脱贫，未达到 E5："))
            }
            // A cadre cannot override; a county officer can, with a reason, and it is audited.
            await #expect(throws: AccessDenied.self) {
                _ = try await service.exit(Self.poor, on: d("2020-10-01"), note: "", override: "危房改造已竣工待鉴定", by: cadre)
            }
            await #expect(throws: HouseholdError.overrideWithoutReason) {
                _ = try await service.exit(Self.poor, on: d("2020-10-01"), note: "", override: "  ", by: r.user("county"))
            }
            let (event, decision) = try await service.exit(
                Self.poor, on: d("2020-10-01"), note: "", override: "危房改造已竣工待鉴定", by: r.user("county"))
            #expect(event.kind == .exited && event.status == .exitedWithPolicies && event.sequence == 2 && !decision.passed)
            let audit = try await AuditService(r.environment).list(.init(action: "householdExit", scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.count == 1 && audit[0].detail?.contains("危房改造已竣工待鉴定") == true && audit[0].detail?.contains("exit.E5") == true)
        }
    }

    @Test func aHouseholdMeetingTheStandardExitsAndMayReturnButNotExitTwice() async throws {
        try await SmallRegistry.with(fixture: Self.income2020) { r in
            let service = HouseholdService(r.environment)
            let cadre = try await r.user("cadre")
            _ = try await service.setYear(facts(), by: cadre)
            #expect(try await service.exitCheck(Self.poor, year: 2020, on: d("2020-10-01"), by: cadre).passed)
            let (exit, decision) = try await service.exit(Self.poor, on: d("2020-10-01"), note: "验收通过", by: cadre)
            #expect(decision.passed && exit.note == "验收通过")
            await #expect(throws: HouseholdError.illegalTransition(from: .exitedWithPolicies, kind: .exited)) {
                _ = try await service.exit(Self.poor, on: d("2020-10-02"), note: "", by: cadre)
            }
            await #expect(throws: HouseholdError.beforeLastEvent(d("2020-09-01"), d("2020-10-01"))) {
                _ = try await service.returnToPoverty(Self.poor, on: d("2020-09-01"), note: "", by: cadre)
            }
            let back = try await service.returnToPoverty(Self.poor, on: d("2020-10-10"), note: "因病", by: cadre)
            #expect(back.status == .returnedToPoverty && back.sequence == 3)
            await #expect(throws: HouseholdError.removalWithoutReason) {
                _ = try await service.remove(Self.poor, on: d("2020-10-11"), note: "", by: cadre)
            }
            let removed = try await service.remove(Self.poor, on: d("2020-10-11"), note: "家庭成员为财政供养人员（RL-01）", by: cadre)
            #expect(removed.status == .removedIneligible)
            let removal = try await AuditService(r.environment).list(.init(action: "householdRemove", scope: .everywhere), by: TestEnvironment.system)
            #expect(removal.first?.after?.contains(#""adjustment":"visits""#) == true, "inside 2020's visits window: the annual adjustment")
            await #expect(throws: HouseholdError.illegalTransition(from: .removedIneligible, kind: .returnedToPoverty)) {
                _ = try await service.returnToPoverty(Self.poor, on: d("2020-10-12"), note: "", by: cadre)
            }
            #expect(try await service.events(Self.poor, by: cadre).1.map(\.kind) == [.identified, .exited, .returnedToPoverty, .removedIneligible])
        }
    }

    @Test func yearlyFactsAreCheckedKeptPerYearAndWarnOnLand() async throws {
        try await SmallRegistry.with { r in
            let service = HouseholdService(r.environment)
            let cadre = try await r.user("cadre")
            var bad = facts()
            bad.living.fuels = [.firewood, .coal, .cleanEnergy, .dung]
            await #expect(throws: HouseholdError.self) { _ = try await service.setYear(bad, by: cadre) }
            let future = HouseholdYear(household: Self.poor, year: 2021, securedGuarantees: [], living: LivingConditions())
            await #expect(throws: HouseholdError.self) { _ = try await service.setYear(future, by: cadre) }
            var wide = facts()
            wide.living.forestLand = try FixedDecimal("250.00")
            #expect(try await service.setYear(wide, by: cadre)?.rule == HouseholdYearRules.land)
            let stored = try await service.year(Self.poor, 2020, by: cadre)
            #expect(
                stored?.living.forestLand == (try FixedDecimal("250.00")) && stored?.living.fuels == [.firewood] && stored?.living.dangerGrade == .b)
            #expect(try await service.year(Self.poor, 2019, by: cadre) == nil)
            await #expect(throws: MonitoringError.householdNotFound(Self.poor.rawValue)) {
                _ = try await service.year(Self.poor, 2020, by: r.user("othercadre"))
            }
        }
    }
}
