/// A record numbered within its county ("430481-12"): a finding of the rectification ledger, an
/// approval survey. Records about the whole city are kept under the city's code.
public struct CountyRecordKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let county: String
    public let number: Int

    public init(county: String, number: Int) {
        self.county = county
        self.number = number
    }

    /// Parses "430481-12"; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 6, parts[0].allSatisfy(\.isASCIIDigit), parts[1].count <= 9,
            let number = Int(parts[1]), number > 0, parts[1].allSatisfy(\.isASCIIDigit)
        else { return nil }
        self.county = String(parts[0])
        self.number = number
    }

    public var description: String { "\(county)-\(number)" }

    public static func < (a: CountyRecordKey, b: CountyRecordKey) -> Bool { (a.county, a.number) < (b.county, b.number) }
}

/// A finding's number within its county.
public typealias FindingKey = CountyRecordKey

/// An approval survey's number within its county.
public typealias SurveyKey = CountyRecordKey

/// A visit campaign's number within its county.
public typealias CampaignKey = CountyRecordKey

/// A difference between a campaign visit and the registry, numbered within its county.
public typealias DifferenceKey = CountyRecordKey

/// A sample check's findings (the 三率 of a quality assessment), numbered within its county.
public typealias AssessmentKey = CountyRecordKey

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
