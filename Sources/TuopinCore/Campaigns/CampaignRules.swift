import Foundation

/// The checks on a campaign and on each visit, each worded with its values.
///
/// A campaign: a title; an area that is a county, township or village (a campaign is run by a
/// county); a period that opens in a registry year and closes on or after it, at most 366 days
/// long; an exit year in the registry's years.
///
/// A visit: made within the campaign's period and not in the future; whom the cadre met, in at
/// most 50 characters; a note of at most 500; an observed income from 0 to 10 million yuan; a
/// photo no larger than the configured limit; each risk named once. No text of either carries a
/// control character (a NUL byte, an escape …).
public enum CampaignRules {
    public static let title = RuleID("campaign.title")
    public static let area = RuleID("campaign.area")
    public static let period = RuleID("campaign.period")
    public static let target = RuleID("campaign.target")
    public static let visitDate = RuleID("visit.date")
    public static let metWith = RuleID("visit.metWith")
    public static let note = RuleID("visit.note")
    public static let income = RuleID("visit.income")
    public static let photo = RuleID("visit.photo")
    public static let risks = RuleID("visit.risks")
    public static let text = RuleID("campaign.text")

    public static let maxTitle = 200
    public static let maxMetWith = 50
    public static let maxNote = 500
    public static let maxDays = 366
    public static let maxIncome = Money.yuan(10_000_000)

    public static func evaluate(_ c: VisitCampaign) -> Decision {
        let title = c.title.trimmingCharacters(in: .whitespacesAndNewlines)
        var checks = [
            Check(
                Self.title, passed: !title.isEmpty && title.count <= maxTitle,
                values: [ReasonValue("length", .count(Int64(title.count))), ReasonValue("max", .count(Int64(maxTitle)))]),
            Check(
                area, passed: [.county, .township, .village].contains(c.area.level),
                values: [ReasonValue("area", .token(c.area.rawValue)), ReasonValue("level", .code(c.area.level))]),
            Check(
                period,
                passed: RegistryYear.contains(c.opens.year) && c.opens <= c.closes && c.closes.dayNumber - c.opens.dayNumber < maxDays,
                values: [ReasonValue("opens", .date(c.opens)), ReasonValue("closes", .date(c.closes)), ReasonValue("max", .count(Int64(maxDays)))]),
        ]
        checks.append(plainText([c.title]))
        if case .exitedIn(let year) = c.target {
            checks.append(Check(target, passed: RegistryYear.contains(year), values: [ReasonValue("year", .year(year))]))
        }
        return Decision(checks: checks)
    }

    /// A visit to one of `campaign`'s households, received on `today`.
    public static func evaluate(_ v: CampaignVisit, in campaign: VisitCampaign, today: CivilDate, maxPhotoBytes: Int) -> Decision {
        let met = v.metWith.trimmingCharacters(in: .whitespacesAndNewlines).count
        let note = v.note.trimmingCharacters(in: .whitespacesAndNewlines).count
        var checks = [
            Check(
                visitDate, passed: campaign.isOpen(on: v.visitedAt.date) && v.visitedAt.date <= today,
                values: [
                    ReasonValue("date", .date(v.visitedAt.date)), ReasonValue("opens", .date(campaign.opens)),
                    ReasonValue("closes", .date(campaign.closes)), ReasonValue("today", .date(today)),
                ]),
            Check(
                metWith, passed: met > 0 && met <= maxMetWith,
                values: [ReasonValue("length", .count(Int64(met))), ReasonValue("max", .count(Int64(maxMetWith)))]),
            Check(
                Self.note, passed: note <= maxNote, values: [ReasonValue("length", .count(Int64(note))), ReasonValue("max", .count(Int64(maxNote)))]),
            Check(risks, passed: Set(v.risks).count == v.risks.count, values: [ReasonValue("count", .count(Int64(v.risks.count)))]),
            plainText([v.metWith, v.note]),
        ]
        if let amount = v.perCapitaIncome {
            checks.append(
                Check(
                    income, passed: amount >= .zero && amount <= maxIncome,
                    values: [ReasonValue("income", .money(amount)), ReasonValue("max", .money(maxIncome))]))
        }
        if let p = v.photo {
            checks.append(
                Check(
                    photo, passed: p.bytes.count <= maxPhotoBytes,
                    values: [ReasonValue("bytes", .count(Int64(p.bytes.count))), ReasonValue("max", .count(Int64(maxPhotoBytes)))]))
        }
        return Decision(checks: checks)
    }

    /// The texts carry no control character (tabs and line breaks aside).
    static func plainText(_ texts: [String]) -> Check {
        let bad = texts.flatMap(\.unicodeScalars).filter { $0.properties.generalCategory == .control && !["\t", "\n", "\r"].contains($0) }
        return Check(text, passed: bad.isEmpty, values: [ReasonValue("count", .count(Int64(bad.count)))])
    }
}
