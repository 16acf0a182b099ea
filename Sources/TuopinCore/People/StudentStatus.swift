/// 在校生状况: whether a member is in school and in which grade (REFERENCE §2.6).
///
/// Stored as a token: `notInSchool`, `preschool`, `primary:3`, `juniorMiddle:8`, `seniorHigh:1`,
/// `secondaryVocational:2`, `higherVocational:1`, `collegeOrAbove`.
public enum StudentStatus: Hashable, Sendable, Codable {
    case notInSchool
    case preschool
    case primary(grade: Int)  // 1…6
    case juniorMiddle(grade: Int)  // 7…9
    case seniorHigh(grade: Int)  // 1…3
    case secondaryVocational(grade: Int)  // 1…3
    case higherVocational(grade: Int)  // 1…3
    case collegeOrAbove

    public var token: String {
        switch self {
        case .notInSchool: "notInSchool"
        case .preschool: "preschool"
        case .primary(let g): "primary:\(g)"
        case .juniorMiddle(let g): "juniorMiddle:\(g)"
        case .seniorHigh(let g): "seniorHigh:\(g)"
        case .secondaryVocational(let g): "secondaryVocational:\(g)"
        case .higherVocational(let g): "higherVocational:\(g)"
        case .collegeOrAbove: "collegeOrAbove"
        }
    }

    /// Parses a token; the grade must be in the stage's range.
    public init?(token: String) {
        switch token {  // the tokens without a grade, the common case, need no splitting
        case "notInSchool":
            self = .notInSchool
            return
        case "preschool":
            self = .preschool
            return
        case "collegeOrAbove":
            self = .collegeOrAbove
            return
        default: break
        }
        let parts = token.split(separator: ":")
        let grade = parts.count == 2 ? Int(parts[1]) : nil
        switch (parts.first.map(String.init), grade) {
        case ("notInSchool", nil): self = .notInSchool
        case ("preschool", nil): self = .preschool
        case ("collegeOrAbove", nil): self = .collegeOrAbove
        case ("primary", let g?) where (1...6).contains(g): self = .primary(grade: g)
        case ("juniorMiddle", let g?) where (7...9).contains(g): self = .juniorMiddle(grade: g)
        case ("seniorHigh", let g?) where (1...3).contains(g): self = .seniorHigh(grade: g)
        case ("secondaryVocational", let g?) where (1...3).contains(g): self = .secondaryVocational(grade: g)
        case ("higherVocational", let g?) where (1...3).contains(g): self = .higherVocational(grade: g)
        default: return nil
        }
    }

    public var label: Label {
        switch self {
        case .notInSchool: Label("非在校生", "not in school")
        case .preschool: Label("学前教育", "preschool")
        case .primary(let g): Label("小学\(g)年级", "primary grade \(g)")
        case .juniorMiddle(let g): Label("\(Self.chineseNumeral(g))年级", "grade \(g)")
        case .seniorHigh(let g): Label("高中\(g)年级", "senior high year \(g)")
        case .secondaryVocational(let g): Label("中职\(g)年级", "secondary vocational year \(g)")
        case .higherVocational(let g): Label("高职高专\(g)年级", "higher vocational year \(g)")
        case .collegeOrAbove: Label("大专及以上", "college or above")
        }
    }

    /// Whether the member is in compulsory education (primary or junior middle school).
    public var isCompulsory: Bool {
        switch self {
        case .primary, .juniorMiddle: true
        default: false
        }
    }

    public var isInSchool: Bool { self != .notInSchool }

    private static func chineseNumeral(_ n: Int) -> String {
        ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"][min(max(n, 0), 9)]
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = StudentStatus(token: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "student status"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}
