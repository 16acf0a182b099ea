/// Where a problem was found (问题来源, REFERENCE §1): the inspections, assessments and other
/// channels whose findings the rectification ledger (问题整改台账, R-11) tracks to closure.
public enum FindingSource: String, CodeListValue, Codable {
    case inspectionTour
    case assessment
    case audit
    case supervision
    case unannouncedVisit
    case petition
    case publicOpinion

    public var label: Label {
        switch self {
        case .inspectionTour: Label("巡视巡察", "inspection tour")
        case .assessment: Label("考核评估", "assessment")
        case .audit: Label("审计", "audit")
        case .supervision: Label("督查", "supervision")
        case .unannouncedVisit: Label("暗访", "unannounced visit")
        case .petition: Label("信访", "petition")
        case .publicOpinion: Label("舆情", "public opinion")
        }
    }
}
