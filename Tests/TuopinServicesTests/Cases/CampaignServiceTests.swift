import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

@Suite("Visit campaigns through the service", .serialized)
struct CampaignServiceTests {
    static var june2022: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }
    static let h1 = try! HouseholdNumber("4304811002010001")
    static let h2 = try! HouseholdNumber("4304811002010002")
    static let county = try! AdminCode("430481")

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    static func new(_ target: CampaignTarget = .enrolled) -> VisitCampaign {
        VisitCampaign(
            kind: .fullCoverageVisit, area: county, title: "2022年入户调查全覆盖", opens: try! CivilDate("2022-05-01"),
            closes: try! CivilDate("2022-06-30"), target: target, createdBy: "")
    }

    static func visit(
        _ id: String, _ key: CampaignKey, _ h: HouseholdNumber, income: Money? = nil, risks: [RiskType] = [], basis: String = ""
    )
        -> CampaignVisit
    {
        CampaignVisit(
            id: VisitID(id)!, campaign: key, household: h, visitor: "ignored", visitedAt: VisitTime("2022-05-20T10:00")!, metWith: "户主本人",
            secured: Set(BasicGuarantee.allCases), perCapitaIncome: income, risks: risks, basis: basis)
    }

    @Test(arguments: TestDatabase.available)
    func everyTargetIsAssignedVisitedOnceAndCovered(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = CampaignService(r.environment)
            let countyUser = try await r.user("county"), cadre = try await r.user("cadre"), township = try await r.user("township")
            let (campaign, households) = try await service.create(Self.new(), by: countyUser)
            #expect(campaign.key == CampaignKey(county: "430481", number: 1))
            // Both households are on the roll; 白溪村 has its own cadre, who gets both.
            #expect(households.map(\.household) == [Self.h1, Self.h2] && households.allSatisfy { $0.assignee == "cadre" })
            #expect(campaign.createdBy == "county" && campaign.title == "2022年入户调查全覆盖")
            var progress = try await service.coverage(campaign.key, by: countyUser)
            #expect(progress.total == CampaignCoverage(targets: 2, assigned: 2, visited: 0) && progress.notVisited.count == 2)

            // The field form shows the cadre's households with the facts the visit is compared with.
            let (_, field) = try await service.fieldList(campaign.key, by: cadre)
            #expect(field.map(\.row.household) == [Self.h1, Self.h2] && field.map(\.row.headName) == ["刘伟", "王强"])
            #expect(field[0].snapshot.perCapitaIncome == .yuan(4_000), "the latest income up to the campaign's year: 2017's 12,000 ÷ 3")

            // 3,000 observed against 4,000 recorded is off by 25% (> 20%): one difference for the township.
            let first = try await service.visit(
                Self.visit("visit-h1-0001", campaign.key, Self.h1, income: .yuan(3_000), basis: field[0].snapshot.basis), by: cadre)
            #expect(first == .init(visit: VisitID("visit-h1-0001")!, duplicate: false, differences: 1, lead: nil))
            // Sent again (the connection dropped after the server took it): taken once.
            let again = try await service.visit(Self.visit("visit-h1-0001", campaign.key, Self.h1, income: .yuan(3_000)), by: cadre)
            #expect(again.duplicate && again.differences == 0)
            #expect(try await service.visits(campaign.key, by: countyUser).count == 1)
            progress = try await service.coverage(campaign.key, by: countyUser)
            #expect(
                progress.total.visited == 1 && progress.total.percent?.description == "50.00" && progress.notVisited.map(\.household) == [Self.h2])
            #expect(progress.byCadre.map(\.cadre) == ["cadre"] && progress.byArea.map(\.name) == ["黄市镇"])
            // The same id for another household is a fault of the device, not a duplicate.
            await #expect(throws: CampaignError.visitIdReused("visit-h1-0001")) {
                try await service.visit(Self.visit("visit-h1-0001", campaign.key, Self.h2), by: cadre)
            }

            // A risk seen on a visit raises a monitoring lead (干部走访排查).
            let second = try await service.visit(Self.visit("visit-h2-0001", campaign.key, Self.h2, risks: [.illness]), by: cadre)
            let lead = try #require(second.lead)
            let cases = try await MonitoringQuery.cases(county: "430481", household: Self.h2, r.store.sql)
            #expect(cases.map(\.reference) == [lead] && cases[0].channel == .cadreVisit)
            #expect(try await service.visits(campaign.key, household: Self.h2, by: cadre).first?.lead == lead)
            progress = try await service.coverage(campaign.key, by: township)
            #expect(progress.total == CampaignCoverage(targets: 2, assigned: 2, visited: 2) && progress.total.percent?.description == "100.00")

            // The township decides the difference, once, with a reason.
            let open = try await service.differences(campaign.key, by: township)
            #expect(open.map(\.difference.kind) == [.income] && open[0].difference.registry == "4000.00" && open[0].difference.visit == "3000.00")
            await #expect(throws: AccessDenied.self) { try await service.decide(open[0].key, .registryStands, resolution: "核实", by: cadre) }
            await #expect(throws: CampaignError.resolutionNeeded) {
                try await service.decide(open[0].key, .registryStands, resolution: " ", by: township)
            }
            try await service.decide(open[0].key, .visitConfirmed, resolution: "外出务工收入减少，下次更新收入", by: township)
            await #expect(throws: CampaignError.differenceDecided(open[0].key.description)) {
                try await service.decide(open[0].key, .registryStands, resolution: "再议", by: township)
            }
            #expect(try await service.differences(campaign.key, by: township).isEmpty)
            #expect(try await service.differences(campaign.key, state: .visitConfirmed, by: countyUser).count == 1)

            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.filter { $0.action == "campaignCreated" }.count == 1 && audit.filter { $0.action == "visitRecorded" }.count == 2)
            #expect(audit.filter { $0.action == "differenceDecided" }.count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func targetsConflictsReassignmentAndRefusals(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = CampaignService(r.environment)
            let countyUser = try await r.user("county"), cadre = try await r.user("cadre")
            // The target rules choose by status and exit year; no household is monitored yet.
            #expect(try await service.create(Self.new(.exitedIn(2017)), by: countyUser).1.map(\.household) == [Self.h1])
            #expect(try await service.create(Self.new(.statuses([.notExited])), by: countyUser).1.map(\.household) == [Self.h2])
            await #expect(throws: CampaignError.noHouseholds("430481")) { try await service.create(Self.new(.monitored), by: countyUser) }
            // A campaign recorded after it opened takes the roll of its first day: in 2016 neither household had exited.
            var earlier = Self.new(.statuses([.notExited]))
            earlier.opens = d("2016-05-01")
            earlier.closes = d("2016-06-30")
            #expect(try await service.create(earlier, by: countyUser).1.map(\.household) == [Self.h1, Self.h2])
            earlier.opens = d("2010-05-01")
            earlier.closes = d("2010-06-30")
            await #expect(throws: CampaignError.noHouseholds("430481"), "before anyone was identified") {
                try await service.create(earlier, by: countyUser)
            }
            // Only county and city offices start campaigns; named cadres must be able to visit the villages.
            for name in ["cadre", "township", "inspector"] {
                await #expect(throws: AccessDenied.self, "\(name)") { try await service.create(Self.new(), by: r.user(name)) }
            }
            await #expect(throws: CampaignError.notACadre("othercadre")) {
                try await service.create(Self.new(), cadres: ["othercadre"], by: countyUser)
            }
            let (campaign, named) = try await service.create(Self.new(), cadres: ["township"], by: countyUser)
            #expect(campaign.key.number == 4, "three campaigns before it")
            #expect(named.allSatisfy { $0.assignee == "township" })
            var refused = Self.new()
            refused.closes = d("2022-04-30")
            await #expect(throws: CampaignError.self) { try await service.create(refused, by: countyUser) }

            // Reassigned to the village's cadre; another village's cadre may not be given it.
            try await service.reassign(campaign.key, household: Self.h1, to: "cadre", by: countyUser)
            await #expect(throws: CampaignError.notACadre("othercadre")) {
                try await service.reassign(campaign.key, household: Self.h1, to: "othercadre", by: countyUser)
            }
            // The year's home visit recorded safe water as not secured, and the house as grade B:
            // the field form's facts (read for all of a cadre's households at once) are the household's own.
            try await r.store.transaction { tx in
                try await HouseholdYearQuery.save(
                    HouseholdYear(
                        household: Self.h1, year: 2022, securedGuarantees: Set(BasicGuarantee.allCases).subtracting([.safeWater]),
                        living: LivingConditions(dangerGrade: .b)),
                    county: "430481", in: tx)
            }
            let field = try await service.fieldList(campaign.key, by: cadre).1
            #expect(field.map(\.row.household) == [Self.h1])
            let single = try await VisitQuery.snapshot(county: "430481", household: Self.h1, year: 2022, r.store.sql)
            #expect(field[0].snapshot == single && single.dangerGrade == .b && single.secured?.contains(.safeWater) == false)

            // A form loaded before a registry change: the visit is kept and both versions go to review.
            let conflict = try await service.visit(Self.visit("visit-stale-01", campaign.key, Self.h1, basis: "0000000000000000"), by: cadre)
            #expect(conflict.differences == 2 && !conflict.duplicate)
            let found = try await service.differences(campaign.key, by: countyUser)
            #expect(found.map(\.difference.kind) == [.guarantee, .conflict] && found[0].difference.subject == "safeWater")
            #expect(
                found[1].difference.registry == "secured=basicMedical+clothing+compulsoryEducation+food+safeHousing;income=4000.00;danger=b;toilet=-")

            // Outside the campaign's scope or period, or not one of its households.
            await #expect(throws: AccessDenied.self) {
                try await service.visit(Self.visit("visit-other-01", campaign.key, Self.h1), by: r.user("othercadre"))
            }
            var late = Self.visit("visit-late-001", campaign.key, Self.h2)
            late.visitedAt = VisitTime("2022-07-01T09:00")!
            await #expect(throws: CampaignError.self) { try await service.visit(late, by: r.user("township")) }
            await #expect(throws: CampaignError.notFound("430481-99")) {
                try await service.visit(Self.visit("visit-none-001", CampaignKey(county: "430481", number: 99), Self.h1), by: cadre)
            }
            // A refusal is worded with its values.
            do {
                _ = try await service.visit(late, by: r.user("township"))
            } catch let e as CampaignError {
                #expect(e.message(r.environment.strings[.zh]).contains("走访日期 2022-07-01 应在活动期 2022-05-01 至 2022-06-30 内"))
            }
        }
    }
}
