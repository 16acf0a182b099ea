import TuopinCore

/// The wording of a village notice (公示), checked by DQ-015 before anyone sees it.
public enum Notices {
    public static func text(_ n: PublicNotice, _ s: Localizer) -> String {
        var lines = [
            s.text(n.purpose == .elimination ? "notice.title.elimination" : "notice.title.identification", ["village": n.villageName]),
            s.text(
                n.purpose == .elimination ? "notice.body.elimination" : "notice.body.identification",
                [
                    "count": String(n.entries.count), "from": n.from.description, "to": n.to.description,
                    "days": String(NoticePeriod(from: n.from, to: n.to).days),
                ]),
            s.text("notice.header"),
        ]
        for (i, e) in n.entries.enumerated() {
            lines.append(
                [String(i + 1), e.headName, String(e.householdSize), e.category.map { s.label($0.label) } ?? s.text("notice.proposed")].joined(
                    separator: "\t"))
        }
        lines.append(s.text("notice.footer"))
        return lines.joined(separator: "\n")
    }
}
