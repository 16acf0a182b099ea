import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStrings

/// `/notices`: a village's public notice (公示) of the households now at the notice step of an
/// identification or a risk elimination, for the days chosen, as a page to print and post. It
/// shows each head's name, the household's size and the proposed category, never an ID number,
/// a phone, a bank account or health; a text that would carry one (DQ-015) is refused.
struct NoticesController: Sendable {
    let monitoring: MonitoringService
    let site: Site
    let today: @Sendable () -> CivilDate

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self).get(use: notice)
    }

    func notice(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        let s = site.strings[context.language]
        func day(_ name: String, _ fallback: CivilDate) throws -> CivilDate {
            guard let text = q.get(name), !text.isEmpty else { return fallback }
            do { return try CivilDate(text) } catch let e as CivilDate.ParseError { throw BadParameter(name, e) }
        }
        let from = try day("from", today())
        let to = try day("to", from.adding(days: 4))
        guard to >= from else { throw BadParameter("to", UnknownValue(value: to.description)) }
        let purpose: WorkflowTemplate.Purpose = try HouseholdsController.code(q.get("purpose"), name: "purpose") ?? .identification
        guard purpose != .enrolment else { throw BadParameter("purpose", UnknownValue(value: purpose.token)) }
        var villageCode = user.scope.code.flatMap { $0.level == .village ? $0 : nil }
        if let text = q.get("village"), !text.isEmpty {
            do { villageCode = try AdminCode(text) } catch { throw BadParameter("village", error) }
        }
        var values: [String: Any] = [
            "formTitle": s.text("notice.page.title"), "villageLabel": s.text("notice.page.village"), "village": villageCode?.rawValue ?? "",
            "purposeLabel": s.text("notice.page.purpose"),
            "purposes": [WorkflowTemplate.Purpose.identification, .elimination].map {
                ["value": $0.token, "label": s.label($0.label), "selected": $0 == purpose]
            },
            "fromLabel": s.text("household.open.noticeFrom"), "toLabel": s.text("household.open.noticeTo"), "from": from.description,
            "to": to.description, "show": s.text("dashboard.show"),
        ]
        var title = s.text("notice.page.title")
        if let villageCode {
            guard villageCode.level == .village else { throw BadParameter("village", UnknownValue(value: villageCode.rawValue)) }
            let n = try await monitoring.notice(village: villageCode, purpose: purpose, from: from, to: to, by: user)
            let text = Notices.text(n, s)
            let check = PublicNoticeRules.evaluate(text)
            if !check.passed {
                values["refused"] = check.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")
            } else {
                let lines = text.components(separatedBy: "\n")
                title = lines[0]
                values["notice"] =
                    [
                        "title": lines[0], "body": lines[1], "columns": lines[2].components(separatedBy: "\t").map { ["label": $0] },
                        "entries": lines.dropFirst(3).dropLast().map { ["cells": $0.components(separatedBy: "\t").map { ["text": $0] }] },
                        "footer": lines.last ?? "", "empty": n.entries.isEmpty, "none": s.text("notice.page.none"),
                    ] as [String: Any]
            }
        }
        return site.page("notices", values, context: context, title: title)
    }
}
