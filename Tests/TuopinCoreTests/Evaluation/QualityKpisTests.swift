import Testing

@testable import TuopinCore

@Suite("Quality KPIs, 三率一度 (REFERENCE §3.5, R-10)")
struct QualityKpisTests {
    static func sample(_ exited: (Int64, Int64), _ missed: (Int64, Int64), _ included: (Int64, Int64) = (0, 0)) -> QualitySample {
        QualitySample(
            sampledExited: exited.0, wronglyExited: exited.1, sampledNonEnrolled: missed.0, verifiedMissed: missed.1, sampledEnrolled: included.0,
            wronglyIncluded: included.1)
    }

    /// 1,000 rural people; the remaining poor and those the checks found count towards composite incidence.
    static func registry(_ remaining: Int64) -> QualityKpis.Registry {
        QualityKpis.Registry(remainingPoorPeople: remaining, ruralRegisteredPopulation: 1_000)
    }

    @Test(
        arguments: [
            // remaining poor of 1,000; (checked, found) for wrong exits and missed; surveyed, approving; the failed KPIs
            (15, (200, 4), (500, 0), 100, 90, [RuleID]()),  // exactly 2%, exactly 90%; 15 + 0 + 4 = 1.9% < 2%
            (16, (200, 4), (500, 0), 100, 90, [QualityKpis.compositeIncidence]),  // 16 + 4 = 2.0% is not below 2%
            (10, (199, 4), (500, 0), 100, 90, [QualityKpis.wrongExitRate]),  // 2.01%
            (5, (200, 4), (499, 10), 100, 90, [QualityKpis.missedRate]),  // 5 + 10 + 4 = 1.9%
            (10, (200, 4), (500, 0), 100, 89, [QualityKpis.publicApproval]),
            (0, (0, 0), (0, 0), 0, 0, [QualityKpis.wrongExitRate, QualityKpis.missedRate, QualityKpis.publicApproval]),
        ] as [(Int64, (Int64, Int64), (Int64, Int64), Int64, Int64, [RuleID])])
    func theThresholdsDecide(remaining: Int64, exited: (Int64, Int64), missed: (Int64, Int64), surveyed: Int64, approving: Int64, failed: [RuleID]) {
        let d = QualityKpis.evaluate(Self.sample(exited, missed), surveyed: surveyed, approving: approving, registry: Self.registry(remaining))
        #expect(d.failedChecks.map(\.rule) == failed)
        #expect(d.passed == failed.isEmpty)
    }

    @Test func compositeIncidenceCountsWhatTheChecksFound() {
        let d = QualityKpis.evaluate(Self.sample((300, 4), (100, 1)), surveyed: 3, approving: 3, registry: Self.registry(10))
        let composite = d.checks[0]
        #expect(composite.rule == QualityKpis.compositeIncidence && composite["rate"] == .decimal(Ratio(15, 1_000).percent(places: 2)))
        #expect(composite["remaining"] == .count(10) && composite["missed"] == .count(1) && composite["wronglyExited"] == .count(4))
        // Without registry figures (checks at an area's own level) it is left out, not failed.
        let own = QualityKpis.evaluate(Self.sample((300, 4), (100, 1)), surveyed: 3, approving: 3, registry: nil)
        #expect(own.checks.map(\.rule) == [QualityKpis.wrongExitRate, QualityKpis.missedRate, QualityKpis.publicApproval] && own.passed)
    }

    @Test func ratesAreExactPercentagesAndANoSampleRateIsMissing() {
        let d = QualityKpis.evaluate(Self.sample((300, 4), (0, 0), (7, 1)), surveyed: 3, approving: 2, registry: nil)
        #expect(d.checks[0]["rate"] == .decimal(Ratio(4, 300).percent(places: 2)) && Ratio(4, 300).percent(places: 2).text == "1.33")
        #expect(d.checks[1]["rate"] == .missing && d.checks[1]["sampled"] == .count(0))
        #expect(d.checks[2]["rate"] == .decimal(Ratio(2, 3).percent(places: 2)) && d.checks[2]["minimum"] == .count(90))
        // The wrong-inclusion rate is beside the four, for information only.
        #expect(QualityKpis.wrongInclusionRate(Self.sample((300, 4), (0, 0), (7, 1)))?.text == "14.29")
        #expect(QualityKpis.wrongInclusionRate(Self.sample((300, 4), (0, 0))) == nil)
        #expect(!d.checks.contains { $0.rule.rawValue.contains("Inclusion") })
    }

    @Test func theThresholdsInForceAreThoseUsed() {
        var t = ExitThresholds.reference
        t.countyErrorRatePercent = 3
        t.countyApprovalPercent = 95
        t.countyIncidencePercent = 3
        let s = Self.sample((100, 3), (100, 3))
        // Under the reference thresholds 3% is too many and 94% approval enough; under these, the reverse.
        #expect(
            QualityKpis.evaluate(s, surveyed: 100, approving: 94, registry: Self.registry(20)).failedChecks.map(\.rule) == [
                QualityKpis.compositeIncidence, QualityKpis.wrongExitRate, QualityKpis.missedRate,
            ])
        let d = QualityKpis.evaluate(s, surveyed: 100, approving: 94, registry: Self.registry(20), thresholds: t)
        #expect(d.failedChecks.map(\.rule) == [QualityKpis.publicApproval] && d.checks[1]["maximum"] == .count(3))
    }

    @Test func samplesAddUp() {
        let a = Self.sample((1, 0), (2, 1), (3, 0)), b = Self.sample((10, 1), (20, 0), (30, 2))
        #expect(a + b == Self.sample((11, 1), (22, 1), (33, 2)))
        #expect(QualitySample.zero.isEmpty && !a.isEmpty && (a + .zero) == a)
    }
}

@Suite("Recording a sample check")
struct QualityAssessmentRulesTests {
    static let today = try! CivilDate("2022-06-01")

    static func check(
        area: String = "430481", year: Int = 2022, on: String = "2022-05-20", _ sample: QualitySample, note: String = ""
    ) throws -> QualityAssessment {
        QualityAssessment(
            area: try AdminCode(area), year: year, body: .provincial, sample: sample, checkedOn: try CivilDate(on), note: note, recordedBy: "county")
    }

    @Test(
        arguments: [
            ("430481", 2022, "2022-05-20", QualitySample(sampledExited: 10, wronglyExited: 1), 0, [RuleID]()),
            ("430481100201", 2021, "2022-01-10", QualitySample(sampledEnrolled: 5, wronglyIncluded: 5), 0, []),
            ("430400", 2022, "2022-05-20", QualitySample(sampledExited: 10), 0, [QualityAssessmentRules.area]),  // a city: checked per county
            ("430481", 2023, "2022-05-20", QualitySample(sampledExited: 10), 0, [QualityAssessmentRules.year]),
            ("430481", 1900, "2022-05-20", QualitySample(sampledExited: 10), 0, [QualityAssessmentRules.year]),
            ("430481", 2022, "2022-06-02", QualitySample(sampledExited: 10), 0, [QualityAssessmentRules.checkedOn]),
            (
                "430481", 2022, "2022-05-20", QualitySample(sampledExited: -1), 0,
                [QualityAssessmentRules.counts, QualityAssessmentRules.withinSample, QualityAssessmentRules.sampled]
            ),
            ("430481", 2022, "2022-05-20", QualitySample(sampledExited: 10_000_001), 0, [QualityAssessmentRules.counts]),
            ("430481", 2022, "2022-05-20", QualitySample(sampledNonEnrolled: 4, verifiedMissed: 5), 0, [QualityAssessmentRules.withinSample]),
            ("430481", 2022, "2022-05-20", QualitySample(), 0, [QualityAssessmentRules.sampled]),
            ("430481", 2022, "2022-05-20", QualitySample(sampledExited: 1), 501, [QualityAssessmentRules.note]),
        ] as [(String, Int, String, QualitySample, Int, [RuleID])])
    func aCheckIsRecordedOnlyWhenItCanBeTrue(area: String, year: Int, on: String, sample: QualitySample, note: Int, failed: [RuleID]) throws {
        let d = QualityAssessmentRules.evaluate(
            try Self.check(area: area, year: year, on: on, sample, note: String(repeating: "注", count: note)), today: Self.today)
        #expect(d.failedChecks.map(\.rule) == failed)
    }

    @Test func theFindingBeyondItsSampleIsNamed() throws {
        let d = QualityAssessmentRules.evaluate(
            try Self.check(QualitySample(sampledExited: 10, wronglyExited: 2, sampledEnrolled: 3, wronglyIncluded: 4)), today: Self.today)
        let beyond = try #require(d.failedChecks.first)
        #expect(beyond.rule == QualityAssessmentRules.withinSample && beyond["found"] == .count(4) && beyond["sampled"] == .count(3))
    }
}
