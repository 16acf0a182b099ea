/// The level a measure's money is reported under in R-09 (资金按级次): each level of government's
/// budget, paired assistance (东西部协作、对口帮扶), financial (credit) and social money. Which
/// funding source counts under which level is a local choice (REFERENCE §4.1, R-09: unconfirmed —
/// make configurable): `reference` is the default, and an administrator may regroup any source.
public enum FundingLevel: String, CodeListValue, Codable {
    case central
    case provincial
    case municipal
    case county
    case township
    case paired
    case financial
    case social
    case other

    public var label: Label {
        switch self {
        case .central: Label("中央", "central")
        case .provincial: Label("省级", "provincial")
        case .municipal: Label("市级", "city")
        case .county: Label("县级", "county")
        case .township: Label("乡镇", "township")
        case .paired: Label("东西部协作和对口帮扶", "paired assistance")
        case .financial: Label("金融资金", "financial (credit)")
        case .social: Label("社会帮扶", "social")
        case .other: Label("其他", "other")
        }
    }

    /// The default grouping: each budget under its own level, credit as financial, donations and
    /// enterprises as social.
    public static let reference: [FundingSource: FundingLevel] = [
        .central: .central, .provincial: .provincial, .municipal: .municipal, .county: .county, .township: .township,
        .creditLoan: .financial, .pairedAssistance: .paired, .socialDonation: .social, .enterprise: .social, .other: .other,
    ]
}
