/// 文化程度: highest education reached.
public enum Education: String, CodeListValue, Codable {
    case illiterate
    case primary
    case juniorMiddle
    case seniorHigh
    case collegeOrAbove
    case preschoolChild

    public var label: Label {
        switch self {
        case .illiterate: Label("文盲或半文盲", "illiterate or semi-literate")
        case .primary: Label("小学", "primary school")
        case .juniorMiddle: Label("初中", "junior middle school")
        case .seniorHigh: Label("高中", "senior high school")
        case .collegeOrAbove: Label("大专及以上", "college or above")
        case .preschoolChild: Label("学龄前儿童", "preschool child")
        }
    }
}
