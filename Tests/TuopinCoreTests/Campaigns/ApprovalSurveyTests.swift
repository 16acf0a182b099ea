import Testing

@testable import TuopinCore

@Suite("Public approval surveys: a reproducible sample and approval by area (REFERENCE §3.5)")
struct ApprovalSurveyTests {
    static let v1 = try! AdminCode("430481100201")
    static let v2 = try! AdminCode("430481100202")
    static let candidates: [AdminCode: [HouseholdNumber]] = [
        v1: (1...10).map { try! HouseholdNumber(String(format: "43048110020100%02d", $0)) },
        v2: (1...3).map { try! HouseholdNumber(String(format: "43048110020200%02d", $0)) },
    ]

    /// The oracle was computed by an independent implementation (Python: SplitMix64 seeded with
    /// the seed XOR FNV-1a of the stratum's code, a partial Fisher–Yates over the sorted candidates).
    @Test("the draw is the one the recorded seed gives, in every stratum, without replacement")
    func oracle() {
        let sample = SurveySampling.draw(Self.candidates, perStratum: 4, seed: 20_201_015)
        #expect(
            sample.map(\.household.rawValue) == [
                "4304811002010009", "4304811002010008", "4304811002010003", "4304811002010010",
                "4304811002020002", "4304811002020003", "4304811002020001",
            ])
        #expect(sample.map(\.order) == [1, 2, 3, 4, 1, 2, 3])
        #expect(sample.map(\.stratum) == [Self.v1, Self.v1, Self.v1, Self.v1, Self.v2, Self.v2, Self.v2], "a small village gives all it has")
    }

    @Test("the same seed draws the same sample whatever order the households were read in; another seed another")
    func reproducible() {
        var shuffled = Self.candidates
        shuffled[Self.v1]!.reverse()
        let a = SurveySampling.draw(Self.candidates, perStratum: 5, seed: 7)
        #expect(SurveySampling.draw(shuffled, perStratum: 5, seed: 7) == a)
        #expect(SurveySampling.draw(Self.candidates, perStratum: 5, seed: 8) != a)
        #expect(Set(a.map(\.household)).count == a.count)
        #expect(SurveySampling.draw(Self.candidates, perStratum: 0, seed: 7).isEmpty)
    }

    /// Approving ÷ surveyed; households not reached and not yet asked are not surveyed.
    @Test(
        "approval counts 很满意, 满意 and 基本满意 over the households surveyed",
        arguments: [
            ([Satisfaction.verySatisfied, .satisfied, .basicallySatisfied, .dissatisfied], 4, 3, "75.00"),
            ([.satisfied, .notReached, .dissatisfied], 2, 1, "50.00"),
            ([.satisfied, .satisfied, .satisfied], 3, 3, "100.00"),
        ])
    func approval(answers: [Satisfaction], surveyed: Int, approving: Int, percent: String) throws {
        var samples = answers.enumerated().map { i, a in
            SurveySample(household: try! HouseholdNumber(String(format: "43048110020100%02d", i + 1)), stratum: Self.v1, order: i + 1, answer: a)
        }
        samples.append(SurveySample(household: try HouseholdNumber("4304811002010099"), stratum: Self.v1, order: 99))
        let t = ApprovalTally(samples)
        #expect(t.surveyed == surveyed && t.approving == approving && t.percent?.description == percent)
        #expect(t.pending == 1 && t.sampled == answers.count + 1)
    }

    @Test("a survey needs a title, a year not after its draw, strata below its area and 1–1,000 households each")
    func rules() throws {
        let ok = ApprovalSurvey(
            area: try AdminCode("430481"), year: 2020, title: "耒阳市 2020 年脱贫群众认可度调查", stratum: .village, perStratum: 5, seed: 1,
            drawnOn: try CivilDate("2020-10-20"), drawnBy: "county.office")
        #expect(SurveyRules.evaluate(ok, today: ok.drawnOn).passed)
        var bad = ok
        bad.year = 2021
        bad.perStratum = 0
        bad.area = try AdminCode("430481100201")
        #expect(SurveyRules.evaluate(bad, today: ok.drawnOn).failedChecks.map(\.rule) == [SurveyRules.year, SurveyRules.stratum, SurveyRules.size])
        #expect(SurveyRules.evaluate(ok, today: try CivilDate("2020-10-19")).failedChecks.map(\.rule) == [SurveyRules.drawnOn])
        let d = try CivilDate("2020-10-20")
        #expect(
            SurveyRules.answer(on: try CivilDate("2020-10-19"), drawnOn: d, note: "", today: d).failedChecks.map(\.rule) == [SurveyRules.answerDate])
    }
}
