import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

/// The press report from the demo registry: the page's sentence for 耒阳 word for word, and
/// each published figure beside the recomputed one (REFERENCE §5.5).
@Suite("Press report and the reported series (REFERENCE §5.5)", .serialized)
struct PressReportTests {
    let leiyang = try! AdminCode("430481")
    let pressDay = CivilDate(year: 2020, month: 10, day: 15)!

    @Test(arguments: TestDatabase.available)
    func leiyangsSentenceIsThePagesWordForWord(_ database: TestDatabase) async throws {
        let store = try await DemoFixture.shared.store(on: database)
        let report = try await ReportService(try TestEnvironment.make(store: store)).press(of: leiyang, asOf: pressDay, by: TestEnvironment.system)
        let zh = PressStatement.lines(report.summary, try Localizer.load(.zh))
        #expect(zh.first == "贫困户总户数14466户43172人，已脱贫13454户40974人，未脱贫1012户2198人，贫困发生率下降至0.18%")
        #expect(zh.contains("34个贫困村全部出列"))
        let en = PressStatement.lines(report.summary, try Localizer.load(.en))
        #expect(
            en.first
                == "The roll holds 14,466 poor households with 43,172 people; 13,454 households with 40,974 people have left poverty, 1,012 households with 2,198 people have not yet, and the poverty incidence has fallen to 0.18%."
        )
        // The eight published figures of the press conference, each recomputed: all agree.
        #expect(report.comparisons.count == 8)
        let disagreeing = report.comparisons.filter { !$0.agrees }
        #expect(disagreeing.isEmpty, "\(disagreeing)")
        // Before the press day nothing was published yet.
        let before = try await ReportService(try TestEnvironment.make(store: store)).press(
            of: leiyang, asOf: CivilDate(year: 2020, month: 10, day: 14)!, by: TestEnvironment.system)
        #expect(before.comparisons.isEmpty)
    }

    @Test func aDifferenceIsRecomputedMinusReportedAtThePublishedPrecision() throws {
        let f = ReportedFigure(area: leiyang, asOf: pressDay, indicator: .incidencePercent, value: try FixedDecimal("7.1"), source: "x")
        #expect(FigureComparison(reported: f, recomputed: try FixedDecimal("7.10")).agrees)
        #expect(FigureComparison(reported: f, recomputed: try FixedDecimal("7.04")).difference == (try FixedDecimal("-0.1")))
        #expect(FigureComparison(reported: f, recomputed: nil).difference == nil)
    }

    @Test func anAdministratorRecordsAFigureWithItsSource() async throws {
        try await SmallRegistry.with { r in
            let service = ReportService(r.environment)
            let figure = ReportedFigure(area: leiyang, asOf: pressDay, indicator: .remainingPeople, value: try FixedDecimal("2"), source: "村务公开栏")
            await #expect(throws: AccessDenied.self) { try await service.report(figure, by: r.user("county")) }
            var unsourced = figure
            unsourced.source = " "
            await #expect(throws: ReportError.source) { try await service.report(unsourced, by: r.user("admin")) }
            try await service.report(figure, by: r.user("admin"))
            let series = try await service.reported(of: leiyang, by: r.user("county"))
            #expect(series.first { $0.indicator == .remainingPeople }?.value == (try FixedDecimal("2")))
            let press = try await service.press(of: leiyang, asOf: pressDay, by: r.user("county"))
            let remaining = try #require(press.comparisons.first { $0.reported.indicator == .remainingPeople })
            let one = try FixedDecimal("1"), minusOne = try FixedDecimal("-1")
            #expect(remaining.recomputed == one && remaining.difference == minusOne)
            // The statistics of the same area and date show the published figures beside theirs;
            // another date, or an area without published figures, shows none.
            let stats = StatisticsService(r.environment), county = try await r.user("county")
            let summary = try await stats.summary(of: leiyang, asOf: pressDay, by: county)
            let beside = try await service.comparisons(for: [summary], by: county)
            #expect(beside[leiyang.rawValue]?.first { $0.reported.indicator == .remainingPeople }?.difference == minusOne)
            #expect(
                beside[leiyang.rawValue]?.map(\.reported.indicator)
                    == HeadlineIndicator.allCases.filter { i in series.contains { $0.indicator == i && $0.asOf == pressDay } })
            let dayAfter = try await stats.summary(of: leiyang, asOf: CivilDate(year: 2020, month: 10, day: 16)!, by: county)
            #expect(try await service.comparisons(for: [dayAfter], by: county).isEmpty)
            let township = try await stats.summary(of: try AdminCode("430481100"), asOf: pressDay, by: county)
            #expect(try await service.comparisons(for: [township], by: county).isEmpty)
        }
    }
}
