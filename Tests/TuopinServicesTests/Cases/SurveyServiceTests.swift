import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

@Suite("Public approval surveys through the service", .serialized)
struct SurveyServiceTests {
    static var june2022: TestClock { TestClock(Date(timeIntervalSince1970: 1_654_041_600)) }
    static let h1 = try! HouseholdNumber("4304811002010001")
    static let h2 = try! HouseholdNumber("4304811002010002")

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    @Test(arguments: TestDatabase.available)
    func aSampleIsDrawnFromItsSeedAnsweredAndCountedByArea(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = SurveyService(r.environment)
            let county = try await r.user("county")
            let area = try AdminCode("430481")
            // One of the two households drawn in 白溪村; the seed is recorded, and drawing again
            // from it over the same households gives the same household.
            let (survey, sample) = try await service.draw(area: area, year: 2022, title: "耒阳市群众认可度调查", perStratum: 1, seed: 42, by: county)
            #expect(survey.key == SurveyKey(county: "430481", number: 1) && survey.seed == 42 && survey.drawnOn == d("2022-06-01"))
            #expect(try sample.count == 1 && sample[0].stratum == AdminCode("430481100201"))
            let again = try await service.draw(area: area, year: 2022, title: "复抽", perStratum: 1, seed: 42, by: county)
            #expect(again.1.map(\.household) == sample.map(\.household) && again.0.key.number == 2)
            let all = try await service.draw(area: area, year: 2022, title: "全部", perStratum: 5, seed: 7, by: county)
            #expect(Set(all.1.map(\.household)) == [Self.h1, Self.h2], "a village with fewer households than asked gives all it has")

            try await service.answer(all.0.key, household: Self.h1, .basicallySatisfied, on: d("2022-06-01"), by: county)
            try await service.answer(all.0.key, household: Self.h2, .dissatisfied, on: d("2022-06-01"), note: "嫌帮扶项目少", by: county)
            var results = try await service.results(all.0.key, by: r.user("inspector"))
            #expect(results.total.surveyed == 2 && results.total.approving == 1 && results.total.percent?.description == "50.00")
            #expect(results.byStratum.map(\.name) == ["白溪村"] && results.byStratum[0].tally.sampled == 2)
            // An answer may be corrected; the latest counts.
            try await service.answer(all.0.key, household: Self.h2, .satisfied, on: d("2022-06-01"), by: county)
            results = try await service.results(all.0.key, by: county)
            #expect(results.total.approving == 2 && results.sample.first { $0.household == Self.h2 }?.note == "")

            // The county's latest survey of the year over the county is the evaluation's input.
            let approval = try #require(try await service.countyApproval(area, year: 2022, by: county))
            #expect(approval.0 == all.0.key && approval.1.surveyed == 2 && approval.1.approving == 2)
            #expect(try await service.countyApproval(area, year: 2021, by: county) == nil)
            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.filter { $0.action == "surveyDrawn" }.count == 3 && audit.filter { $0.action == "surveyAnswered" }.count == 3)
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusalsAreWordedAndScopeHolds(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database, clock: Self.june2022) { r in
            let service = SurveyService(r.environment)
            let county = try await r.user("county")
            let area = try AdminCode("430481")
            // Cadres and townships do not survey their own work; inspectors change nothing.
            for name in ["cadre", "township", "inspector"] {
                await #expect(throws: AccessDenied.self, "\(name)") {
                    _ = try await service.draw(area: area, year: 2022, title: "x", perStratum: 1, by: r.user(name))
                }
            }
            do {
                _ = try await service.draw(area: area, year: 2023, title: " ", perStratum: 0, by: county)
                Issue.record("a survey without a title was drawn")
            } catch let error as SurveyError {
                let words = error.message(try Localizer.load(.zh))
                #expect(words.contains("调查名称不能为空") && words.contains("调查年度 2023") && words.contains("每个抽样单位抽取 0 户"), "\(words)")
            }
            await #expect(throws: SurveyError.noHouseholds("430424")) {
                _ = try await service.draw(area: try AdminCode("430424"), year: 2022, title: "x", perStratum: 1, by: r.user("admin"))
            }
            let (s, _) = try await service.draw(area: area, year: 2022, title: "x", perStratum: 1, seed: 42, by: county)
            let drawn = try await service.results(s.key, by: county).sample[0].household
            let other = drawn == Self.h1 ? Self.h2 : Self.h1
            await #expect(throws: SurveyError.notSampled(survey: s.key.description, household: other.rawValue)) {
                try await service.answer(s.key, household: other, .satisfied, on: d("2022-06-01"), by: county)
            }
            await #expect(throws: SurveyError.self) { try await service.answer(s.key, household: drawn, .satisfied, on: d("2022-05-31"), by: county) }
            await #expect(throws: SurveyError.notFound(s.key.description)) { _ = try await service.survey(s.key, by: r.user("othercadre")) }
        }
    }
}
