import Foundation
import Testing
import TuopinCore
import TuopinDemo
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("The demo's monitoring era on any date after mid-2021")
struct DemoMonitoringTests {
    /// On 2023-06-01 only the paths whose dates have passed are written; nothing is dated later.
    @Test func aDemoBuiltIn2023WritesNoLaterDate() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let env = try TestEnvironment.make(store: store, clock: TestClock(Date(timeIntervalSince1970: 1_685_577_600)))
            try await DemoLoader(env).load(counties: ["430481"], users: false, by: TestEnvironment.system)
            let cases = try await MonitoringService(env).cases(in: try AdminCode("430481"), by: TestEnvironment.system)
            #expect(!cases.isEmpty)
            #expect(cases.allSatisfy { $0.lastStepDate <= (try! CivilDate("2023-06-01")) })
        }
    }

    /// The monitoring figures on a date, recomputed from the cases one by one: who was monitored
    /// (identified, not yet closed), identifying, overdue, eliminated by method, not taken in;
    /// and a county's figures are the sum of its townships'.
    @Test func theMonitoringFiguresAreTheCasesCountedByTheirDates() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let today = try CivilDate("2024-06-01")
            let env = try TestEnvironment.make(store: store, clock: TestClock(Date(timeIntervalSince1970: 1_717_200_000)))
            try await DemoLoader(env).load(counties: ["430481"], users: false, by: TestEnvironment.system)
            let county = try AdminCode("430481")
            let cases = try await MonitoringService(env).cases(in: county, by: TestEnvironment.system)
            let statistics = StatisticsService(env)
            for day in [try CivilDate("2021-09-30"), try CivilDate("2022-12-31"), today] {
                let f = try await statistics.monitoring(of: county, asOf: day, by: TestEnvironment.system)
                let open = cases.filter { c in c.closedOn.map { $0 > day } ?? true }
                let monitored = open.filter { c in c.identifiedOn.map { $0 <= day } ?? false }
                let identifying = open.filter { c in c.leadDate <= day && (c.identifiedOn.map { $0 > day } ?? true) }
                for category in MonitoringCategory.allCases {
                    #expect(f.monitored[category]?.households ?? 0 == monitored.filter { $0.category == category }.count, "\(day) \(category)")
                }
                func households(_ cs: [MonitoringCase]) -> Int { Set(cs.map(\.household)).count }
                #expect(f.identifying == households(identifying))
                #expect(f.overdue == households(identifying.filter { c in c.deadline.map { $0 < day } ?? false }))
                for method in EliminationMethod.allCases {
                    // Eliminated by the day: the state says so, or it was eliminated and the household left later.
                    let eliminated = cases.filter { c in
                        guard let closed = c.closedOn, closed <= day, c.eliminationMethod == method else { return false }
                        if case .riskEliminated = c.state { return true }
                        if case .naturallyRemoved = c.state { return true }
                        return false
                    }
                    #expect(f.eliminated[method] ?? 0 == households(eliminated))
                }
                #expect(f.notIdentified == households(cases.filter { c in c.state == .notIdentified && c.closedOn.map { $0 <= day } ?? false }))
                #expect(f.leadsThisYear == cases.filter { $0.leadDate <= day && $0.leadDate.year == day.year }.count)
                if day == today {
                    #expect(f.monitoredTotal.households > 0 && f.eliminatedTotal > 0, "the demo has both on 2024-06-01")
                    var people = 0
                    for c in monitored { people += try await MembershipQuery.current(county: "430481", household: c.household, store.sql).count }
                    #expect(f.monitoredTotal.people == people)
                }
                // The townships add up to the county.
                var sum = MonitoringFigures(asOf: day)
                for township in try await AreaQuery.children(store.sql, of: county) {
                    let t = try await statistics.monitoring(of: township.code, asOf: day, by: TestEnvironment.system)
                    for (k, v) in t.monitored {
                        sum.monitored[k, default: .init()].households += v.households
                        sum.monitored[k, default: .init()].people += v.people
                    }
                    for (k, v) in t.eliminated { sum.eliminated[k, default: 0] += v }
                    (sum.identifying, sum.overdue) = (sum.identifying + t.identifying, sum.overdue + t.overdue)
                    (sum.notIdentified, sum.leadsThisYear) = (sum.notIdentified + t.notIdentified, sum.leadsThisYear + t.leadsThisYear)
                }
                #expect(sum == f)
            }
        }
    }
}
