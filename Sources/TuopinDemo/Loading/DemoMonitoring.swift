import Foundation
import TuopinCore
import TuopinServices
import TuopinStore

/// The monitoring era of the demo (2021 on), run through the real services so that every case,
/// step, measure and audit entry is one a user could have made. From each county it takes one
/// exited household in 250 (deterministically, never from the demo cadre's village, which stays
/// free for trying things) and sends it down one of ten paths:
///
/// | index mod 10 | path |
/// |---|---|
/// | 0 | identified `unstableExited`, helped, risk eliminated by assistance a year later |
/// | 1 | identified, risk eliminated naturally a year later |
/// | 2, 3 | identified `unstableExited` and helped, still monitored |
/// | 4 | green channel: helped before approval, then identified |
/// | 5 | rejected at the township review (`notIdentified`) |
/// | 6 | a lead of October 2026 still at the home check: overdue |
/// | 7 | identified `suddenHardship` (a large medical bill) |
/// | 8 | identified and marked a no-labour safety-net household |
/// | 9 | a drinking-water risk with its water-safety measure |
///
/// Every designated poor village gets a three-member work team for 2021–2023. In 耒阳 a vehicle
/// feed raises one RL-03 review item and one exception (a car bought after enrolment), and a
/// medical-bill feed one lead. The planted data-quality faults (docs/DEMO.md): in 耒阳, the first
/// path-9 household gets no water measure (DQ-022, an error) and the first path-2 household's
/// measure has no amount (DQ-044, a warning). Nothing here changes a status event, so the 2020
/// figures stay as they were. It runs only when today is after mid-2021 (tests pin 2020), and
/// leaves out any path or feed row dated after today.
enum DemoMonitoring {
    struct Pick: Sendable {
        var household: Household
        var index: Int
        var memberIDs: [String]
    }

    /// The households a county sends into monitoring, chosen from the generated rows.
    static func picks(_ county: DemoCounty, cadreVillage: String) -> [Pick] {
        var exited: Set<HouseholdNumber> = []
        var last: [HouseholdNumber: StatusEvent] = [:]
        for e in county.events where (last[e.household]?.sequence ?? 0) < e.sequence { last[e.household] = e }
        for (h, e) in last where e.status == .exitedWithPolicies || e.status == .exitedWithoutPolicies { exited.insert(h) }
        var ids: [HouseholdNumber: [String]] = [:]
        for m in county.memberships where m.to == nil { ids[m.household, default: []].append(m.idNumber) }
        let candidates = county.households.filter { exited.contains($0.number) && $0.village.rawValue != cadreVillage }.sorted {
            $0.number < $1.number
        }
        return stride(from: 17, to: candidates.count, by: 250).enumerated().map { i, at in
            Pick(household: candidates[at], index: i, memberIDs: ids[candidates[at].number] ?? [])
        }
    }

    static func run(
        in environment: ServiceEnvironment, counties: [(DemoCounty, [Pick])], by user: User
    ) async throws {
        guard environment.today >= CivilDate(year: 2021, month: 7, day: 1)! else { return }
        let monitoring = MonitoringService(environment)
        let assistance = AssistanceService(environment)
        let cadres = CadreService(environment)
        for (county, picks) in counties {
            var r = SeededRandom(seed: UInt64(county.plan.code) ?? 1)
            var plantedWater = county.plan.code != "430481", plantedAmount = county.plan.code != "430481"
            for pick in picks {
                let path = pick.index % 10
                try await runPath(
                    path, pick, &r, plantWater: &plantedWater, plantAmount: &plantedAmount, today: environment.today, monitoring, assistance, cadres,
                    by: user)
            }
            for e in county.areaEvents where e.kind == .designatedPoorVillage {
                _ = try await cadres.addTeam(
                    VillageWorkTeam(
                        village: e.area, sendingUnit: "衡阳市直单位驻村工作队", from: CivilDate(year: 2021, month: 5, day: 1)!,
                        to: CivilDate(year: 2023, month: 5, day: 1)!,
                        members: [.init(name: "周建国", role: .firstSecretary), .init(name: "吴立新", role: .teamLeader), .init(name: "郑华", role: .member)]),
                    by: user)
            }
            if county.plan.code == "430481", picks.count > 12 { try await feeds(picks, environment, by: user) }
        }
    }

    static func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    static func measure(_ h: HouseholdNumber, _ kind: MeasureKind, _ project: String, _ amount: Int64?, start: CivilDate) -> AssistanceMeasure {
        AssistanceMeasure(
            household: h, kind: kind, project: project, amount: amount.map(Money.yuan), funding: .county,
            deadline: start.adding(days: 365), start: start)
    }

    static func runPath(
        _ path: Int, _ pick: Pick, _ r: inout SeededRandom, plantWater: inout Bool, plantAmount: inout Bool, today: CivilDate,
        _ monitoring: MonitoringService, _ assistance: AssistanceService, _ cadres: CadreService, by user: User
    ) async throws {
        let h = pick.household.number
        let year = 2021 + r.int(0...3)
        let lead = path == 6 ? date(2026, 10, 8) : date(year, r.int(2...10), r.int(1...20))
        var risk = MonitoringSweep.risk(for: pick.household.mainCause)
        if path == 7 { risk = .illness }
        if path == 9 { risk = .drinkingWater }
        let input = MonitoringService.LeadInput(
            household: h, channel: [.cadreVisit, .selfApplication, .hotline12317, .departmentData][pick.index % 4], date: lead, risks: [risk],
            greenChannel: path == 4, note: "演示数据")
        // Every date a path writes must have happened by today: a path that would reach past it is left out.
        guard lead.adding(days: path == 6 ? 0 : 40) <= today else { return }
        let c = try await monitoring.lead(input, by: user)
        if path == 6 { return }
        if path == 4 {
            _ = try await assistance.record(measure(h, .heading(.temporaryAssistance), "临时救助", 2_000, start: lead.adding(days: 1)), by: user)
        }
        var day = lead.adding(days: 1)
        func next() -> CivilDate {
            day = day.adding(days: 1)
            return day
        }
        _ = try await monitoring.complete(c.reference, StepRecord(date: next(), consentSigned: true), by: user)
        _ = try await monitoring.complete(c.reference, StepRecord(date: next()), by: user)
        _ = try await monitoring.complete(c.reference, StepRecord(date: next()), by: user)
        let noticeFrom = next()
        day = noticeFrom.adding(days: 4)
        _ = try await monitoring.complete(
            c.reference, StepRecord(date: next(), notice: NoticePeriod(from: noticeFrom, to: noticeFrom.adding(days: 4)), objectionsResolved: true),
            by: user)
        if path == 5 {
            _ = try await monitoring.reject(c.reference, on: next(), note: "收入核实高于监测范围", by: user)
            return
        }
        _ = try await monitoring.approve(c.reference, StepRecord(date: next()), by: user)
        let category: MonitoringCategory = path == 7 ? .suddenHardship : .unstableExited
        _ = try await monitoring.approve(c.reference, StepRecord(date: next(), category: category, risks: [risk]), by: user)
        if path == 8 {
            _ = try await monitoring.setSafetyNet(c.reference, true, on: next(), note: "整户无劳动能力，纳入兜底保障", by: user)
            return
        }
        let start = next()
        let kind: MeasureKind =
            switch risk {
            case .illness: .category(.health)
            case .schooling, .dropout: .category(.compulsoryEducation)
            case .drinkingWater: .category(.waterSafety)
            case .disability, .lackOfLabour: .category(.comprehensiveProtection)
            case .housingSafety: .category(.housingSafety)
            default: .category(.industry)
            }
        if path == 9 && !plantWater {
            plantWater = true  // planted: DQ-022, a water risk without its measure
        } else {
            _ = try await assistance.record(measure(h, kind, "针对性帮扶", 3_000, start: start), by: user)
        }
        var jobs = measure(h, .category(.employment), "就业帮扶", 1_500, start: start)
        if path == 2 && !plantAmount {
            plantAmount = true  // planted: DQ-044, a measure without an amount
            jobs.amount = nil
        }
        _ = try await assistance.record(jobs, by: user)
        _ = try await cadres.assign(
            CadreAssignment(
                household: h, name: ["李建军", "王红梅", "张志强", "刘芳"][pick.index % 4], unit: "耒阳市直单位", unitLevel: .county, phone: "13800000000", from: start
            ),
            by: user)
        guard path == 0 || path == 1 else { return }
        // A year later the risk is gone: the elimination procedure with Hunan's 7-day notice.
        day = start.adding(days: 380)
        guard day.adding(days: 20) <= today else { return }
        let facts = EliminationFacts(
            perCapitaNetIncome: .yuan(12_000), incomeStable: true, rigidSpendingControlled: true, securedGuarantees: Set(BasicGuarantee.allCases),
            remainingRisks: [], newRisk: false, noLabourSafetyNet: false)
        _ = try await monitoring.startElimination(
            c.reference, on: next(), method: path == 0 ? .byAssistance : .natural, facts: facts, note: "", by: user)
        _ = try await monitoring.complete(c.reference, StepRecord(date: next(), consentSigned: true), by: user)
        _ = try await monitoring.complete(c.reference, StepRecord(date: next()), by: user)
        _ = try await monitoring.complete(c.reference, StepRecord(date: next()), by: user)
        let from = next()
        day = from.adding(days: 6)
        _ = try await monitoring.complete(
            c.reference, StepRecord(date: next(), notice: NoticePeriod(from: from, to: from.adding(days: 6)), objectionsResolved: true), by: user)
        _ = try await monitoring.approve(c.reference, StepRecord(date: next()), by: user)
        _ = try await monitoring.approve(c.reference, StepRecord(date: next()), by: user)
    }

    /// 耒阳's department feeds: a vehicle bought before enrolment (RL-03), one bought after it
    /// (an exception), and a large medical bill (a lead).
    static func feeds(_ picks: [Pick], _ environment: ServiceEnvironment, by user: User) async throws {
        let withMembers = picks.filter { $0.memberIDs.count >= 2 && $0.index % 10 == 5 }
        guard withMembers.count >= 2 else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-demo-feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let vehicles = folder.appendingPathComponent("vehicles.csv")
        try [
            "id_number,date,amount,detail,exit_measure", "\(withMembers[0].memberIDs[0]),2013-05-20,56000.00,湘D·A1234,false",
            "\(withMembers[1].memberIDs[0]),2019-08-01,68000.00,湘D·B5678,false",
        ].joined(separator: "\n").write(to: vehicles, atomically: true, encoding: .utf8)
        _ = try await FeedService(environment).importFeed(.vehicles, file: vehicles, by: user)
        guard environment.today >= date(2026, 9, 15) else { return }
        let bills = folder.appendingPathComponent("medical.csv")
        try ["id_number,date,amount", "\(withMembers[0].memberIDs[1]),2026-09-15,38000.00"].joined(separator: "\n").write(
            to: bills, atomically: true, encoding: .utf8)
        _ = try await FeedService(environment).importFeed(.medicalBills, file: bills, by: user)
    }
}
