import TuopinCore
import TuopinServices
import TuopinStrings

/// The dashboard's view model: headline figures of an area inside the user's scope and a row
/// per child area.
enum DashboardPage {
    static func render(
        area: AdminCode?, asOf: CivilDate, user: User, statistics: StatisticsService, reports: ReportService, feeds: FeedService, site: Site,
        context: TuopinRequestContext, countdown: TuopinConfiguration.Countdown? = nil, qualityErrors: Int? = nil, today: CivilDate? = nil,
        findings: FindingService? = nil, petitions: PetitionService? = nil, campaigns: CampaignService? = nil
    ) async throws -> HTML {
        let s = site.strings[context.language]
        var chosen = area
        if chosen == nil { chosen = try await statistics.home(of: user) }
        guard let code = chosen else {
            return site.page("dashboard", ["empty": true, "emptyMessage": s.text("dashboard.empty")], context: context, title: s.text("app.name"))
        }
        let (summary, children) = try await statistics.overview(of: code, asOf: asOf, by: user)
        let c = summary.counts
        let path = try await statistics.path(to: code, by: user).filter { $0.area.level != .province }
        let title = s.text("dashboard.heading", ["name": summary.area.name, "date": asOf.description])
        let published = Published(try await reports.comparisons(for: [summary], by: user)[code.rawValue] ?? [], strings: s)
        var values: [String: Any] = [
            "breadcrumbs": path.enumerated().map { i, step -> [String: Any] in
                [
                    "name": step.area.name, "link": "/?area=\(step.area.code.rawValue)&as-of=\(asOf.description)",
                    "current": i == path.count - 1, "linked": step.viewable && i != path.count - 1,
                    "plain": !step.viewable && i != path.count - 1,
                ]
            },
            "breadcrumbLabel": s.text("dashboard.breadcrumbs"),
            "heading": title,
            "asOf": asOf.description,
            "areaCode": code.rawValue,
            "asOfLabel": s.text("dashboard.asOf"), "show": s.text("dashboard.show"),
            "cards": [
                card(
                    s.text("dashboard.enrolled"), s.count(c.enrolledHouseholds) + " " + s.text("unit.households"),
                    s.count(c.enrolledPeople) + " " + s.text("unit.people"), published.line(.enrolledHouseholds, .enrolledPeople)),
                card(
                    s.text("dashboard.exited"), s.count(c.exitedHouseholds) + " " + s.text("unit.households"),
                    s.count(c.exitedPeople) + " " + s.text("unit.people"), published.line(.exitedHouseholds, .exitedPeople)),
                card(
                    s.text("dashboard.notExited"), s.count(c.remainingHouseholds) + " " + s.text("unit.households"),
                    s.count(c.remainingPeople) + " " + s.text("unit.people"), published.line(.remainingHouseholds, .remainingPeople)),
                card(
                    s.text("dashboard.incidence"), percent(summary.incidence),
                    summary.baseline.map {
                        s.text("dashboard.incidenceAtEnrolment", ["incidence": percent($0.incidence), "date": $0.date.description])
                    } ?? "", published.line(.incidencePercent, .baselineIncidencePercent)),
                card(
                    s.text("dashboard.reduction"),
                    s.text("dashboard.tenThousandPeople", ["value": AreaSummary.tenThousands(summary.cumulativeReduction).text]),
                    s.count(summary.cumulativeReduction) + " " + s.text("unit.people"), published.line(.cumulativeReduction)),
                card(
                    s.text("dashboard.poorVillages"),
                    s.text(
                        "dashboard.villagesExited",
                        [
                            "exited": s.count(summary.poorVillagesExited),
                            "designated": s.count(summary.poorVillagesDesignated),
                        ]), "", published.line(.poorVillagesExited)),
            ],
            "incidenceExplained": s.explain(summary.incidence.check),
            "columns": [
                "dashboard.col.area", "dashboard.col.enrolled", "dashboard.col.exited", "dashboard.col.notExited",
                "dashboard.col.incidence", "dashboard.col.villages",
            ].map { ["label": s.text($0)] },
            "tableCaption": s.text("dashboard.tableCaption"),
            "chartTitle": s.text("dashboard.chartTitle"),
        ]
        values["rows"] = children.map { child -> [String: Any] in
            let k = child.counts
            return [
                "name": child.area.name, "code": child.area.code.rawValue,
                "enrolled": s.count(k.enrolledHouseholds) + " / " + s.count(k.enrolledPeople),
                "exited": s.count(k.exitedHouseholds) + " / " + s.count(k.exitedPeople),
                "notExited": s.count(k.remainingHouseholds) + " / " + s.count(k.remainingPeople),
                "incidence": percent(child.incidence),
                "villages": child.poorVillagesDesignated > 0 ? "\(child.poorVillagesExited) / \(child.poorVillagesDesignated)" : "—",
                "link": "/?area=\(child.area.code.rawValue)&as-of=\(asOf.description)",
            ]
        }
        if let countdown, let days = countdown.daysLeft(from: asOf) {
            values["countdown"] = s.text(
                "dashboard.countdown", ["name": countdown.name, "date": countdown.date.description, "days": s.count(days)])
        }
        let monitoring = try await statistics.monitoring(of: code, asOf: asOf, by: user)
        // Alerts link to the worklist's lists: procedures past their deadlines, red-line items to
        // decide, data-quality errors (today's, when the area's check is ready).
        var alerts: [[String: String]] = []
        let worklist = "/worklist?area=\(code.rawValue)"
        if monitoring.overdue > 0 {
            alerts.append(["text": s.text("dashboard.alert.overdue", ["count": s.count(monitoring.overdue)]), "link": worklist + "#overdue"])
        }
        let review = try await feeds.items(in: code, state: "open", by: user).count
        if review > 0 { alerts.append(["text": s.text("dashboard.alert.review", ["count": s.count(review)]), "link": worklist + "#review"]) }
        if let qualityErrors, qualityErrors > 0 {
            alerts.append(["text": s.text("dashboard.alert.quality", ["count": s.count(qualityErrors)]), "link": worklist + "#quality"])
        } else if qualityErrors == nil && asOf == today {
            // No check of today's registry yet: the worklist runs one.
            values["qualityLink"] = ["text": s.text("dashboard.qualityUnchecked"), "link": worklist + "#quality"]
        }
        // Findings still being rectified after their deadlines, petitions without a reply after theirs (today's page only).
        if let findings, asOf == today {
            let late = try await findings.overdue(in: code, by: user).count
            if late > 0 {
                alerts.append([
                    "text": s.text("dashboard.alert.findings", ["count": s.count(late)]), "link": "/findings?area=\(code.rawValue)&overdue=1",
                ])
            }
        }
        if let petitions, asOf == today {
            let late = try await petitions.petitions(in: code, overdue: true, by: user).count
            if late > 0 {
                alerts.append([
                    "text": s.text("dashboard.alert.petitions", ["count": s.count(late)]), "link": "/petitions?area=\(code.rawValue)&overdue=1",
                ])
            }
        }
        // Differences campaign visits found with the registry, awaiting the township.
        if let campaigns, asOf == today {
            let open = try await campaigns.openDifferences(in: code, limit: 0, by: user).total
            if open > 0 {
                alerts.append(["text": s.text("dashboard.alert.differences", ["count": s.count(open)]), "link": worklist + "#visit-differences"])
            }
        }
        if !alerts.isEmpty { values["alerts"] = alerts }
        if !monitoring.isEmpty {
            values["monitoringHeading"] = s.text("dashboard.monitoring.heading")
            values["monitoringCards"] = monitoringCards(monitoring, s)
            values["monitoringChartTitle"] = s.text("dashboard.monitoring.chartTitle")
            values["monitoringChart"] = Charts.bars(
                MonitoringCategory.allCases.map { (s.label($0.label), monitoring.monitored[$0]?.households ?? 0) },
                title: s.text("dashboard.monitoring.chartTitle"))
        }
        values["hasRows"] = !children.isEmpty
        values["chart"] = IncidenceChart.svg(children.map { ($0.area.name, $0.incidence) }, title: s.text("dashboard.chartTitle"))
        values["statusChartTitle"] = s.text("dashboard.statusChartTitle")
        values["statusChart"] = Charts.status(
            children.map { ($0.area.name, $0.counts.exitedHouseholds, $0.counts.remainingHouseholds) }, title: s.text("dashboard.statusChartTitle"),
            legend: (s.text("dashboard.exited"), s.text("dashboard.notExited")))
        return site.page("dashboard", values, context: context, title: title, query: ["area": code.rawValue, "as-of": asOf.description])
    }

    /// 防返贫监测 on the day: who is monitored (by category), who is being identified (and how
    /// many are past their deadline), whose risk was eliminated (by method), and this year's leads.
    static func monitoringCards(_ m: MonitoringFigures, _ s: Localizer) -> [[String: String]] {
        let separator = " · ", colon = s.language == .zh ? "：" : ": "
        let total = m.monitoredTotal
        return [
            card(
                s.text("dashboard.monitoring.monitored"), s.count(total.households) + " " + s.text("unit.households"),
                s.count(total.people) + " " + s.text("unit.people") + colon
                    + MonitoringCategory.allCases.map { s.label($0.label) + " " + s.count(m.monitored[$0]?.households ?? 0) }.joined(
                        separator: separator)),
            card(
                s.text("dashboard.monitoring.identifying"), s.count(m.identifying) + " " + s.text("unit.households"),
                s.text("dashboard.monitoring.overdue", ["count": s.count(m.overdue)])),
            card(
                s.text("dashboard.monitoring.eliminated"), s.count(m.eliminatedTotal) + " " + s.text("unit.households"),
                EliminationMethod.allCases.map { s.label($0.label) + " " + s.count(m.eliminated[$0] ?? 0) }.joined(separator: separator)),
            card(
                s.text("dashboard.monitoring.leads", ["year": String(m.asOf.year)]), s.count(m.leadsThisYear),
                s.text("dashboard.monitoring.notIdentified", ["count": s.count(m.notIdentified)])),
        ]
    }

    static func card(_ label: String, _ value: String, _ detail: String, _ published: (text: String, agrees: Bool)? = nil) -> [String: String] {
        var card = ["label": label, "value": value, "detail": detail]
        if let published {
            card["published"] = published.text
            card["publishedClass"] = published.agrees ? "agrees" : "differs"
        }
        return card
    }

    /// The figures published for the area on the page's date (the reported series), worded
    /// for the card that shows the same indicators: "公布 14,466 户 · 43,172 人 · 一致".
    struct Published {
        let comparisons: [HeadlineIndicator: FigureComparison]
        let s: Localizer

        init(_ list: [FigureComparison], strings: Localizer) {
            comparisons = Dictionary(list.map { ($0.reported.indicator, $0) }, uniquingKeysWith: { _, last in last })
            s = strings
        }

        func line(_ indicators: HeadlineIndicator...) -> (text: String, agrees: Bool)? {
            let shown = indicators.compactMap { comparisons[$0] }
            guard !shown.isEmpty else { return nil }
            let values = shown.map(value).joined(separator: " · ")
            let differing = shown.filter { !$0.agrees }
            let state =
                differing.isEmpty
                ? s.text("report.agrees")
                : s.text(
                    "dashboard.published.differs",
                    ["differences": differing.map { d in d.difference.map { value(d.reported.indicator, $0) } ?? "—" }.joined(separator: " · ")])
            return (s.text("dashboard.published", ["values": values, "state": state]), differing.isEmpty)
        }

        private func value(_ c: FigureComparison) -> String { value(c.reported.indicator, c.reported.value) }

        private func value(_ indicator: HeadlineIndicator, _ v: FixedDecimal) -> String {
            switch indicator {
            case .incidencePercent, .baselineIncidencePercent: return v.text + "%"
            case .enrolledHouseholds, .exitedHouseholds, .remainingHouseholds:
                return (v.places == 0 ? s.count(Int(v.scaled)) : v.text) + " " + s.text("unit.households")
            case .enrolledPeople, .exitedPeople, .remainingPeople, .cumulativeReduction:
                return (v.places == 0 ? s.count(Int(v.scaled)) : v.text) + " " + s.text("unit.people")
            case .poorVillagesExited: return (v.places == 0 ? s.count(Int(v.scaled)) : v.text) + " " + s.text("unit.villages")
            }
        }
    }

    static func percent(_ i: Incidence) -> String { i.percent.map { $0.text + "%" } ?? "—" }
}
