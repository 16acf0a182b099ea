/// A transition the state machine refused, with the transition asked for and the checks that
/// failed ("M2: 公示 3 天，少于规定的 5 天").
public struct MonitoringRefusal: Error, Hashable, Sendable {
    public let transition: MonitoringTransition
    public let decision: Decision

    public init(_ transition: MonitoringTransition, _ decision: Decision) {
        self.transition = transition
        self.decision = decision
    }
}

/// The transitions of REFERENCE §3.10, by number.
public enum MonitoringTransition: String, CodeListValue, Codable {
    case lead = "M1"
    case completeStep = "M2"
    case objection = "M3"
    case reject = "M4"
    case approve = "M5"
    case assist = "M6"
    case startElimination = "M7"
    case eliminate = "M8"
    case stopElimination = "M9"
    case newRisk = "M10"
    case remove = "M11"
    case greenChannel = "M12"

    public var label: Label {
        switch self {
        case .lead: Label("登记风险线索", "risk lead recorded")
        case .completeStep: Label("完成程序步骤", "step completed")
        case .objection: Label("公示有异议", "valid objection to the notice")
        case .reject: Label("审核不通过", "rejected")
        case .approve: Label("县级审定纳入监测", "approved for monitoring")
        case .assist: Label("落实帮扶或回访", "assistance or revisit recorded")
        case .startElimination: Label("启动风险消除", "risk elimination started")
        case .eliminate: Label("风险消除", "risk eliminated")
        case .stopElimination: Label("终止风险消除", "risk elimination stopped")
        case .newRisk: Label("出现新风险", "new risk")
        case .remove: Label("自然减少", "household removed")
        case .greenChannel: Label("绿色通道先帮扶", "green channel: help before approval")
        }
    }
}
