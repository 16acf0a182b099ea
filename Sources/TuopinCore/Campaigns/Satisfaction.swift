/// A surveyed household's answer on the poverty work (群众满意度): the national evaluations count
/// 很满意, 满意 and 基本满意 as approving. A household not reached is not counted as surveyed.
public enum Satisfaction: String, CodeListValue, Codable {
    case verySatisfied
    case satisfied
    case basicallySatisfied
    case dissatisfied
    /// 未能访问: not at home, moved, refused: replaced rather than counted.
    case notReached

    public var label: Label {
        switch self {
        case .verySatisfied: Label("很满意", "very satisfied")
        case .satisfied: Label("满意", "satisfied")
        case .basicallySatisfied: Label("基本满意", "basically satisfied")
        case .dissatisfied: Label("不满意", "dissatisfied")
        case .notReached: Label("未能访问", "not reached")
        }
    }

    /// Counted as approving (认可).
    public var approves: Bool { self == .verySatisfied || self == .satisfied || self == .basicallySatisfied }

    /// Counted among the households surveyed.
    public var surveyed: Bool { self != .notReached }
}
