import Foundation
import SQLKit
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

/// 分户 through the service (REFERENCE §3.11 `naturalChange`), on the small registry (2020-10-15)
/// with the 张 family: a head, his wife, their son, the son's wife and their grandson, exited in 2016.
@Suite("Household split through the service", .serialized)
struct HouseholdSplitTests {
    static let zhang = try! HouseholdNumber("4304811002010003")
    static let newNumber = "4304811002010009"
    /// 张山 (head), 赵兰 (his wife), 张林 (their son), 陈梅 (the son's wife), 张小 (their grandson).
    static let shan = "430481195003020115"
    static let lan = "430481195207080224"
    static let lin = "430481197505060319"
    static let mei = "43048119770809042X"
    static let xiao = "430481200501010511"

    /// Adds the 张 household (exited 2016, with a phone and a bank account) to the fixture.
    static func zhangFamily(_ f: inout CSVFixture) {
        f.files[.households]!.append([
            zhang.rawValue, "430481100201", "provincial", "dibao", "disability", "lackOfSkills;lackOfCapital", "2014", "2016", "true", "false",
            "false", "13900000000", "6222020200001234567", "",
        ])
        f.files[.statusEvents]! += [
            [zhang.rawValue, "1", "identified", "notExited", "2014-05-01", ""],
            [zhang.rawValue, "2", "exited", "exitedWithPolicies", "2016-12-01", ""],
        ]
        f.files[.members]! += [
            CSVFixture.member(zhang.rawValue, "head", shan, "张山", "male", "1950-03-02"),
            CSVFixture.member(zhang.rawValue, "spouse", lan, "赵兰", "female", "1952-07-08"),
            CSVFixture.member(zhang.rawValue, "son", lin, "张林", "male", "1975-05-06"),
            CSVFixture.member(zhang.rawValue, "daughterInLaw", mei, "陈梅", "female", "1977-08-09"),
            CSVFixture.member(zhang.rawValue, "grandson", xiao, "张小", "male", "2005-01-01"),
        ]
    }

    static func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    static func members(_ r: SmallRegistry, _ household: String) async throws -> [String: RelationToHead] {
        let current = try await MembershipQuery.current(county: "430481", household: try HouseholdNumber(household), r.store.sql)
        return Dictionary(uniqueKeysWithValues: current.map { ($0.idNumber, $0.relation) })
    }

    @Test(arguments: TestDatabase.available)
    func aSplitMovesTheNamedMembersWithTheStatusAndAttributesAndAddsOneHousehold(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, fixture: Self.zhangFamily) { r in
            let cadre = try await r.user("cadre")
            let village = try AdminCode(SmallRegistry.village)
            let before = try await StatisticsService(r.environment).summary(of: village, asOf: Self.d("2020-10-09"), by: cadre).counts
            let quality = QualityService(r.environment)
            let zhangs = [Self.zhang.rawValue, Self.newNumber]
            let foundBefore = Set(
                try await quality.check(area: nil, asOf: Self.d("2020-10-15"), by: cadre).findings.filter { zhangs.contains($0.household) }.map {
                    "\($0.household) \($0.rule)"
                })
            let events = try await HouseholdService(r.environment).split(
                Self.zhang, newNumber: Self.newNumber, members: [Self.mei, Self.xiao], newHead: Self.lin, on: Self.d("2020-10-10"), note: "另立门户",
                by: cadre)
            // The new household is exited, as the old one was on the day: identified and corrected to it, all on the day (no new exit).
            #expect(events.map(\.kind) == [.identified, .corrected] && events.last?.status == .exitedWithPolicies)
            #expect(events.allSatisfy { $0.effectiveDate == Self.d("2020-10-10") && $0.note == "分户自 4304811002010003；另立门户" })
            #expect(try await Self.members(r, Self.zhang.rawValue) == [Self.shan: .head, Self.lan: .spouse])
            #expect(try await Self.members(r, Self.newNumber) == [Self.lin: .head, Self.mei: .spouse, Self.xiao: .son])
            let ended = try await r.store.sql.raw(
                "SELECT id_number, end_reason FROM membership WHERE household_number = \(bind: Self.zhang.rawValue) AND to_date = '2020-10-10'"
            ).all().map { try $0.decode(column: "end_reason", as: String.self) }
            #expect(ended == ["split", "split", "split"])
            // Attributes copied, phone and bank account not.
            let copy = try await HouseholdQuery.household(county: "430481", try HouseholdNumber(Self.newNumber), r.store.sql)
            #expect(copy?.identificationStandard == .provincial && copy?.povertyAttribute == .dibao && copy?.mainCause == .disability)
            #expect(copy?.secondaryCauses == [.lackOfSkills, .lackOfCapital] && copy?.firstIdentifiedYear == 2014 && copy?.plannedExitYear == 2016)
            #expect(copy?.isMilitaryMartyrFamily == true && copy?.village == village && copy?.phone == nil && copy?.bankAccount == nil)
            // On the day: one household more, the same people.
            let after = try await StatisticsService(r.environment).summary(of: village, asOf: Self.d("2020-10-10"), by: cadre).counts
            #expect(after.enrolledHouseholds == before.enrolledHouseholds + 1 && after.enrolledPeople == before.enrolledPeople)
            #expect(after.exitedHouseholds == before.exitedHouseholds + 1 && after.exitedPeople == before.exitedPeople)
            // The catalogue finds what it found in the old household (the fixture's own faults: no income, a
            // 15-year-old out of school), now in the household each fault went to; nothing new: one head each, a legal history.
            let found = Set(
                try await quality.check(area: nil, asOf: Self.d("2020-10-15"), by: cadre).findings.filter { zhangs.contains($0.household) }.map {
                    "\($0.household) \($0.rule)"
                })
            let old = Self.zhang.rawValue, new = Self.newNumber
            #expect(foundBefore == ["\(old) DQ-005", "\(old) DQ-011", "\(old) DQ-032"])
            // The exit's missing income stays with the household that exited; the boy out of school moved.
            #expect(found == ["\(old) DQ-011", "\(new) DQ-005", "\(new) DQ-032"], "\(found)")
            let audit = try await AuditService(r.environment).list(.init(action: "householdSplit", scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.count == 1)
            let entry = try #require(audit.first?.after)
            #expect(entry.contains(#""change":"naturalChange""#) && entry.contains(#""adjustment":"visits""#), "a natural change of 2020's visits")
            #expect(entry.contains("430481************") && !entry.contains(Self.mei), "members are masked")
        }
    }

    @Test func theHeadMovingNeedsAnOldHeadAndKeepsHisFamilysRelations() async throws {
        try await SmallRegistry.with(fixture: Self.zhangFamily) { r in
            let service = HouseholdService(r.environment)
            let cadre = try await r.user("cadre")
            await #expect(throws: HouseholdError.oldHeadMustBeNamed) {
                _ = try await service.split(
                    Self.zhang, newNumber: Self.newNumber, members: [Self.lan], newHead: Self.shan, on: Self.d("2020-10-10"), by: cadre)
            }
            _ = try await service.split(
                Self.zhang, newNumber: Self.newNumber, members: [Self.lan], newHead: Self.shan, oldHead: Self.lin, on: Self.d("2020-10-10"), by: cadre
            )
            #expect(try await Self.members(r, Self.newNumber) == [Self.shan: .head, Self.lan: .spouse])
            // The son heads the old household from the day; his wife and son are now his spouse and son.
            #expect(try await Self.members(r, Self.zhang.rawValue) == [Self.lin: .head, Self.mei: .spouse, Self.xiao: .son])
        }
    }

    @Test func anOpenMonitoringCaseStaysWithTheOldHousehold() async throws {
        // 2022-06-01: the monitoring mechanism (from 2021) has its templates.
        try await SmallRegistry.with(clock: TestClock(Date(timeIntervalSince1970: 1_654_041_600)), fixture: Self.zhangFamily) { r in
            let cadre = try await r.user("cadre")
            let opened = try await MonitoringService(r.environment).lead(
                .init(household: Self.zhang, channel: .cadreVisit, date: Self.d("2022-03-01"), risks: [.illness]), by: cadre)
            _ = try await HouseholdService(r.environment).split(
                Self.zhang, newNumber: Self.newNumber, members: [Self.mei], newHead: Self.lin, on: Self.d("2022-05-10"), by: cadre)
            let cases = try await MonitoringService(r.environment).cases(in: try AdminCode(SmallRegistry.village), by: cadre)
            #expect(cases.map(\.reference) == [opened.reference])
            #expect(cases.first?.household == Self.zhang && cases.first?.state.isClosed == false)
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var newNumber = HouseholdSplitTests.newNumber
        var members: [String] = [HouseholdSplitTests.mei]
        var newHead = HouseholdSplitTests.lin
        var date = "2020-10-10"
        var error: HouseholdError
        var words: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "a future day", date: "2020-12-01", error: .future(d("2020-12-01")), words: "日期 2020-12-01 晚于今天"),
        Refusal(
            name: "a day not after the membership start", date: "2012-01-01", error: .beforeLastEvent(d("2012-01-01"), d("2012-01-01")),
            words: "日期 2012-01-01 早于上一次状态变更 2012-01-01"),
        Refusal(
            name: "a malformed number", newNumber: "4304/81", error: .malformedNumber("4304/81"), words: "户编号“4304/81”无效：须为 1–32 位字母、数字或连字符"),
        Refusal(name: "a taken number", newNumber: "4304811002010001", error: .numberTaken("4304811002010001"), words: "户编号 4304811002010001 已被使用"),
        Refusal(name: "a member of another household", members: ["430481198001010013"], error: .notAMember, words: "此人不是本户现有成员"),
        Refusal(
            name: "nobody left behind", members: [shan, lan, mei, xiao], error: .splitLeavesNobody,
            words: "分户须在原户至少留下一名成员：整户并入他户请用合户，个人离开请用减少成员"),
    ]

    @Test(arguments: refusals)
    func aSplitIsRefusedWithItsReason(_ refusal: Refusal) async throws {
        try await SmallRegistry.with(fixture: Self.zhangFamily) { r in
            do {
                _ = try await HouseholdService(r.environment).split(
                    Self.zhang, newNumber: refusal.newNumber, members: refusal.members, newHead: refusal.newHead, on: Self.d(refusal.date),
                    by: r.user("cadre"))
                Issue.record("split accepted: \(refusal.name)")
            } catch let error as HouseholdError {
                #expect(error == refusal.error)
                #expect(try Localizer.load(.zh).describe(error) == refusal.words)
            }
            #expect(try await Self.members(r, Self.zhang.rawValue).count == 5, "nothing moved")
            #expect(try await HouseholdQuery.exists(try HouseholdNumber("4304811002010009"), r.store.sql) == false)
        }
    }

    @Test func aRemovedHouseholdDoesNotSplitAndOthersOutsideTheirScopeCannot() async throws {
        try await SmallRegistry.with(fixture: Self.zhangFamily) { r in
            let service = HouseholdService(r.environment)
            let split = { (user: User) in
                _ = try await service.split(
                    Self.zhang, newNumber: Self.newNumber, members: [Self.mei], newHead: Self.lin, on: Self.d("2020-10-12"), by: user)
            }
            await #expect(throws: MonitoringError.householdNotFound(Self.zhang.rawValue)) { try await split(try await r.user("othercadre")) }
            await #expect(throws: AccessDenied.self) { try await split(try await r.user("inspector")) }
            let denied = try await AuditService(r.environment).list(.init(action: "accessDenied", scope: .everywhere), by: TestEnvironment.system)
            #expect(denied.count == 1, "the refusal inside the transaction is audited after the rollback")
            _ = try await service.remove(Self.zhang, on: Self.d("2020-10-11"), note: "家庭成员为财政供养人员（RL-01）", by: r.user("cadre"))
            await #expect(throws: HouseholdError.closed(Self.zhang.rawValue)) { try await split(try await r.user("cadre")) }
        }
    }
}
