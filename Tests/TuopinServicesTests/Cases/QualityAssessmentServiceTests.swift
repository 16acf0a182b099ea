import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

@Suite("Quality KPIs (R-10) through the service", .serialized)
struct QualityAssessmentServiceTests {
    static var june2022: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }
    static let h1 = try! HouseholdNumber("4304811002010001")
    static let h2 = try! HouseholdNumber("4304811002010002")

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    @Test(arguments: TestDatabase.available)
    func checksAndAnswersAddUpByChildArea(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = QualityAssessmentService(r.environment)
            let county = try await r.user("county"), city = try await r.user("city")
            let township = try AdminCode("430481100")
            // 白溪村: 4 of 200 wrongly exited (2.00%, met), 3 of 100 wrongly included (3.00%, not met);
            // 石湾村: 5 of 500 missed; the township itself: 100 exited people, none wrong.
            let first = try await service.record(
                area: AdminCode(SmallRegistry.village), year: 2022, body: .provincial,
                sample: QualitySample(sampledExited: 200, wronglyExited: 4, sampledEnrolled: 100, wronglyIncluded: 3), checkedOn: d("2022-05-20"),
                note: "省级交叉考核", by: city)
            #expect(first.key == AssessmentKey(county: "430481", number: 1) && first.recordedBy == "city")
            _ = try await service.record(
                area: AdminCode(SmallRegistry.otherVillage), year: 2022, body: .national,
                sample: QualitySample(sampledNonEnrolled: 500, verifiedMissed: 5), by: city)
            _ = try await service.record(area: township, year: 2022, body: .county, sample: QualitySample(sampledExited: 100), by: county)
            // Last year's check counts in last year's report only.
            _ = try await service.record(
                area: township, year: 2021, body: .county, sample: QualitySample(sampledExited: 10, wronglyExited: 10), checkedOn: d("2021-12-01"),
                by: county)

            // 白溪村's two households answer this year's survey: one approves.
            let surveys = SurveyService(r.environment)
            let (survey, _) = try await surveys.draw(area: AdminCode("430481"), year: 2022, title: "认可度", perStratum: 5, seed: 1, by: county)
            try await surveys.answer(survey.key, household: Self.h1, .satisfied, on: d("2022-06-01"), by: county)
            try await surveys.answer(survey.key, household: Self.h2, .dissatisfied, on: d("2022-06-01"), by: county)
            // A second survey asks 白溪村's households again: each counts once, with its latest answer.
            let (again, _) = try await surveys.draw(area: AdminCode("430481"), year: 2022, title: "复查", perStratum: 5, seed: 2, by: county)
            try await surveys.answer(again.key, household: Self.h1, .verySatisfied, on: d("2022-06-01"), by: county)
            try await surveys.answer(again.key, household: Self.h2, .dissatisfied, on: d("2022-06-01"), by: county)

            let report = try await service.kpis(of: township, year: 2022, by: r.user("inspector"))
            #expect(report.rows.map(\.code) == [SmallRegistry.village, SmallRegistry.otherVillage, "430481100"])
            #expect(report.rows.map(\.name) == ["白溪村", "石湾村", nil])
            let baixi = report.rows[0], shiwan = report.rows[1], own = report.rows[2]
            #expect(baixi.sample == QualitySample(sampledExited: 200, wronglyExited: 4, sampledEnrolled: 100, wronglyIncluded: 3))
            #expect(baixi.surveyed == 2 && baixi.approving == 1)
            // Composite incidence is met (the village's 1 remaining poor person and the 4 found wrongly
            // exited of 2,000); nobody non-enrolled was checked there, and approval is 50%.
            #expect(baixi.decision.failedChecks.map(\.rule) == [QualityKpis.missedRate, QualityKpis.publicApproval])
            #expect(baixi.registry == QualityKpis.Registry(remainingPoorPeople: 1, ruralRegisteredPopulation: 2_000))
            #expect(baixi.wrongInclusionRate?.text == "3.00")
            #expect(shiwan.sample.verifiedMissed == 5 && shiwan.surveyed == 0)
            #expect(own.sample == QualitySample(sampledExited: 100))
            // The rows add up to the total.
            #expect(
                report.total.sample
                    == QualitySample(
                        sampledExited: 300, wronglyExited: 4, sampledNonEnrolled: 500, verifiedMissed: 5, sampledEnrolled: 100, wronglyIncluded: 3))
            #expect(report.total.surveyed == 2 && report.total.approving == 1 && report.total.name == "黄市镇")
            let shown = QualityKpiExport.row(report.total, try Localizer.load(.zh))
            #expect(
                shown.wrongExitRate == "1.33" && shown.missedRate == "1.00" && shown.wrongInclusionRate == "3.00" && shown.approvalRate == "50.00")
            #expect(!shown.met && shown.reasons[1] == "错退率 1.33%（抽查 300 人中 4 人），不超过 2%")
            #expect(shown.reasons[0] == "综合贫困发生率 0.50%，低于 2%（未脱贫 1 + 漏评 5 + 错退 4，农村户籍人口 2,000）" && shown.compositeIncidence == "0.50")
            #expect(
                own.registry == nil
                    && own.decision.checks.map(\.rule) == [QualityKpis.wrongExitRate, QualityKpis.missedRate, QualityKpis.publicApproval])

            // One level up everything is the township's; the year before holds only its own check.
            let up = try await service.kpis(of: AdminCode("430481"), year: 2022, by: county)
            #expect(up.rows.map(\.code) == ["430481100"] && up.rows[0].sample == report.total.sample && up.rows[0].surveyed == 2)
            let before = try await service.kpis(of: township, year: 2021, by: county)
            #expect(before.total.sample == QualitySample(sampledExited: 10, wronglyExited: 10) && before.total.surveyed == 0)
            #expect(before.rows.map(\.code) == [SmallRegistry.village, SmallRegistry.otherVillage, "430481100"])

            // The county exit evaluation takes the checks of the highest body that checked the county that
            // year (the national evaluation's), not the county's own checks with it.
            let forExit = try #require(try await service.countySample(AdminCode("430481"), year: 2022, by: county))
            #expect(forExit.body == .national && forExit.checks == 1 && forExit.sample == QualitySample(sampledNonEnrolled: 500, verifiedMissed: 5))
            #expect(try await service.countySample(AdminCode("430481"), year: 2020, by: county) == nil)

            let csv = QualityKpiExport.csv(report, try Localizer.load(.zh)).split(separator: "\n")
            #expect(csv.count == 5 && csv[0].hasPrefix("区划代码,区划名称,综合贫困发生率(%),抽查已脱贫人口,错退人数,错退率(%)"))
            #expect(csv[1] == "430481100,黄市镇,0.50,300,4,1.33,500,5,1.00,100,3,3.00,2,1,50.00,未达标")
            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.filter { $0.action == "assessmentRecorded" }.count == 4)
            await #expect(throws: QualityAssessmentError.year(2023)) { _ = try await service.kpis(of: township, year: 2023, by: county) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusalsAreWordedAndScopeHolds(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = QualityAssessmentService(r.environment)
            let county = try await r.user("county")
            let area = try AdminCode("430481")
            for name in ["cadre", "township"] {
                await #expect(throws: AccessDenied.self, "\(name)") {
                    _ = try await service.record(area: area, year: 2022, body: .county, sample: QualitySample(sampledExited: 1), by: r.user(name))
                }
            }
            do {
                _ = try await service.record(
                    area: area, year: 2022, body: .county, sample: QualitySample(sampledNonEnrolled: 4, verifiedMissed: 5), by: county)
                Issue.record("a check that found more than it checked was recorded")
            } catch let error as QualityAssessmentError {
                let words = error.message(try Localizer.load(.zh))
                #expect(words == "抽样核查结果未登记：查出 5 人，多于抽查的 4 人", "\(words)")
            }
            // A county's officers record its own checks, not the findings of an evaluation above it.
            do {
                _ = try await service.record(area: area, year: 2022, body: .national, sample: QualitySample(sampledExited: 1), by: county)
                Issue.record("a county officer recorded a national evaluation")
            } catch let error as QualityAssessmentError {
                let words = error.message(try Localizer.load(.zh))
                #expect(error == .bodyNotYours(.national) && words.contains("国家第三方评估"), "\(words)")
            }
            _ = try await service.record(area: area, year: 2022, body: .national, sample: QualitySample(sampledExited: 1), by: r.user("city"))
            await #expect(throws: QualityAssessmentError.areaNotFound("430481100299")) {
                _ = try await service.record(
                    area: AdminCode("430481100299"), year: 2022, body: .county, sample: QualitySample(sampledExited: 1), by: county)
            }
            // A county office records nothing for another county, and a cadre reads only its own village.
            await #expect(throws: AccessDenied.self) {
                _ = try await service.record(
                    area: AdminCode("430424"), year: 2022, body: .county, sample: QualitySample(sampledExited: 1), by: county)
            }
            await #expect(throws: AccessDenied.self) { _ = try await service.kpis(of: AdminCode("430481100"), year: 2022, by: r.user("othercadre")) }
            await #expect(throws: QualityAssessmentError.year(99999)) { _ = try await service.kpis(of: area, year: 99999, by: county) }
            #expect(try await service.assessments(in: nil, by: county).map(\.body) == [.national])
        }
    }
}
