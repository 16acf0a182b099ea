/// Where a finding's rectification stands (问题整改, REFERENCE §1): 整改中 until the responsible
/// unit reports it done with evidence, 已整改 until someone of another role verifies it, then 销号.
public enum RectificationState: String, CodeListValue, Codable {
    case inProgress
    case rectified
    case closed

    public var label: Label {
        switch self {
        case .inProgress: Label("整改中", "in progress")
        case .rectified: Label("已整改待验收", "rectified, awaiting verification")
        case .closed: Label("已销号", "closed")
        }
    }
}

/// One entry of a finding's rectification record.
public enum RectificationStepKind: String, CodeListValue, Codable {
    /// 登记: the finding was recorded.
    case recorded
    /// 整改进展: work done so far, with its evidence.
    case progress
    /// 整改完成: the unit reports the problem put right, with evidence.
    case rectified
    /// 验收不通过: the verifier sends it back to be rectified again.
    case returned
    /// 验收销号: verified and closed.
    case closed

    public var label: Label {
        switch self {
        case .recorded: Label("登记", "recorded")
        case .progress: Label("整改进展", "progress")
        case .rectified: Label("整改完成", "rectified")
        case .returned: Label("验收不通过，退回整改", "returned for rework")
        case .closed: Label("验收销号", "verified and closed")
        }
    }
}
