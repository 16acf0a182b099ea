/// A special group (特殊群体) a household belongs to for a time: relocated (易地扶贫搬迁), retired
/// fishermen (退捕渔民), severe disability, elderly living alone, and any an administrator adds.
/// The groups are a code table; a tag carries its validity dates.
public struct SpecialGroup: Hashable, Sendable, Codable {
    /// A stable token: letters and digits, starting with a letter (`relocated`).
    public let token: String
    public let label: Label
    public let builtIn: Bool

    public init(token: String, label: Label, builtIn: Bool = false) throws(SpecialGroupError) {
        guard (2...40).contains(token.count), token.first?.isLetter == true, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .badToken(String(token.prefix(40)))
        }
        guard !label.zh.trimmingCharacters(in: .whitespaces).isEmpty, label.zh.count <= 40, label.en.count <= 80 else { throw .badName }
        self.token = token
        self.label = label
        self.builtIn = builtIn
    }
}

public enum SpecialGroupError: Error, Equatable, Sendable {
    case badToken(String)
    case badName
    case unknownGroup(String)
    case endBeforeStart
}

/// A household's membership of a special group, from a date, until a date or open.
public struct SpecialGroupTag: Hashable, Sendable {
    public var household: HouseholdNumber
    public var group: String
    public var from: CivilDate
    public var to: CivilDate?
    public var note: String

    public init(household: HouseholdNumber, group: String, from: CivilDate, to: CivilDate? = nil, note: String = "") {
        self.household = household
        self.group = group
        self.from = from
        self.to = to
        self.note = note
    }

    public func isValid(on date: CivilDate) -> Bool { from <= date && (to.map { date < $0 } ?? true) }
}
