import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/surveys`: public approval surveys (群众认可度调查). The list of an area's surveys with a form
/// to draw one (county and city offices); `/surveys/{430481-1}` is a survey's approval by village
/// (or township) and in all, with its sample size, the sampled households with their answers, and
/// a form to record an answer.
struct SurveysController: Sendable {
    let surveys: SurveyService
    let site: Site
    let today: @Sendable () -> CivilDate

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: list)
            .post(use: draw)
            .get(":key", use: show)
            .post(":key/answer", use: answer)
    }

    func list(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        return try await listPage(area: try WorklistController.area(request.uri.queryParameters.get("area")), user: user, context: context)
    }

    func draw(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let f = context.form
        let typed = Dictionary(
            uniqueKeysWithValues: ["area", "year", "title", "perStratum", "stratum", "seed", "drawnOn"].map {
                ($0, String((f.value($0) ?? "").prefix(SurveyRules.maxTitle + 1)))
            })
        do {
            let (survey, _) = try await surveys.draw(
                area: try FindingsController.field("area", typed["area"]!) { try AdminCode($0) },
                year: try FindingsController.field("year", typed["year"]!) { try FindingsController.required(Int($0), $0) },
                title: typed["title"]!,
                stratum: try FindingsController.field("stratum", typed["stratum"]!) { try FindingsController.required(AreaLevel(token: $0), $0) },
                perStratum: try FindingsController.field("perStratum", typed["perStratum"]!) { try FindingsController.required(Int($0), $0) },
                seed: typed["seed"]!.isEmpty
                    ? nil : try FindingsController.field("seed", typed["seed"]!) { try FindingsController.required(UInt64($0), $0) },
                drawnOn: typed["drawnOn"]!.isEmpty ? nil : try FindingsController.field("drawnOn", typed["drawnOn"]!) { try CivilDate($0) },
                by: user)
            return Response(status: .seeOther, headers: [.location: "/surveys/\(survey.key)?done=drawn"])
        } catch let refused as any WordedError & Sendable {
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await listPage(
                area: nil, user: user, context: context, typed: typed, refused: refused.message(site.strings[context.language]), status: status
            ).response(from: request, context: context)
        }
    }

    func show(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        return try await surveyPage(
            try Self.key(context.parameters.get("key")), user: user, context: context, done: request.uri.queryParameters.get("done"))
    }

    func answer(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let key = try Self.key(context.parameters.get("key"))
        let f = context.form
        let typed = Dictionary(
            uniqueKeysWithValues: ["household", "answer", "date", "note"].map { ($0, String((f.value($0) ?? "").prefix(SurveyRules.maxNote + 1))) })
        do {
            try await surveys.answer(
                key, household: try FindingsController.field("household", typed["household"]!) { try HouseholdNumber($0) },
                try FindingsController.field("answer", typed["answer"]!) { try FindingsController.required(Satisfaction(token: $0), $0) },
                on: try FindingsController.field("date", typed["date"]!) { try CivilDate($0) }, note: typed["note"]!, by: user)
            return Response(status: .seeOther, headers: [.location: "/surveys/\(key)?done=answered#answer"])
        } catch let refused as any WordedError & Sendable {
            if case .notFound = refused as? SurveyError { throw refused }
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await surveyPage(
                key, user: user, context: context, typed: typed, refused: refused.message(site.strings[context.language]), status: status
            ).response(from: request, context: context)
        }
    }

    // MARK: pages

    func listPage(
        area: AdminCode?, user: User, context: TuopinRequestContext, typed: [String: String] = [:], refused: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let rows = try await surveys.surveys(in: area, by: user)
        var values: [String: Any] = [
            "title": s.text("surveys.title"), "areaLabel": s.text("worklist.area"), "area": area?.rawValue ?? "", "show": s.text("dashboard.show"),
            "hasRows": !rows.isEmpty, "none": s.text("household.none"),
            "columns": ["key", "area", "year", "title", "stratum", "perStratum", "seed", "drawnOn"].map { ["label": s.text("surveys.column." + $0)] },
            "rows": rows.map {
                [
                    "key": $0.key.description, "link": "/surveys/\($0.key)", "area": $0.area.rawValue, "year": String($0.year), "title": $0.title,
                    "stratum": s.label($0.stratum.label), "perStratum": s.count($0.perStratum), "seed": String($0.seed),
                    "drawnOn": $0.drawnOn.description,
                ]
            },
        ]
        if AccessPolicy.allowed(user.role).contains(.conductSurvey) {
            let day = today()
            values["drawForm"] =
                [
                    "heading": s.text("surveys.draw"), "action": "/surveys", "csrf": context.session?.csrfToken ?? "", "error": refused ?? false,
                    "areaLabel": s.text("surveys.column.area"), "area": typed["area"] ?? user.scope.code?.rawValue ?? "",
                    "yearLabel": s.text("surveys.column.year"), "year": typed["year"] ?? String(day.year),
                    "titleLabel": s.text("surveys.column.title"), "titleValue": typed["title"] ?? "",
                    "stratumLabel": s.text("surveys.column.stratum"),
                    "strata": [AreaLevel.village, .township].map {
                        ["value": $0.token, "label": s.label($0.label), "selected": $0.token == typed["stratum"]]
                    },
                    "perStratumLabel": s.text("surveys.column.perStratum"), "perStratum": typed["perStratum"] ?? "3",
                    "seedLabel": s.text("surveys.seedHint"), "seed": typed["seed"] ?? "",
                    "drawnOnLabel": s.text("surveys.column.drawnOn"), "drawnOn": typed["drawnOn"] ?? day.description,
                    "submit": s.text("surveys.draw.submit"),
                ] as [String: Any]
        }
        return site.page("surveys", values, context: context, title: s.text("surveys.title"), status: status)
    }

    func surveyPage(
        _ key: SurveyKey, user: User, context: TuopinRequestContext, done: String? = nil, typed: [String: String] = [:], refused: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let r = try await surveys.results(key, by: user)
        let total = Self.tally(s.text("survey.results.total"), r.total, s)
        var values: [String: Any] = [
            "title": s.text("surveys.one", ["key": key.description, "title": r.survey.title]), "back": s.text("surveys.back"),
            "summary": s.text(
                "surveys.summary",
                [
                    "area": r.survey.area.rawValue, "year": String(r.survey.year), "stratum": s.label(r.survey.stratum.label),
                    "perStratum": s.count(r.survey.perStratum), "seed": String(r.survey.seed), "drawnOn": r.survey.drawnOn.description,
                    "by": r.survey.drawnBy,
                ]),
            "approval": r.total.percent.map {
                s.text(
                    "surveys.approval", ["percent": $0.description, "approving": s.count(r.total.approving), "surveyed": s.count(r.total.surveyed)])
            }
                ?? s.text("surveys.approval.none"),
            "tallyColumns": ["", "sampled", "surveyed", "approving", "notReached", "pending", "percent"].map {
                ["label": $0.isEmpty ? "" : s.text("surveys.tally." + $0), "num": !$0.isEmpty]
            },
            "strata": r.byStratum.map { Self.tally($0.name, $0.tally, s).merging(["code": $0.code.rawValue]) { _, new in new } } + [total],
            "sampleHeading": s.text("surveys.sample", ["count": s.count(r.sample.count)]),
            "sampleColumns": ["stratum", "order", "household", "answer", "date", "note"].map { ["label": s.text("surveys.sample." + $0)] },
            "sample": r.sample.map {
                [
                    "stratum": $0.stratum.rawValue, "order": String($0.order), "household": $0.household.rawValue,
                    "link": "/households/\($0.household.rawValue)",
                    "answer": $0.answer.map { s.label($0.label) } ?? "—", "date": $0.answeredOn?.description ?? "", "note": $0.note,
                ]
            },
        ]
        if done == "drawn" || done == "answered" { values["done"] = s.text("surveys.done." + done!) }
        if AccessPolicy.decide(user, .conductSurvey, area: r.survey.area).passed {
            values["answerForm"] =
                [
                    "heading": s.text("surveys.answer"), "action": "/surveys/\(key)/answer", "csrf": context.session?.csrfToken ?? "",
                    "error": refused ?? false,
                    "householdLabel": s.text("surveys.sample.household"), "household": typed["household"] ?? "",
                    "answerLabel": s.text("surveys.sample.answer"),
                    "answers": Satisfaction.allCases.map {
                        ["value": $0.token, "label": s.label($0.label), "selected": $0.token == typed["answer"]]
                    },
                    "dateLabel": s.text("surveys.sample.date"), "date": typed["date"] ?? today().description,
                    "noteLabel": s.text("surveys.sample.note"), "note": typed["note"] ?? "", "submit": s.text("surveys.answer.submit"),
                ] as [String: Any]
        }
        return site.page(
            "survey", values, context: context, title: s.text("surveys.one", ["key": key.description, "title": r.survey.title]), status: status)
    }

    static func tally(_ name: String, _ t: ApprovalTally, _ s: Localizer) -> [String: Any] {
        [
            "name": name, "code": false, "sampled": s.count(t.sampled), "surveyed": s.count(t.surveyed), "approving": s.count(t.approving),
            "notReached": s.count(t.notReached), "pending": s.count(t.pending), "percent": t.percent?.description ?? "—",
        ]
    }

    static func key(_ text: String?) throws -> SurveyKey {
        guard let text, let key = SurveyKey(text) else { throw SurveyError.notFound(String((text ?? "").prefix(40))) }
        return key
    }
}
