/// 劳动能力. `lost` means of working age but unable through illness or disability; `none` covers children, the elderly and students (unconfirmed — the age bounds come from policy data).
public enum LabourCapacity: String, CodeListValue, Codable {
    case ordinary
    case skilled
    case weakOrHalf
    case lost
    case none

    public var label: Label {
        switch self {
        case .ordinary: Label("普通劳动力", "ordinary labour")
        case .skilled: Label("技能劳动力", "skilled labour")
        case .weakOrHalf: Label("弱劳动力或半劳动力", "weak or half labour")
        case .lost: Label("丧失劳动力", "lost labour capacity")
        case .none: Label("无劳动力", "no labour capacity")
        }
    }
}
