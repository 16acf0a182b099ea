/// What a visit campaign is (REFERENCE glossary): a 脱贫质量"回头看" review, a full-coverage home
/// visit (入户调查全覆盖), or a concentrated sweep (集中排查).
public enum CampaignKind: String, CodeListValue, Codable {
    case reviewCampaign
    case fullCoverageVisit
    case concentratedSweep

    public var label: Label {
        switch self {
        case .reviewCampaign: Label("脱贫质量“回头看”", "poverty-exit quality review")
        case .fullCoverageVisit: Label("入户调查全覆盖", "full-coverage home visits")
        case .concentratedSweep: Label("集中排查", "concentrated sweep")
        }
    }
}
