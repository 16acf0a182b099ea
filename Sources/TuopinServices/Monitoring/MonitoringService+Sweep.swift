import TuopinCore
import TuopinStore

extension MonitoringService {
    /// Sweeps an area for a year (集中排查): every household with an income record of the year
    /// is evaluated against that year's threshold (the province's row, else the national one,
    /// confirmed or not: the report names it) and the sudden-hardship test; each household in a
    /// category without an open case, and not already opened by this year's sweep, gets a lead
    /// (channel `sweep`) carrying the decision. Re-running it opens nothing new.
    public func sweep(
        year: Int, area: AdminCode?, date: CivilDate, by user: User, progress: ProgressSink? = nil
    ) async throws -> SweepReport {
        try await sweep(year: year, area: area, date: date, by: user, progress: progress, pausingFrom: MonitoringQuery.pausingFrom)
    }

    /// The sweep, pausing the per-row triggers from `pausing` leads on (tests take both paths).
    func sweep(
        year: Int, area: AdminCode?, date: CivilDate, by user: User, progress: ProgressSink?, pausingFrom pausing: Int
    ) async throws -> SweepReport {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .editRegistry, area: area)
        guard date <= environment.today else { throw MonitoringError.future(date) }
        let thresholds = try await PolicyQuery.monitoringThresholds(environment.store.sql)
        guard let threshold = thresholds.threshold(year: year, region: PolicyRegion.of(area)) else { throw MonitoringError.noThreshold(year: year) }
        progress?(JobProgress(phase: "progress.sweep.evaluate", done: 0, total: 1))
        return try await environment.store.transaction { tx in
            let facts = try await SweepQuery.facts(in: area, year: year, tx)
            let skip = try await SweepQuery.skipped(in: area, year: year, date: date, tx.sql)
            let result = MonitoringSweep.run(facts, threshold: threshold, criteria: try await PolicyParameters.hardship(tx.sql), skipping: skip)
            var report = SweepReport(year: year, area: area.rawValue, threshold: threshold, result: result)
            report.withoutIncome = try await SweepQuery.households(in: area, tx.sql) - facts.count
            progress?(JobProgress(phase: "progress.sweep.open", done: 0, total: result.leads.count))
            let table = try await WorkflowQuery.templates(tx.sql)
            let calendar = try await WorkflowQuery.calendar(tx.sql)
            // A household whose last case ended with its risk eliminated gets a new linked case (M10).
            var eliminated: [HouseholdNumber: MonitoringCase] = [:]
            for c in try await MonitoringQuery.cases(in: area, state: "riskEliminated", limit: Int.max, tx.sql)
            where (eliminated[c.household]?.number ?? 0) < c.number {
                eliminated[c.household] = c
            }
            var next: [String: Int] = [:]
            var opened: [(MonitoringCase, MonitoringStepEntry)] = []
            opened.reserveCapacity(result.leads.count)
            let instant = environment.instant.description
            for found in result.leads {
                let region = PolicyRegion.of(found.village)
                guard let identification = table.template(.identification, year: date.year, region: region),
                    let elimination = table.template(.elimination, year: date.year, region: region)
                else { throw MonitoringError.noTemplate(.identification, year: date.year) }
                let lead = MonitoringLead(
                    household: found.household, village: found.village, channel: .sweep, date: date, risks: [found.risk], note: "sweep \(year)")
                var c =
                    try eliminated[found.household].map {
                        try $0.reopen(lead, identification: identification, elimination: elimination, calendar: calendar).0
                    }
                    ?? MonitoringCase.open(lead, identification: identification, elimination: elimination, calendar: calendar).0
                let county = String(found.village.rawValue.prefix(6))
                if next[county] == nil { next[county] = try await MonitoringQuery.nextNumber(county: county, in: tx) }
                c.number = next[county]!
                next[county]! += 1
                let step = MonitoringStepEntry(
                    county: county, caseNumber: c.number, transition: c.previousCase == nil ? .lead : .newRisk, step: nil, stage: nil, date: date,
                    actor: user.username.rawValue,
                    level: nil, notice: nil, note: "sweep \(year): \(found.category.token)", stateAfter: c.state.token, recordedAt: instant)
                opened.append((c, step))
                report.add(c, category: found.category)
            }
            // Each case carries its M1 step (who opened it, and why); the sweep is one audited change.
            try await MonitoringQuery.insertOpened(opened, sweepYear: year, pausingFrom: pausing, in: tx)
            report.caseNumbers = Dictionary(grouping: opened.map(\.1), by: \.county).mapValues { steps in
                "\(steps.map(\.caseNumber).min() ?? 0)–\(steps.map(\.caseNumber).max() ?? 0)"
            }
            try await environment.audit.record(
                AuditEntry(.monitoringSweep, entity: "sweep:\(year)/\(area.rawValue)", area: area, detail: report.auditDetail), by: user, in: tx)
            progress?(JobProgress(phase: "progress.sweep.open", done: result.leads.count, total: result.leads.count))
            return report
        }
    }
}

/// What a sweep found and opened, with the threshold it used.
public struct SweepReport: Sendable, Codable, Equatable {
    public var year: Int
    public var area: String
    public var thresholdAmount: String
    public var thresholdRegion: String
    public var thresholdConfirmed: Bool
    public var thresholdSource: String
    /// Households with an income record of the year.
    public var evaluated: Int
    /// Households with no income record of the year (not evaluated).
    public var withoutIncome = 0
    public var alreadyCase: Int
    public var notSwept: Int
    public var noRisk: Int
    public var opened: [OpenedLead] = []
    /// The case numbers opened, per county ("12–3456").
    public var caseNumbers: [String: String] = [:]
    /// Leads opened per category token.
    public var byCategory: [String: Int] = [:]
    /// Leads opened per township (9-digit code), then per category token.
    public var byTownship: [String: [String: Int]] = [:]

    public struct OpenedLead: Sendable, Codable, Equatable {
        public var reference: String
        public var household: String
        public var village: String
        public var category: String
        public var risk: String
    }

    init(year: Int, area: String, threshold: MonitoringThreshold, result: MonitoringSweep.Result) {
        self.year = year
        self.area = area
        thresholdAmount = threshold.amountPerCapita.yuanText
        thresholdRegion = threshold.region.token
        thresholdConfirmed = threshold.confirmed
        thresholdSource = threshold.source
        evaluated = result.evaluated
        alreadyCase = result.skipped[.alreadyCase] ?? 0
        notSwept = result.skipped[.notSwept] ?? 0
        noRisk = result.skipped[.noRisk] ?? 0
        for category in MonitoringCategory.allCases { byCategory[category.token] = 0 }
    }

    mutating func add(_ c: MonitoringCase, category: MonitoringCategory) {
        opened.append(
            OpenedLead(
                reference: c.reference, household: c.household.rawValue, village: c.village.rawValue, category: category.token,
                risk: c.risks.first?.token ?? ""))
        byCategory[category.token, default: 0] += 1
        byTownship[String(c.village.rawValue.prefix(9)), default: [:]][category.token, default: 0] += 1
    }

    var auditDetail: [String: AuditValue] {
        [
            "year": .int(year), "threshold": .text(thresholdAmount), "thresholdRegion": .text(thresholdRegion),
            "thresholdConfirmed": .bool(thresholdConfirmed), "evaluated": .int(evaluated), "withoutIncome": .int(withoutIncome),
            "alreadyCase": .int(alreadyCase), "opened": .int(opened.count),
            "byCategory": .object(byCategory.mapValues { .int($0) }), "caseNumbers": .object(caseNumbers.mapValues { .text($0) }),
        ]
    }
}
