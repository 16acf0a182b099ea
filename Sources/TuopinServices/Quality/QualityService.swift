import Foundation
import TuopinCore
import TuopinStore

/// Runs the data-quality catalogue (REFERENCE §3.13) over an area's stored records as of a date
/// (member rules that depend on age read the attributes as of the household's latest yearly
/// update, the end of its latest income year, when that is earlier):
/// every rule `tuopin check` can run, each finding a failed check with its values. Members are
/// named masked unless the user may see private data. A fixed record is gone on the next run,
/// since nothing is stored: the check reads the registry as it is.
public struct QualityService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    /// The area's latest report made for pages, with when its check began (none while the first
    /// check runs), and why the latest check failed if it did. Checks run in the background on today's registry (`QualityShelf`), so pages
    /// show findings when they are ready and never wait for a whole city's check.
    /// With `start` false, only what a check started elsewhere (the worklist) has found: a page
    /// viewed all day (the dashboard) never sets a whole city's check running.
    public func shelved(area: AdminCode?, start: Bool = true, by user: User) async throws -> QualityShelf.Shelved {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        let clear = AccessPolicy.decide(user, .viewPrivate, area: area).passed
        let environment = environment
        guard start else { return environment.qualityShelf.peek("\(area.rawValue)|\(clear)") }
        return environment.qualityShelf.report(
            "\(area.rawValue)|\(clear)", now: environment.now(), maximumAge: TimeInterval(environment.configuration.qualityRefreshMinutes * 60)
        ) { try await QualityService(environment).check(area: area, asOf: environment.today, by: user) }
    }

    public func check(area: AdminCode?, asOf date: CivilDate, by user: User) async throws -> QualityReport {
        let area = try await environment.area(area, of: user)
        try await environment.authorize(user, .view, area: area)
        let clear = AccessPolicy.decide(user, .viewPrivate, area: area).passed
        var findings: [QualityFinding] = []
        let (members, memberships, exits, sizes, allCases, allMeasures) = try await environment.store.read { reader in
            (
                try await QualityQuery.currentMembers(in: area, asOf: date, reader.sql),
                try await QualityQuery.memberships(in: area, asOf: date, reader.sql),
                try await QualityQuery.exitBeforeIdentification(in: area, reader.sql),
                try await QualityQuery.sizeMismatches(in: area, through: date.year, reader.sql),
                try await MonitoringQuery.cases(in: area, limit: Int.max, reader.sql),
                try await AssistanceQuery.measures(in: area, runningOn: nil, reader.sql)
            )
        }
        // As of the date: cases led and measures begun by then.
        let cases = allCases.filter { $0.leadDate <= date }
        let measures = allMeasures.filter { $0.start <= date }
        // Members: identity (DQ-001–003) and the member rules.
        var membersByHousehold: [HouseholdNumber: [Member]] = [:]
        for m in members {
            membersByHousehold[m.household, default: []].append(m.member)
            let who = clear ? "\(m.member.name) \(m.member.idNumber)" : "\(Masking.name(m.member.name)) \(Masking.identityNumber(m.member.idNumber))"
            let exited = m.status == .exitedWithPolicies || m.status == .exitedWithoutPolicies
            let identity = IdentityRules.evaluate(m.member.idType, m.member.idNumber, sex: m.member.sex, birthDate: m.member.birthDate, today: date).0
            // Age-dependent rules read the member's attributes as of the year they belong to (their
            // latest yearly row, else the household's latest income year), not as of a later date
            // they were never meant for.
            let attributesDate = m.attributesYear.flatMap { CivilDate.endOfYear($0) }.map { min($0, date) } ?? date
            for check in identity.failedChecks + MemberQualityRules.findings(m.member, householdExited: exited, asOf: attributesDate) {
                findings.append(QualityFinding(check, household: m.household, village: m.village, member: who))
            }
        }
        // Households: DQ-006 and DQ-007 from the memberships, DQ-010, DQ-012.
        var byHousehold: [HouseholdNumber: (AdminCode, PovertyStatus?, [Membership])] = [:]
        var households: [String: Set<HouseholdNumber>] = [:]
        for row in memberships {
            byHousehold[row.household, default: (row.village, row.status, [])].2.append(row.membership)
            if row.membership.to == nil { households["\(row.membership.idType.token):\(row.membership.idNumber)", default: []].insert(row.household) }
        }
        for (number, (village, status, list)) in byHousehold.sorted(by: { $0.key < $1.key }) {
            let onRoll = status != nil && status != .removedIneligible && status != .naturalClosure
            for check in HouseholdCompositionRules.evaluate(list, onRoll: onRoll).failedChecks {
                findings.append(QualityFinding(check, household: number, village: village))
            }
        }
        for (identity, set) in households where set.count > 1 {
            let sorted = set.sorted()
            let village = byHousehold[sorted[0]]?.0 ?? area
            let shown = clear ? identity : Masking.identityNumber(String(identity.split(separator: ":").last ?? ""))
            findings.append(
                QualityFinding(
                    Check(
                        Self.twoHouseholds, passed: false, values: [ReasonValue("households", .token(sorted.map(\.rawValue).joined(separator: ", ")))]
                    ),
                    household: sorted[0], village: village, member: shown))
        }
        for e in exits {
            findings.append(
                QualityFinding(
                    Check(
                        Self.exitBeforeIdentified, passed: false,
                        values: [ReasonValue("exitYear", .year(e.exited)), ReasonValue("firstIdentifiedYear", .year(e.identified))]),
                    household: e.household, village: e.village))
        }
        let (negatives, exitIncomes, lines) = try await environment.store.read { reader in
            (
                try await QualityQuery.negativeIncomes(in: area, reader.sql), try await QualityQuery.exitIncomes(in: area, reader.sql),
                try await PolicyQuery.povertyLines(reader.sql)
            )
        }
        for n in negatives {
            findings.append(
                QualityFinding(
                    Check(Self.negativeIncome, passed: false, values: [ReasonValue("year", .year(n.year)), ReasonValue("item", .code(n.item))]),
                    household: n.household, village: n.village))
        }
        for e in exitIncomes where e.exitYear <= date.year {
            let line = lines.line(year: e.exitYear, region: PolicyRegion.of(e.village))
            guard let line else { continue }
            if let income = e.perCapita, line.isCleared(by: income) { continue }
            findings.append(
                QualityFinding(
                    Check(
                        Self.exitAboveLine, passed: false,
                        values: [
                            ReasonValue("year", .year(e.exitYear)), ReasonValue("perCapitaNetIncome", e.perCapita.map { .money($0) } ?? .missing),
                            ReasonValue("line", .money(line.amount)),
                        ]),
                    household: e.household, village: e.village))
        }
        for s in sizes {
            findings.append(
                QualityFinding(
                    Check(
                        Self.sizeMatchesMembers, passed: false,
                        values: [
                            ReasonValue("year", .year(s.year)), ReasonValue("recorded", .count(Int64(s.recorded))),
                            ReasonValue("counted", .count(Int64(s.counted))),
                        ]),
                    household: s.household, village: s.village))
        }
        // Monitoring cases and measures.
        var measuresByHousehold: [HouseholdNumber: [AssistanceMeasure]] = [:]
        for m in measures {
            measuresByHousehold[m.household, default: []].append(m)
            let complete = AssistanceMeasureRules.completeness(m)
            if !complete.passed {
                findings.append(QualityFinding(complete, household: m.household, village: byHousehold[m.household]?.0 ?? area, measure: m.number))
            }
        }
        for c in cases {
            let status = byHousehold[c.household]?.1
            for check in CaseQualityRules.findings(
                c, members: membersByHousehold[c.household] ?? [], measures: measuresByHousehold[c.household] ?? [], statusNow: status)
            {
                findings.append(QualityFinding(check, household: c.household, village: c.village, monitoringCase: c.reference))
            }
        }
        for item in try await MonitoringService(environment).overdue(in: area, today: date, by: user) {
            let rule: RuleID =
                switch item.kind {
                case .identificationOverdue, .identifiedLate: Self.identificationLate
                case .noticeTooShort: MonitoringRules.noticeDays
                case .monitoredOverAYear: Self.monitoredOverAYear
                }
            var values = [ReasonValue("date", .date(item.date)), ReasonValue("days", .count(Int64(item.days)))]
            if let required = item.required { values.append(ReasonValue("required", .count(Int64(required)))) }
            findings.append(
                QualityFinding(
                    Check(rule, passed: false, values: values), household: item.household, village: item.village, monitoringCase: item.reference))
        }
        return QualityReport(area: area.rawValue, asOf: date, findings: findings)
    }

    /// the report's findings counted per child area of its area (townships of a county,
    /// villages of a township), every child listed, with a last row for findings on a record
    /// placed in no child (its village unknown), so the rows add up to the report.
    public func byChildArea(_ report: QualityReport, by user: User) async throws -> [QualityAreaCount] {
        let code = try AdminCode(report.area)
        try await environment.authorize(user, .view, area: code)
        let children = try await environment.store.read { try await AreaQuery.children($0.sql, of: code) }
        return QualityAreaCount.count(report.findings, children: children)
    }

    public static let twoHouseholds = RuleID("DQ-007")
    public static let exitBeforeIdentified = RuleID("DQ-010.exit")
    public static let sizeMatchesMembers = RuleID("DQ-012")
    public static let negativeIncome = RuleID("DQ-009.stored")
    public static let exitAboveLine = RuleID("DQ-011")
    public static let identificationLate = RuleID("DQ-040")
    public static let monitoredOverAYear = RuleID("DQ-042")
}

/// One failed check on one record.
public struct QualityFinding: Sendable, Codable, Equatable {
    /// The catalogue id (`DQ-005`).
    public var rule: String
    public var severity: QualityRule.Severity
    public var check: Check
    public var village: String
    public var household: String
    /// The member, masked unless the reader may see private data.
    public var member: String?
    public var monitoringCase: String?
    public var measure: Int?

    init(
        _ check: Check, household: HouseholdNumber, village: AdminCode, member: String? = nil, monitoringCase: String? = nil, measure: Int? = nil
    ) {
        self.init(check, household: household.rawValue, village: village.rawValue, member: member, monitoringCase: monitoringCase, measure: measure)
    }

    init(_ check: Check, household: String, village: String, member: String? = nil, monitoringCase: String? = nil, measure: Int? = nil) {
        self.rule = QualityCatalogue.id(of: check.rule) ?? check.rule.rawValue
        self.severity = QualityCatalogue.rule(rule)?.severity ?? .error
        self.check = check
        self.village = village
        self.household = household
        self.member = member
        self.monitoringCase = monitoringCase
        self.measure = measure
    }
}

/// one child area's findings, by severity and by rule.
public struct QualityAreaCount: Sendable, Codable, Equatable {
    /// Nil for the findings placed in no child area.
    public var area: Area?
    public var errors: Int
    public var warnings: Int
    /// Findings per catalogue id (only the rules with one).
    public var rules: [String: Int]

    static func count(_ findings: [QualityFinding], children: [Area]) -> [QualityAreaCount] {
        var rows = children.map { QualityAreaCount(area: $0, errors: 0, warnings: 0, rules: [:]) }
        var elsewhere = QualityAreaCount(area: nil, errors: 0, warnings: 0, rules: [:])
        let index = Dictionary(uniqueKeysWithValues: children.enumerated().map { ($1.code.rawValue, $0) })
        let length = children.first?.code.rawValue.count ?? 0
        for f in findings {
            let key = length > 0 && f.village.count >= length ? String(f.village.prefix(length)) : ""
            if let i = index[key] { rows[i].add(f) } else { elsewhere.add(f) }
        }
        return elsewhere.rules.isEmpty ? rows : rows + [elsewhere]
    }

    mutating func add(_ f: QualityFinding) {
        if f.severity == .error { errors += 1 } else { warnings += 1 }
        rules[f.rule, default: 0] += 1
    }
}

/// Counts per rule and the findings, sorted by rule, village and household.
public struct QualityReport: Sendable, Codable, Equatable {
    public var area: String
    public var asOf: CivilDate
    public var findings: [QualityFinding]
    /// Every rule `check` runs, with its count (0 included).
    public var counts: [RuleCount]

    public struct RuleCount: Sendable, Codable, Equatable {
        public var rule: String
        public var version: Int
        public var severity: QualityRule.Severity
        public var count: Int
    }

    init(area: String, asOf: CivilDate, findings: [QualityFinding]) {
        self.area = area
        self.asOf = asOf
        self.findings = findings.sorted {
            ($0.rule, $0.village, $0.household, $0.member ?? "") < ($1.rule, $1.village, $1.household, $1.member ?? "")
        }
        var n: [String: Int] = [:]
        for f in findings { n[f.rule, default: 0] += 1 }
        counts = QualityCatalogue.rules.filter { $0.enforcement == .check || $0.enforcement == .entryAndCheck }.map {
            RuleCount(rule: $0.id, version: $0.version, severity: $0.severity, count: n[$0.id] ?? 0)
        }
    }

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
}
