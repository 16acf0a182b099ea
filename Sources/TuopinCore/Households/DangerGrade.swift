/// 危房等级: A and B are safe, C partly and D wholly dangerous (graded by county housing departments).
public enum DangerGrade: String, CodeListValue, Codable {
    case a
    case b
    case c
    case d

    public var label: Label {
        switch self {
        case .a: Label("A级", "grade A")
        case .b: Label("B级", "grade B")
        case .c: Label("C级(局部危房)", "grade C (partly dangerous)")
        case .d: Label("D级(整体危房)", "grade D (whole house dangerous)")
        }
    }
}

extension DangerGrade {
    /// Grades A and B are safe; C and D must be rebuilt first (REFERENCE §2.6, E5).
    public var isSafe: Bool { self == .a || self == .b }
}
