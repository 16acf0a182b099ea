import Foundation
import TuopinCore
import TuopinStore
import TuopinStrings

/// Imports a department's feed (REFERENCE §3.7, §3.12): each row's ID number is matched to a
/// current member of a household in the user's scope, and `FeedRules` decides what it means —
/// a risk lead (a monitoring case, channel `departmentData`, unless the household already has an
/// open one), a red-line review item (one per household, line and person while open), an
/// exception (reported with its reason), or nothing. It never removes or changes a household.
/// A file with any malformed row is refused whole; unmatched ID numbers are reported.
public struct FeedService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public func importFeed(
        _ kind: FeedKind, file url: URL, largeMedicalBill: Money? = nil, by user: User
    ) async throws -> FeedReport {
        let area = user.scope.code
        try await environment.authorize(user, .importRegistry, area: area)
        // A feed opens cases and review items: the user must also be one who records changes.
        try await environment.authorize(user, .editRegistry, area: area)
        let today = environment.today
        let (rows, problems) = FeedFile.read(url, today: today)
        guard problems.isEmpty else { throw FeedError.malformed(problems) }
        let monitoring = MonitoringService(environment)
        return try await environment.store.transaction { tx in
            // The amounts come from the policy table; a large-bill amount given for this run overrides it.
            var amounts = try await PolicyParameters.feedAmounts(tx.sql)
            if let largeMedicalBill { amounts.largeMedicalBill = largeMedicalBill }
            let matches = try await FeedQuery.match(rows.map(\.idNumber), within: area, tx.sql)
            var report = FeedReport(kind: kind, rows: rows.count)
            let table = try await WorkflowQuery.templates(tx.sql)
            let calendar = try await WorkflowQuery.calendar(tx.sql)
            for row in rows {
                guard let m = matches[row.idNumber] else {
                    report.unmatched.append(.init(line: row.line, id: Masking.identityNumber(row.idNumber)))
                    continue
                }
                let county = String(m.village.rawValue.prefix(6))
                switch FeedRules.evaluate(
                    kind, date: row.date, amount: row.amount, exitMeasure: row.exitMeasure, enrolled: m.enrolled, amounts: amounts)
                {
                case .nothing(let d):
                    report.ignored.append(.init(line: row.line, household: m.household.rawValue, reasons: d.checks))
                case .exception(let line, let d):
                    report.exceptions.append(.init(line: row.line, household: m.household.rawValue, redLine: line.rawValue, reasons: d.checks))
                case .redLine(let line, let d):
                    if try await FeedQuery.hasOpenItem(county: county, household: m.household, line: line, idNumber: row.idNumber, tx.sql) {
                        report.alreadyOpen += 1
                        continue
                    }
                    let number = try await FeedQuery.insertItem(
                        county: county, household: m.household, village: m.village, line: line, feed: kind, idNumber: row.idNumber, date: row.date,
                        amount: row.amount, detail: row.detail, openedOn: today, in: tx)
                    report.reviewItems.append(
                        .init(
                            line: row.line, household: m.household.rawValue, redLine: line.rawValue, item: "\(county)-R\(number)", reasons: d.checks))
                case .lead(let risk, _):
                    let cases = try await MonitoringQuery.cases(county: county, household: m.household, tx.sql)
                    if cases.contains(where: { !$0.state.isClosed }) {
                        report.alreadyOpen += 1
                        continue
                    }
                    let region = PolicyRegion.of(m.village)
                    guard let identification = table.template(.identification, year: today.year, region: region),
                        let elimination = table.template(.elimination, year: today.year, region: region)
                    else { throw MonitoringError.noTemplate(.identification, year: today.year) }
                    let lead = MonitoringLead(
                        household: m.household, village: m.village, channel: .departmentData, date: today, risks: [risk],
                        note: "\(kind.token) line \(row.line)")
                    var c: MonitoringCase
                    if let last = cases.first, case .riskEliminated = last.state {
                        c = try last.reopen(lead, identification: identification, elimination: elimination, calendar: calendar).0
                    } else {
                        c = try MonitoringCase.open(lead, identification: identification, elimination: elimination, calendar: calendar).0
                    }
                    c.number = try await MonitoringQuery.nextNumber(county: county, in: tx)
                    try await MonitoringQuery.insert(c, in: tx)
                    try await monitoring.record(
                        c.previousCase == nil ? .lead : .newRisk, on: c, step: nil, stage: nil, date: today, level: nil, notice: nil,
                        note: lead.note, by: user, in: tx)
                    report.leads.append(.init(line: row.line, household: m.household.rawValue, reference: c.reference, risk: risk.token))
                }
            }
            try await environment.audit.record(
                AuditEntry(
                    .feedImport, entity: "feed:\(kind.token)", area: area,
                    detail: [
                        "rows": .int(rows.count), "leads": .int(report.leads.count), "reviewItems": .int(report.reviewItems.count),
                        "exceptions": .int(report.exceptions.count), "unmatched": .int(report.unmatched.count), "file": .text(url.lastPathComponent),
                    ]),
                by: user, in: tx)
            return report
        }
    }
}

/// What a feed import did, row by row (ID numbers masked).
public struct FeedReport: Sendable, Codable, Equatable {
    public var kind: FeedKind
    public var rows: Int
    public var leads: [Lead] = []
    public var reviewItems: [Item] = []
    public var exceptions: [Item] = []
    public var ignored: [Item] = []
    /// Rows whose household already had an open case or the same open review item.
    public var alreadyOpen = 0
    public var unmatched: [Unmatched] = []

    init(kind: FeedKind, rows: Int) {
        self.kind = kind
        self.rows = rows
    }

    public struct Lead: Sendable, Codable, Equatable {
        public var line: Int
        public var household: String
        public var reference: String
        public var risk: String
    }

    public struct Item: Sendable, Codable, Equatable {
        public var line: Int
        public var household: String
        public var redLine: String?
        public var item: String?
        public var reasons: [Check]

        init(line: Int, household: String, redLine: String? = nil, item: String? = nil, reasons: [Check]) {
            self.line = line
            self.household = household
            self.redLine = redLine
            self.item = item
            self.reasons = reasons
        }
    }

    public struct Unmatched: Sendable, Codable, Equatable {
        public var line: Int
        public var id: String
    }
}

public enum FeedError: Error, Equatable, Sendable {
    case malformed([FeedFile.Problem])
}

extension FeedError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .malformed(let problems):
            let lines = problems.prefix(20).map { p -> String in
                let reason: String =
                    switch p.reason {
                    case .unreadable: s.text("import.reason.unreadableFile")
                    case .malformed: s.text("feed.reason.malformed")
                    case .missingColumn: s.text("import.reason.missingColumn", ["column": p.field])
                    case .empty: s.text("import.reason.emptyField")
                    case .identity(let e): Rejections.identityNumber(e, s)
                    case .date(let text): s.text("import.reason.invalidDate", ["value": text])
                    case .future(let d): s.text("feed.reason.future", ["date": d.description])
                    case .amount(let text): s.text("import.reason.invalidAmount", ["value": text])
                    case .flag(let text): s.text("import.reason.unknownCode", ["value": text])
                    }
                return s.text("feed.problem", ["line": String(p.line), "field": p.field, "reason": reason])
            }
            return s.text("feed.refused", ["count": String(problems.count)]) + "\n" + lines.joined(separator: "\n")
        }
    }
}
