import TuopinCore
import TuopinStore
import TuopinStrings

/// Poverty measures over the registry (REFERENCE §4.2, report R-14): for an area and a year, the
/// households on the roll at the year's end with an income record for the year, each at its
/// per-capita net income, against the year's line or a given one (a what-if).
public struct PovertyMeasureService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// Who an observation is: a person carries the household's per-capita income (the default);
    /// a household counts once.
    public enum Unit: String, Sendable, Codable, CaseIterable {
        case person
        case household
    }

    public struct Result: Sendable {
        public var area: AdminCode
        public var year: Int
        public var line: Money
        /// Where the line came from: the year's row of the poverty-line table, or the caller.
        public var lineGiven: Bool
        public var unit: Unit
        public var households: Int
        /// Households whose per-capita income is below the line.
        public var householdsBelow: Int
        /// Households of the area with no income record for the year (not measured).
        public var withoutIncome: Int
        public var measures: PovertyMeasures
        /// Each child area under the line, when asked for.
        public var children: [AreaInRange]?
    }

    /// What a line would mean for each child area (the counties of a city, the villages of a
    /// township …): the households and people below it and the yearly transfer that would lift
    /// them to it. The children add up to the area.
    public struct AreaInRange: Sendable {
        public var area: Area
        public var households: Int
        public var people: Int64
        public var gap: Money
    }

    public func byChild(area: AdminCode?, year: Int, line: Money?, by user: User) async throws -> (Result, [AreaInRange]) {
        let whole = try await measures(area: area, year: year, line: line, children: true, by: user)
        return (whole, whole.children ?? [])
    }

    /// `children`: also each child area's households and people below the line, from the same
    /// reading of the year's facts.
    public func measures(
        area: AdminCode?, year: Int, line: Money?, unit: Unit = .person, children: Bool = false, by user: User
    ) async throws -> Result {
        let code = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: code)
        guard RegistryYear.contains(year), year <= environment.today.year else { throw PovertyMeasureError.year(year) }
        return try await environment.reporting.read { db in
            let z = try await Self.line(line, year: year, db)
            let read = try await SweepQuery.facts(in: code, year: year, db)
            let facts = read.filter { $0.status?.isEnrolled == true && $0.householdSize > 0 }
            let observations = facts.map { f in
                PovertyMeasures.Observation(
                    income: (f.netIncome / f.householdSize).fen, weight: unit == .person ? Int64(f.householdSize) : 1)
            }
            var result = Result(
                area: code, year: year, line: z, lineGiven: line != nil, unit: unit, households: facts.count,
                householdsBelow: observations.filter { $0.income < z.fen }.count,
                withoutIncome: try await SweepQuery.households(in: code, db.sql) - read.count,
                measures: PovertyMeasures(observations, line: z.fen))
            if children { result.children = Self.inRange(facts, line: z, children: try await AreaQuery.children(db.sql, of: code)) }
            return result
        }
    }

    /// Each child area's households and people below the line and the transfer to lift them to it.
    static func inRange(_ facts: [MonitoringSweep.Facts], line: Money, children: [Area]) -> [AreaInRange] {
        var rows = Dictionary(uniqueKeysWithValues: children.map { ($0.code, AreaInRange(area: $0, households: 0, people: 0, gap: Money(fen: 0))) })
        for f in facts {
            let perCapita = (f.netIncome / f.householdSize).fen
            guard perCapita < line.fen, let child = children.first(where: { $0.code.contains(f.village) }) else { continue }
            rows[child.code]!.households += 1
            rows[child.code]!.people += Int64(f.householdSize)
            rows[child.code]!.gap = rows[child.code]!.gap + Money(fen: (line.fen - perCapita) * Int64(f.householdSize))
        }
        return children.compactMap { rows[$0.code] }
    }
}

extension PovertyMeasureService {
    /// The line a measure uses: the one given (a what-if), else the year's poverty line.
    static func line(_ given: Money?, year: Int, _ db: StoreReader) async throws -> Money {
        if let given {
            guard given.fen > 0 else { throw PovertyMeasureError.line(given) }
            return given
        }
        guard let row = try await PolicyQuery.povertyLines(db.sql).line(year: year) else { throw PovertyMeasureError.noLine(year) }
        return row.amount
    }

    /// Alkire–Foster over the registry's indicators of a year: the households on the roll at the
    /// year's end with an income record, each carried by its members; a household whose year
    /// lacks a chosen indicator is left out and counted.
    public struct RegistryAF: Sendable {
        public var area: AdminCode
        public var year: Int
        public var line: Money
        public var indicators: [DeprivationIndicator]
        public var households: Int
        public var withoutFacts: Int
        public var result: AlkireFoster
    }

    public func alkireFoster(
        area: AdminCode?, year: Int, indicators: [DeprivationIndicator], weights: [Ratio]?, k: Ratio, line: Money?, by user: User
    ) async throws -> RegistryAF {
        let code = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: code)
        guard RegistryYear.contains(year), year <= environment.today.year else { throw PovertyMeasureError.year(year) }
        guard !indicators.isEmpty, Set(indicators).count == indicators.count else { throw PovertyMeasureError.indicators }
        return try await environment.reporting.read { db in
            let z = try await Self.line(line, year: year, db)
            let facts = try await DeprivationQuery.facts(in: code, year: year, db.sql)
            let rows = facts.values.compactMap { $0.row(indicators) }
            let result: AlkireFoster
            do {
                result = try AlkireFoster(
                    rows: rows, cutoffs: DeprivationFacts.cutoffs(indicators, line: z),
                    weights: weights ?? Array(repeating: Ratio(1, 1), count: indicators.count), k: k)
            } catch { throw PovertyMeasureError.indicators }
            return RegistryAF(
                area: code, year: year, line: z, indicators: indicators, households: rows.count, withoutFacts: facts.count - rows.count,
                result: result)
        }
    }
}

public enum PovertyMeasureError: Error, Equatable, Sendable {
    /// No indicator, one twice, weights not one per indicator or not positive, or k outside (0, 1].
    case indicators
    case year(Int)
    case noLine(Int)
    case line(Money)
}

extension PovertyMeasureError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .year(let y): s.text("measures.error.year", ["year": String(y)])
        case .noLine(let y): s.text("measures.error.noLine", ["year": String(y)])
        case .line(let m): s.text("measures.error.line", ["amount": m.yuanText])
        case .indicators: s.text("measures.error.indicators")
        }
    }
}
