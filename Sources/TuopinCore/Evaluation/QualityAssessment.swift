/// Who checked a sample (评估主体): the national third-party evaluation, a provincial cross
/// check, the city's or the county's own check.
public enum AssessmentBody: String, CodeListValue, Codable {
    case national
    case provincial
    case municipal
    case county

    public var label: Label {
        switch self {
        case .national: Label("国家第三方评估", "national third-party evaluation")
        case .provincial: Label("省级交叉考核", "provincial cross check")
        case .municipal: Label("市级核查", "city check")
        case .county: Label("县级自查", "county self-check")
        }
    }
}

/// The findings of one sample check of an area for an evaluation year (REFERENCE §3.5, R-10):
/// exited people checked and found wrongly exited (错退), non-enrolled rural people of the sampled
/// villages checked and found missed (漏评), enrolled people checked and found wrongly included
/// (错评). Counts are people; a check may look at one of the three and not the others.
public struct QualityAssessment: Hashable, Sendable {
    /// Given by the store (number 0 before it is stored).
    public var key: AssessmentKey
    public var area: AdminCode
    public var year: Int
    public var body: AssessmentBody
    public var sample: QualitySample
    /// The last day of the check.
    public var checkedOn: CivilDate
    public var note: String
    public var recordedBy: String

    public init(
        key: AssessmentKey? = nil, area: AdminCode, year: Int, body: AssessmentBody, sample: QualitySample, checkedOn: CivilDate, note: String = "",
        recordedBy: String
    ) {
        self.key = key ?? AssessmentKey(county: String(area.rawValue.prefix(6)), number: 0)
        self.area = area
        self.year = year
        self.body = body
        self.sample = sample
        self.checkedOn = checkedOn
        self.note = note
        self.recordedBy = recordedBy
    }
}

/// The people a sample check looked at and what it found, added up over checks and areas.
public struct QualitySample: Hashable, Sendable, Codable {
    public var sampledExited: Int64
    public var wronglyExited: Int64
    public var sampledNonEnrolled: Int64
    public var verifiedMissed: Int64
    public var sampledEnrolled: Int64
    public var wronglyIncluded: Int64

    public init(
        sampledExited: Int64 = 0, wronglyExited: Int64 = 0, sampledNonEnrolled: Int64 = 0, verifiedMissed: Int64 = 0, sampledEnrolled: Int64 = 0,
        wronglyIncluded: Int64 = 0
    ) {
        self.sampledExited = sampledExited
        self.wronglyExited = wronglyExited
        self.sampledNonEnrolled = sampledNonEnrolled
        self.verifiedMissed = verifiedMissed
        self.sampledEnrolled = sampledEnrolled
        self.wronglyIncluded = wronglyIncluded
    }

    public static let zero = QualitySample()

    public static func + (a: QualitySample, b: QualitySample) -> QualitySample {
        QualitySample(
            sampledExited: a.sampledExited + b.sampledExited, wronglyExited: a.wronglyExited + b.wronglyExited,
            sampledNonEnrolled: a.sampledNonEnrolled + b.sampledNonEnrolled, verifiedMissed: a.verifiedMissed + b.verifiedMissed,
            sampledEnrolled: a.sampledEnrolled + b.sampledEnrolled, wronglyIncluded: a.wronglyIncluded + b.wronglyIncluded)
    }

    /// Whether anybody was checked at all.
    public var isEmpty: Bool { sampledExited <= 0 && sampledNonEnrolled <= 0 && sampledEnrolled <= 0 }
}
