/// 与户主关系: how a member is related to the head of the household.
public enum RelationToHead: String, CodeListValue, Codable {
    case head
    case spouse
    case son
    case daughter
    case daughterInLaw
    case sonInLaw
    case grandson
    case granddaughter
    case daughtersSon
    case daughtersDaughter
    case greatGrandson
    case greatGranddaughter
    case father
    case mother
    case wifesFather
    case wifesMother
    case husbandsFather
    case husbandsMother
    case paternalGrandfather
    case paternalGrandmother
    case maternalGrandfather
    case maternalGrandmother
    case other

    public var label: Label {
        switch self {
        case .head: Label("户主", "head of household")
        case .spouse: Label("配偶", "spouse")
        case .son: Label("之子", "son")
        case .daughter: Label("之女", "daughter")
        case .daughterInLaw: Label("之儿媳", "daughter-in-law")
        case .sonInLaw: Label("之女婿", "son-in-law")
        case .grandson: Label("之孙子", "grandson")
        case .granddaughter: Label("之孙女", "granddaughter")
        case .daughtersSon: Label("之外孙子", "daughter's son")
        case .daughtersDaughter: Label("之外孙女", "daughter's daughter")
        case .greatGrandson: Label("之曾孙子", "great-grandson")
        case .greatGranddaughter: Label("之曾孙女", "great-granddaughter")
        case .father: Label("之父", "father")
        case .mother: Label("之母", "mother")
        case .wifesFather: Label("之岳父", "wife's father")
        case .wifesMother: Label("之岳母", "wife's mother")
        case .husbandsFather: Label("之公公", "husband's father")
        case .husbandsMother: Label("之婆婆", "husband's mother")
        case .paternalGrandfather: Label("之祖父", "paternal grandfather")
        case .paternalGrandmother: Label("之祖母", "paternal grandmother")
        case .maternalGrandfather: Label("之外祖父", "maternal grandfather")
        case .maternalGrandmother: Label("之外祖母", "maternal grandmother")
        case .other: Label("其他", "other")
        }
    }

    public var code: Int? {
        switch self {
        case .head: nil
        case .spouse: nil
        case .son: nil
        case .daughter: nil
        case .daughterInLaw: nil
        case .sonInLaw: nil
        case .grandson: nil
        case .granddaughter: nil
        case .daughtersSon: nil
        case .daughtersDaughter: nil
        case .greatGrandson: nil
        case .greatGranddaughter: nil
        case .father: nil
        case .mother: nil
        case .wifesFather: nil
        case .wifesMother: nil
        case .husbandsFather: nil
        case .husbandsMother: nil
        case .paternalGrandfather: nil
        case .paternalGrandmother: nil
        case .maternalGrandfather: nil
        case .maternalGrandmother: nil
        case .other: 99
        }
    }
}

extension RelationToHead {
    /// The generation relative to the head: +1 parents, 0 head and spouse, −1 children, −2 grandchildren.
    /// Used to check that ages agree with relations. `other` has none.
    public var generation: Int? {
        switch self {
        case .head, .spouse: 0
        case .son, .daughter, .daughterInLaw, .sonInLaw: -1
        case .grandson, .granddaughter, .daughtersSon, .daughtersDaughter: -2
        case .greatGrandson, .greatGranddaughter: -3
        case .father, .mother, .wifesFather, .wifesMother, .husbandsFather, .husbandsMother: 1
        case .paternalGrandfather, .paternalGrandmother, .maternalGrandfather, .maternalGrandmother: 2
        case .other: nil
        }
    }

    /// The sex the relation implies (之子 is male), or nil for 户主, 配偶 and 其他.
    public var impliedSex: Sex? {
        switch self {
        case .son, .sonInLaw, .grandson, .daughtersSon, .greatGrandson, .father, .wifesFather, .husbandsFather,
            .paternalGrandfather, .maternalGrandfather:
            .male
        case .daughter, .daughterInLaw, .granddaughter, .daughtersDaughter, .greatGranddaughter, .mother, .wifesMother,
            .husbandsMother, .paternalGrandmother, .maternalGrandmother:
            .female
        case .head, .spouse, .other: nil
        }
    }
}
