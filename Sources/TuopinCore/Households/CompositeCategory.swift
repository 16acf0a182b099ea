/// The national form's composite household category (`aac006`), derived from attribute and
/// status and never stored (REFERENCE §2.6).
///
/// ```swift
/// CompositeCategory(attribute: .dibao, status: .exitedWithPolicies)   // .dibaoExited, code "02"
/// ```
public enum CompositeCategory: String, CodeListValue, Codable {
    case generalPoor, dibaoExited, tekunExited, dibaoPoor, generalExited, tekunPoor

    /// The category of a household with this attribute in this status; nil when the status is
    /// not on the roll (removed, closed). Households on both 低保 and 特困 (07, 08) need both
    /// flags and are not derivable from the single attribute.
    public init?(attribute: PovertyAttribute, status: PovertyStatus) {
        guard status.isEnrolled else { return nil }
        switch (attribute, status.isExited) {
        case (.general, false): self = .generalPoor
        case (.dibao, true): self = .dibaoExited
        case (.tekun, true): self = .tekunExited
        case (.dibao, false): self = .dibaoPoor
        case (.general, true): self = .generalExited
        case (.tekun, false): self = .tekunPoor
        }
    }

    /// The two-digit national code.
    public var nationalCode: String {
        switch self {
        case .generalPoor: "01"
        case .dibaoExited: "02"
        case .tekunExited: "03"
        case .dibaoPoor: "04"
        case .generalExited: "05"
        case .tekunPoor: "06"
        }
    }

    public var code: Int? { Int(nationalCode) }

    public var label: Label {
        switch self {
        case .generalPoor: Label("一般贫困户", "general poor household")
        case .dibaoExited: Label("低保脱贫户", "exited household on 低保")
        case .tekunExited: Label("特困供养脱贫户", "exited household on 特困 support")
        case .dibaoPoor: Label("低保贫困户", "poor household on 低保")
        case .generalExited: Label("一般脱贫户", "general exited household")
        case .tekunPoor: Label("特困供养贫困户", "poor household on 特困 support")
        }
    }
}
