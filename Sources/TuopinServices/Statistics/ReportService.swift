import TuopinCore
import TuopinStore
import TuopinStrings

/// The press report (REFERENCE §5.5): an area's figures as of a date, the way the page states
/// them, each published figure beside the one recomputed as of the published figure's own date.
public struct ReportService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public struct PressReport: Sendable {
        public var summary: AreaSummary
        /// The latest published figure of each indicator dated on or before the report's date.
        public var comparisons: [FigureComparison]
    }

    public func press(of code: AdminCode, asOf: CivilDate, by user: User) async throws -> PressReport {
        let statistics = StatisticsService(environment)
        let summary = try await statistics.summary(of: code, asOf: asOf, by: user)
        let figures = try await environment.store.read { try await ReportedFigureQuery.figures(of: code, asOf: asOf, $0.sql) }
        // Later rows win: the figures come by date.
        var latest: [HeadlineIndicator: ReportedFigure] = [:]
        for f in figures { latest[f.indicator] = f }
        var summaries: [CivilDate: AreaSummary] = [asOf: summary]
        var comparisons: [FigureComparison] = []
        for indicator in HeadlineIndicator.allCases {
            guard let f = latest[indicator] else { continue }
            if summaries[f.asOf] == nil { summaries[f.asOf] = try await statistics.summary(of: code, asOf: f.asOf, by: user) }
            comparisons.append(FigureComparison(reported: f, recomputed: indicator.value(in: summaries[f.asOf]!)))
        }
        return PressReport(summary: summary, comparisons: comparisons)
    }

    /// The figures published for each summary's area on exactly its date, each beside the one
    /// the summary recomputes: what `tuopin stats` shows under its figures. Keyed by area code.
    public func comparisons(for summaries: [AreaSummary], by user: User) async throws -> [String: [FigureComparison]] {
        var result: [String: [FigureComparison]] = [:]
        for summary in summaries {
            try await environment.authorize(user, .view, area: summary.area.code)
            let figures = try await environment.store.read {
                try await ReportedFigureQuery.figures(of: summary.area.code, asOf: summary.asOf, $0.sql)
            }
            let order = Dictionary(uniqueKeysWithValues: HeadlineIndicator.allCases.enumerated().map { ($1, $0) })
            let same = figures.filter { $0.asOf == summary.asOf }.sorted { order[$0.indicator, default: 0] < order[$1.indicator, default: 0] }
            guard !same.isEmpty else { continue }
            result[summary.area.code.rawValue] = same.map { FigureComparison(reported: $0, recomputed: $0.indicator.value(in: summary)) }
        }
        return result
    }

    /// The area's reported series, every date.
    public func reported(of code: AdminCode, by user: User) async throws -> [ReportedFigure] {
        try await environment.authorize(user, .view, area: code)
        return try await environment.store.read { try await ReportedFigureQuery.figures(of: code, asOf: nil, $0.sql) }
    }

    /// Records a published figure (or corrects one of the same area, date and indicator).
    public func report(_ figure: ReportedFigure, by user: User) async throws {
        try await environment.authorize(user, .editPolicy, area: nil)
        guard figure.asOf <= environment.today else { throw ReportError.future(figure.asOf) }
        guard !figure.source.trimmingCharacters(in: .whitespaces).isEmpty, figure.source.count <= 400 else { throw ReportError.source }
        try await environment.store.transaction { tx in
            try await ReportedFigureQuery.save(figure, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .reportedFigureSet, entity: "reported:\(figure.area.rawValue)@\(figure.asOf):\(figure.indicator.token)", area: figure.area,
                    after: ["value": .text(figure.value.description), "source": .text(figure.source)]),
                by: user, in: tx)
        }
    }
}

public enum ReportError: Error, Equatable, Sendable {
    case future(CivilDate)
    case source
}

extension ReportError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .future(let d): s.text("report.error.future", ["date": d.description])
        case .source: s.text("report.error.source")
        }
    }
}
