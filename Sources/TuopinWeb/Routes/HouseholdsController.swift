import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// `/households`: search and list the households of the user's area (filters and paging in
/// the query string, so a list can be bookmarked); `/households/{number}`: one household's file.
/// Scope is the services': a household outside it is not found.
struct HouseholdsController: Sendable {
    let households: HouseholdFileService
    let registry: HouseholdService
    let monitoring: MonitoringService
    let assistance: AssistanceService
    let specialGroups: SpecialGroupService
    let statistics: StatisticsService
    let site: Site
    let today: @Sendable () -> CivilDate
    /// A household's page, kept per user and household while nothing is committed.
    var pages: KeptPages? = nil

    var endpoints: RouteCollection<TuopinRequestContext> {
        RouteCollection(context: TuopinRequestContext.self)
            .get(use: list)
            .get(":number", use: file)
            .post(":number/cases/:reference/step", use: step)
            .post(":number/cases/:reference/reject", use: reject)
            .post(":number/leads", use: lead)
            .post(":number/edit", use: edit)
            .post(":number/cases/:reference/eliminate", use: eliminate)
            .post(":number/measures", use: measure)
            .post(":number/exit", use: exit)
            .post(":number/members", use: join)
            .post(":number/members/leave", use: leave)
            .post(":number/year", use: year)
            .post(":number/income", use: income)
    }

    func list(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        var area: AdminCode? = nil
        if let text = q.get("area"), !text.isEmpty {
            do { area = try AdminCode(text) } catch { throw BadParameter("area", error) }
        }
        if area == nil { area = try await statistics.home(of: user) }
        guard let area else {
            let s = site.strings[context.language]
            return site.page(
                "dashboard", ["empty": true, "emptyMessage": s.text("dashboard.empty")], context: context, title: s.text("households.title"))
        }
        var filter = HouseholdListQuery.Filter(area: area)
        filter.text = q.get("q").map { String($0.prefix(64)) }
        filter.status = try Self.code(q.get("status"), name: "status")
        filter.attribute = try Self.code(q.get("attribute"), name: "attribute")
        filter.cause = try Self.code(q.get("cause"), name: "cause")
        filter.monitored = q.get("monitored") == "1"
        filter.category = try Self.code(q.get("category"), name: "category")
        let groups = try await specialGroups.groups(by: user)
        if let token = q.get("group"), !token.isEmpty {
            guard groups.contains(where: { $0.token == token }) else { throw BadParameter("group", UnknownValue(value: String(token.prefix(40)))) }
            filter.group = token
        }
        let page = q.get("page").flatMap { Int($0) }.map { min(max($0, 1), 1_000_000) } ?? 1
        let list = try await households.list(filter, page: page, by: user)
        return HouseholdsPage.render(list, groups: groups, site: site, context: context)
    }

    func file(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let number = try Self.number(context)
        // Only the known confirmations: any other text would make a kept page of its own.
        let asked = request.uri.queryParameters.get("done").map { String($0) } ?? ""
        let doneKey = Self.confirmations[asked] == nil ? "" : asked
        let render = { @Sendable () async throws -> HTML in
            let file = try await households.file(number, by: user)
            let done = Self.confirmations[doneKey].map { site.strings[context.language].text($0) }
            return await page(file, user, context, done: done)
        }
        guard let pages else { return try await render() }
        let key = [user.username.rawValue, user.displayName, context.language.rawValue, number.rawValue, doneKey, today().description]
        return try await pages.page(key, token: context.session?.csrfToken ?? "", render: render)
    }

    /// The confirmation a page shows after each of its forms (`?done=`), by form.
    static let confirmations = [
        "step": "household.open.done", "lead": "household.lead.done", "edit": "household.edit.done",
        "eliminate": "household.eliminate.done", "measure": "household.measure.done", "exit": "household.exit.done",
        "join": "household.member.joined", "leave": "household.member.left", "year": "household.year.done",
        "income": "household.income.done",
    ]

    /// Records the current step of one of the household's open cases (the form on its page).
    func step(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        try await act(request, context) { user, reference, f in
            _ = try await monitoring.complete(reference, try Self.record(f), by: user)
        }
    }

    /// Rejects one of the household's open cases at the user's review stage (乡镇审核 or 县级审定),
    /// with the reason: an identification ends (M4), an elimination goes back to monitoring (M9).
    func reject(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        try await act(request, context) { user, reference, f in
            let record = try Self.record(f)
            guard let reason = f.value("note") else { throw BadParameter("note", MissingValue()) }
            _ = try await monitoring.reject(reference, on: record.date, note: String(reason.prefix(200)), by: user)
        }
    }

    /// Runs `body` on one of the household's open cases, then back to the page
    /// (post/redirect/get); a refusal is worded at the case's form, with the page as it stands.
    func act(
        _ request: Request, _ context: TuopinRequestContext, done: String = "step", _ body: (User, String, FormData) async throws -> Void
    ) async throws -> Response {
        let user = try context.requireUser()
        let number = try Self.number(context)
        let reference = context.parameters.get("reference") ?? ""
        let s = site.strings[context.language]
        do {
            let file = try await households.file(number, by: user)
            // Only a case of this household, so the page the user returns to shows it.
            guard file.openCases.contains(where: { $0.monitoringCase.reference == reference }) else {
                throw MonitoringError.caseNotFound(String(reference.prefix(40)))
            }
            try await body(user, reference, context.form)
            return Response(status: .seeOther, headers: [.location: "/households/\(number.rawValue)?done=\(done)"])
        } catch let refused as any WordedError & Sendable {
            let file = try await households.file(number, by: user)
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await page(file, user, context, status: status, error: (reference, refused.message(s))).response(
                from: request, context: context)
        }
    }

    static func mayEdit(_ user: User, _ file: HouseholdFileService.HouseholdFile) -> Bool {
        AccessPolicy.decide(user, .editRegistry, area: file.household.village).passed
    }

    /// Changes the household's phone, bank account and planned exit year (the contact form on
    /// its page); a value the rules refuse is shown next to its field, the form refilled.
    func edit(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let number = try Self.number(context)
        let f = context.form
        let s = site.strings[context.language]
        let entered = ["phone", "bank_account", "planned_exit_year"].reduce(into: [String: String]()) { $0[$1] = f.value($1) ?? "" }
        var errors: [String: String] = [:]
        var year: Int? = nil
        if let text = f.value("planned_exit_year") {
            if let n = Int(text) {
                year = n
            } else {
                errors["planned_exit_year"] = s.text("household.edit.notAYear", ["text": String(text.prefix(20))])
            }
        }
        if errors.isEmpty {
            do {
                try await registry.editContact(
                    number, .init(phone: f.value("phone"), bankAccount: f.value("bank_account"), plannedExitYear: year), by: user)
                return Response(status: .seeOther, headers: [.location: "/households/\(number.rawValue)?done=edit"])
            } catch HouseholdError.refused(let decision) {
                for check in decision.failedChecks {
                    let field = HouseholdService.field(of: check)
                    errors[field] = [errors[field], s.explain(check)].compactMap { $0 }.joined(separator: s.language == .zh ? "；" : "; ")
                }
            }
        }
        let file = try await households.file(number, by: user)
        return try await page(file, user, context, status: .unprocessableContent, edit: (entered, errors)).response(from: request, context: context)
    }

    /// Raises a risk lead on the household (the form on its page when no case is open), then
    /// back to the page with the new case at its first step; a refusal is worded at the form.
    func lead(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let number = try Self.number(context)
        let f = context.form
        do {
            let record = try Self.record(f)
            guard let channel: DiscoveryChannel = try Self.code(f.value("channel"), name: "channel") else {
                throw BadParameter("channel", MissingValue())
            }
            _ = try await monitoring.lead(
                .init(
                    household: number, channel: channel, date: record.date, risks: record.risks ?? [], greenChannel: f["greenChannel"] == "1",
                    note: record.note), by: user)
            return Response(status: .seeOther, headers: [.location: "/households/\(number.rawValue)?done=lead"])
        } catch let refused as any WordedError & Sendable {
            let file = try await households.file(number, by: user)
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await page(file, user, context, status: status, leadError: refused.message(site.strings[context.language])).response(
                from: request, context: context)
        }
    }

    /// The step's fields from the form: its date, the home visit's consent, the notice's days
    /// and whether objections were answered, the county's category and risks, a note.
    static func record(_ f: FormData) throws -> StepRecord {
        func day(_ name: String) throws -> CivilDate? {
            guard let text = f.value(name) else { return nil }
            do { return try CivilDate(text) } catch let e as CivilDate.ParseError { throw BadParameter(name, e) }
        }
        guard let date = try day("date") else { throw BadParameter("date", MissingValue()) }
        var notice: NoticePeriod? = nil
        if let from = try day("noticeFrom"), let to = try day("noticeTo") { notice = NoticePeriod(from: from, to: to) }
        let risks = RiskType.allCases.filter { f["risk.\($0.token)"] == "1" }
        return StepRecord(
            date: date, consentSigned: f["consent"] == "1", notice: notice, objectionsResolved: f["objectionsResolved"] == "1",
            category: try code(f.value("category"), name: "category"), risks: risks.isEmpty ? nil : risks,
            note: String((f.value("note") ?? "").prefix(200)))
    }

    /// The household number of the path, else a worded 400.
    static func number(_ context: TuopinRequestContext) throws -> HouseholdNumber {
        let text = context.parameters.get("number") ?? ""
        do { return try HouseholdNumber(text) } catch { throw BadParameter("number", NotAHouseholdNumber(text: text)) }
    }

    /// A code-list value from the query (empty: no filter), else a worded 400.
    static func code<T: CodeListValue>(_ text: String?, name: String) throws -> T? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = T(token: text) else { throw BadParameter(name, UnknownValue(value: text)) }
        return value
    }
}

/// A path segment that is no household number.
struct NotAHouseholdNumber: WordedError, Sendable {
    var text: String
    func message(_ s: Localizer) -> String { s.text("households.error.number", ["text": String(text.prefix(40))]) }
}

/// A required form field left empty.
struct MissingValue: WordedError, Sendable {
    func message(_ s: Localizer) -> String { s.text("household.open.missing") }
}
