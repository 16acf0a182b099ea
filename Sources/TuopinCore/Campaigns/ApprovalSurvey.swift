/// A public approval survey (群众认可度调查) of an area for an evaluation year: a random sample of
/// households in each of its villages (or townships), drawn reproducibly from a recorded seed,
/// and each sampled household's answer. Its approval (approving ÷ surveyed households, REFERENCE
/// §3.5) feeds the county exit evaluation.
public struct ApprovalSurvey: Hashable, Sendable {
    /// Given by the store (number 0 before it is stored).
    public var key: SurveyKey
    public var area: AdminCode
    public var year: Int
    public var title: String
    /// The areas the sample is drawn in: each village, or each township.
    public var stratum: AreaLevel
    /// Households drawn in each stratum (all of them where fewer).
    public var perStratum: Int
    /// The seed the sample was drawn from: the same seed over the same households draws the same sample.
    public var seed: UInt64
    public var drawnOn: CivilDate
    public var drawnBy: String

    public init(
        key: SurveyKey? = nil, area: AdminCode, year: Int, title: String, stratum: AreaLevel, perStratum: Int, seed: UInt64, drawnOn: CivilDate,
        drawnBy: String
    ) {
        self.key = key ?? SurveyKey(county: String(area.rawValue.prefix(6)), number: 0)
        self.area = area
        self.year = year
        self.title = title
        self.stratum = stratum
        self.perStratum = perStratum
        self.seed = seed
        self.drawnOn = drawnOn
        self.drawnBy = drawnBy
    }
}

/// One sampled household and, once asked, its answer.
public struct SurveySample: Hashable, Sendable {
    public var household: HouseholdNumber
    /// The village or township it was drawn in.
    public var stratum: AdminCode
    /// Its place in its stratum's draw (1 first).
    public var order: Int
    public var answer: Satisfaction?
    public var answeredOn: CivilDate?
    public var note: String

    public init(
        household: HouseholdNumber, stratum: AdminCode, order: Int, answer: Satisfaction? = nil, answeredOn: CivilDate? = nil, note: String = ""
    ) {
        self.household = household
        self.stratum = stratum
        self.order = order
        self.answer = answer
        self.answeredOn = answeredOn
        self.note = note
    }
}
