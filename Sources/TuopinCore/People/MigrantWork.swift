/// 务工状况: where a member works away from home.
public enum MigrantWork: String, CodeListValue, Codable {
    case withinTownship
    case withinCounty
    case withinProvince
    case outsideProvince
    case other

    public var label: Label {
        switch self {
        case .withinTownship: Label("乡(镇)内务工", "within the township")
        case .withinCounty: Label("乡(镇)外县内务工", "within the county")
        case .withinProvince: Label("县外省内务工", "within the province")
        case .outsideProvince: Label("省外务工", "outside the province")
        case .other: Label("其他", "other")
        }
    }

    public var code: Int? {
        switch self {
        case .withinTownship: 1
        case .withinCounty: 2
        case .withinProvince: 3
        case .outsideProvince: 4
        case .other: 99
        }
    }
}
