import TuopinCore
import TuopinServices

/// The demo county's two visit campaigns, started by the county office over every enrolled
/// household and assigned to each village's own cadres (the demo has accounts for one township,
/// so the county office holds the rest):
///
/// - autumn 2020, 脱贫质量“回头看” (2020-09-20 to 2020-10-31): every household of the demo
///   township visited by its cadres between 10-08 and 10-28;
/// - 2025, 防止返贫入户调查全覆盖 (2025-03-01 to 2025-05-31): the village cadre's households all
///   visited, the township officer's every other one.
///
/// What a visit sees is drawn from the demo's generator around the registry's own facts: most
/// agree with it, a few lack a guarantee or report an income off by 30% — differences for the
/// township, which decided the 2020 ones. No risk is reported, so the monitoring figures stay
/// those of `DemoMonitoring`. Left out when today is before a campaign closes.
enum DemoCampaigns {
    struct Plan {
        var kind: CampaignKind
        var title: String
        var opens: CivilDate
        var closes: CivilDate
        var firstVisit: CivilDate
        /// Of the township officer's households, every `townshipStride`-th is visited (1: all).
        var townshipStride: Int
        var decide: Bool
    }

    static let plans = [
        Plan(
            kind: .reviewCampaign, title: "2020 年脱贫质量“回头看”", opens: CivilDate(year: 2020, month: 9, day: 20)!,
            closes: CivilDate(year: 2020, month: 10, day: 31)!, firstVisit: CivilDate(year: 2020, month: 10, day: 8)!, townshipStride: 1, decide: true
        ),
        Plan(
            kind: .fullCoverageVisit, title: "2025 年防止返贫致贫入户调查全覆盖", opens: CivilDate(year: 2025, month: 3, day: 1)!,
            closes: CivilDate(year: 2025, month: 5, day: 31)!, firstVisit: CivilDate(year: 2025, month: 3, day: 10)!, townshipStride: 2,
            decide: false),
    ]

    static func run(in environment: ServiceEnvironment, accounts: [DemoUsers.Account]) async throws {
        let users = try DemoUsers.byName(accounts)
        guard let county = users["county.office"], case .area(let area) = county.scope else { return }
        let service = CampaignService(environment)
        var random = SeededRandom(seed: 20_201_008)
        for plan in plans where plan.closes <= environment.today {
            let (campaign, _) = try await service.create(
                VisitCampaign(
                    kind: plan.kind, area: area, title: plan.title, opens: plan.opens, closes: plan.closes, target: .enrolled, createdBy: ""),
                by: county)
            for (name, stride) in [("village.cadre", 1), ("township.officer", plan.townshipStride)] {
                guard let cadre = users[name] else { continue }
                let (_, households) = try await service.fieldList(campaign.key, by: cadre)
                for (i, h) in households.enumerated() where i % stride == 0 {
                    try await visit(h, index: i, plan: plan, campaign: campaign.key, by: cadre, service: service, random: &random)
                }
            }
            guard plan.decide, let township = users["township.officer"] else { continue }
            for (i, d) in try await service.differences(campaign.key, by: township).enumerated() {
                let corrected = i % 2 == 0
                try await service.decide(
                    d.key, corrected ? .visitConfirmed : .registryStands,
                    resolution: corrected ? "复核属实，由村里在户页面更正登记" : "复核后维持原登记信息（走访时户主不在家，由邻居代答）", by: township)
            }
        }
    }

    static func visit(
        _ h: FieldHousehold, index: Int, plan: Plan, campaign: CampaignKey, by cadre: User, service: CampaignService, random: inout SeededRandom
    ) async throws {
        var secured = h.snapshot.secured ?? Set(BasicGuarantee.allCases)
        if random.chance(0.02) { secured.remove(random.pick([.safeHousing, .safeWater, .basicMedical])) }
        var income = h.snapshot.perCapitaIncome
        if let recorded = income {
            let factor = random.chance(0.03) ? 0.7 : 0.9 + random.unit() * 0.2
            income = Money(fen: Int64((Double(recorded.fen) * factor).rounded()))
        }
        let day = plan.firstVisit.adding(days: index % 21)
        let visit = CampaignVisit(
            id: VisitID("demo-\(campaign)-\(h.row.household.rawValue)")!, campaign: campaign, household: h.row.household, visitor: "",
            visitedAt: VisitTime(date: day, minute: 8 * 60 + 30 + (index % 16) * 30)!, metWith: random.chance(0.85) ? "户主本人" : "户主配偶",
            secured: secured, perCapitaIncome: income, dangerGrade: h.snapshot.dangerGrade, sanitaryToilet: h.snapshot.sanitaryToilet,
            basis: h.snapshot.basis)
        _ = try await service.visit(visit, by: cadre)
    }
}
