/// 两不愁三保障 plus safe water: the guarantees a household must have secured to exit (REFERENCE §1, §3.3).
public enum BasicGuarantee: String, CodeListValue, Codable {
    case food
    case clothing
    case compulsoryEducation
    case basicMedical
    case safeHousing
    case safeWater

    public var label: Label {
        switch self {
        case .food: Label("不愁吃", "food")
        case .clothing: Label("不愁穿", "clothing")
        case .compulsoryEducation: Label("义务教育有保障", "compulsory education")
        case .basicMedical: Label("基本医疗有保障", "basic medical care")
        case .safeHousing: Label("住房安全有保障", "safe housing")
        case .safeWater: Label("饮水安全有保障", "safe drinking water")
        }
    }
}
