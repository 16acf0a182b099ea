/// A procedure as data (REFERENCE §3.8): its stages in order, the notice days of each notice,
/// who records each stage, and the deadline for the whole procedure in calendar or working
/// days. Templates are rows keyed by purpose, region and first year, so that a province or a
/// year can have its own; `WorkflowTemplate.reference` holds the ones the reference names.
///
/// A template is valid once built: it has at least one stage, every notice has at least one
/// day, and a deadline, when there is one, is at least one day.
public struct WorkflowTemplate: Hashable, Sendable, Codable {
    /// A stable token ("identification.national").
    public let id: String
    public let purpose: Purpose
    public let region: PolicyRegion
    /// The first year the template applies to; the latest template not after a case's year wins.
    public let fromYear: Int
    public let name: Label
    public let stages: [Stage]
    /// Days from the start (the lead date) by which the whole procedure must be done.
    public let deadlineDays: Int?
    public let dayKind: DayKind

    public init(
        id: String, purpose: Purpose, region: PolicyRegion = .national, fromYear: Int, name: Label, stages: [Stage],
        deadlineDays: Int?, dayKind: DayKind = .calendar
    ) throws(TemplateError) {
        guard !stages.isEmpty else { throw .noStages }
        if let bad = stages.first(where: { $0.step == .publicNotice && ($0.noticeDays ?? 0) < 1 }) { throw .noticeWithoutDays(bad.step) }
        if let days = deadlineDays, days < 1 { throw .deadlineNotPositive(days) }
        self.id = id
        self.purpose = purpose
        self.region = region
        self.fromYear = fromYear
        self.name = name
        self.stages = stages
        self.deadlineDays = deadlineDays
        self.dayKind = dayKind
    }

    public enum Purpose: String, CodeListValue, Codable {
        /// 监测对象识别.
        case identification
        /// 风险消除.
        case elimination
        /// 贫困户识别 (建档立卡, 2014–2020).
        case enrolment

        public var label: Label {
            switch self {
            case .identification: Label("监测对象识别", "identification")
            case .elimination: Label("风险消除", "risk elimination")
            case .enrolment: Label("贫困户识别", "enrolment")
            }
        }
    }

    public struct Stage: Hashable, Sendable, Codable {
        public let step: WorkflowStep
        public let level: ApprovalLevel
        /// Minimum days of a notice (only for `publicNotice`).
        public let noticeDays: Int?

        public init(_ step: WorkflowStep, level: ApprovalLevel, noticeDays: Int? = nil) {
            self.step = step
            self.level = level
            self.noticeDays = noticeDays
        }
    }

    public enum TemplateError: Error, Equatable, Sendable {
        case noStages
        case noticeWithoutDays(WorkflowStep)
        case deadlineNotPositive(Int)
    }

    /// The notice days the template requires (the first notice's), for reports.
    public var noticeDays: Int? { stages.first { $0.step == .publicNotice }?.noticeDays }
}

/// All templates; the one for a case is the latest of its purpose whose region and first year fit.
public struct WorkflowTemplateTable: Sendable {
    public let rows: [WorkflowTemplate]

    public init(_ rows: [WorkflowTemplate]) { self.rows = rows }

    public func template(id: String) -> WorkflowTemplate? { rows.first { $0.id == id } }

    /// A province's own template wins over the national one of the same or an earlier year.
    public func template(_ purpose: WorkflowTemplate.Purpose, year: Int, region: PolicyRegion) -> WorkflowTemplate? {
        let fitting = rows.filter { $0.purpose == purpose && $0.fromYear <= year }
        let own = fitting.filter { $0.region == region }.max { $0.fromYear < $1.fromYear }
        return own ?? fitting.filter { $0.region == .national }.max { $0.fromYear < $1.fromYear }
    }
}
