import TuopinCore
import TuopinStore

/// The roll-up reports for an area and its children as of a
/// date, inside the asking user's scope, from one snapshot: the area's cells are the sum over
/// its children's keys, so the children always add up to it.
public struct RollupService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public struct Answer: Sendable {
        public var report: RollupReport
        public var area: Area
        public var asOf: CivilDate
        public var cells: [RollupCell]
        public var children: [(area: Area, cells: [RollupCell])]
    }

    public func rollup(_ report: RollupReport, of code: AdminCode, asOf: CivilDate, by user: User) async throws -> Answer {
        try await environment.authorize(user, .view, area: code)
        return try await environment.reporting.read { db in
            guard let area = try await AreaQuery.area(db.sql, code: code) else {
                throw StatisticsService.StatisticsError.unknownArea(code.rawValue)
            }
            let children = try await AreaQuery.children(db.sql, of: code)
            let rollup = try await RollupQuery.rollup(db.sql, report, area: code, asOf: asOf, groupBy: children.first?.level)
            return Answer(
                report: report, area: area, asOf: asOf, cells: rollup.total(),
                children: children.map { ($0, rollup.total(keys: [$0.code.rawValue])) })
        }
    }
}
