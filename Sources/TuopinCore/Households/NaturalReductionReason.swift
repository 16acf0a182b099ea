/// 自然减少原因: why a person or a whole household left the registry naturally.
public enum NaturalReductionReason: String, CodeListValue, Codable {
    case death
    case migration
    case imprisonment
    case missing
    /// 婚出: married into another household.
    case marriage
    /// 分户: left to form a new household of the same village (`HouseholdService.split`).
    case split
    /// 合户: the household merged into another one (`HouseholdService.merge`).
    case merged

    public var label: Label {
        switch self {
        case .death: Label("死亡", "death")
        case .migration: Label("迁出", "moved away")
        case .imprisonment: Label("服刑", "imprisonment")
        case .missing: Label("失踪", "missing")
        case .marriage: Label("婚出", "married out")
        case .split: Label("分户", "split off")
        case .merged: Label("合户", "merged into another household")
        }
    }
}
