import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The household page's workflow forms beyond the monitoring procedure's steps: starting a
/// risk elimination (M7), recording an assistance measure, recording the exit (脱贫). Each runs
/// the service's rules; a refusal comes back at its form with the rules' reasons, the fields
/// refilled as entered.
extension HouseholdsController {
    /// M7: starts the risk elimination of a case under monitoring, with the method and the
    /// household's facts as the visit found them (REFERENCE §3.9).
    func eliminate(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        try await act(request, context, done: "eliminate") { user, reference, f in
            let record = try Self.record(f)
            guard let method: EliminationMethod = try Self.code(f.value("method"), name: "method") else {
                throw BadParameter("method", MissingValue())
            }
            let facts = EliminationFacts(
                perCapitaNetIncome: try Self.amount(f, "income", required: true)!, incomeStable: f["incomeStable"] == "1",
                rigidSpendingControlled: f["spendingControlled"] == "1",
                securedGuarantees: Set(BasicGuarantee.allCases.filter { f["secured.\($0.token)"] == "1" }),
                remainingRisks: RiskType.allCases.filter { f["remaining.\($0.token)"] == "1" }, newRisk: f["newRisk"] == "1",
                noLabourSafetyNet: false)
            _ = try await monitoring.startElimination(reference, on: record.date, method: method, facts: facts, note: record.note, by: user)
        }
    }

    /// Records an assistance measure for the household (also a step of its open case, M6).
    func measure(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        try await workflow(request, context, form: "measure") { user, number, f in
            guard let kindText = f.value("kind"), let kind = MeasureKind(token: kindText) else {
                throw BadParameter("kind", f.value("kind").map { UnknownValue(value: $0) as any WordedError & Sendable } ?? MissingValue())
            }
            guard let project = f.value("project") else { throw BadParameter("project", MissingValue()) }
            guard let start = try Self.day(f, "start") else { throw BadParameter("start", MissingValue()) }
            let measure = AssistanceMeasure(
                household: number, kind: kind, project: String(project.prefix(100)), scale: String((f.value("scale") ?? "").prefix(60)),
                amount: try Self.amount(f, "amount"), funding: try Self.code(f.value("funding"), name: "funding"),
                deadline: try Self.day(f, "deadline"),
                start: start)
            _ = try await assistance.record(measure, by: user)
        }
    }

    /// 脱贫: records the exit when the exit test passes on the year's stored facts; a county
    /// officer may record it against a failed test with the documented reason (audited).
    func exit(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        try await workflow(request, context, form: "exit") { user, number, f in
            guard let date = try Self.day(f, "date") else { throw BadParameter("date", MissingValue()) }
            _ = try await registry.exit(
                number, on: date, note: String((f.value("note") ?? "").prefix(200)), override: f.value("override").map { String($0.prefix(200)) },
                by: user)
        }
    }

    /// Runs a household form's `body`, then back to the page (post/redirect/get); a refusal is
    /// worded at the form named `form`, refilled with what was entered.
    func workflow(
        _ request: Request, _ context: TuopinRequestContext, form: String, _ body: (User, HouseholdNumber, FormData) async throws -> Void
    ) async throws -> Response {
        let user = try context.requireUser()
        let number = try Self.number(context)
        do {
            try await body(user, number, context.form)
            return Response(status: .seeOther, headers: [.location: "/households/\(number.rawValue)?done=\(form)"])
        } catch let refused as any WordedError & Sendable {
            let file = try await households.file(number, by: user)
            let status: HTTPResponse.Status = refused is AccessDenied ? .forbidden : .unprocessableContent
            return try await page(
                file, user, context, status: status,
                refused: .init(form: form, message: refused.message(site.strings[context.language]), entered: context.form)
            )
            .response(from: request, context: context)
        }
    }

    /// The household's page for `user`: the forms their role may use, the exit test on this
    /// year's facts when the household may exit, and what went wrong where.
    func page(
        _ file: HouseholdFileService.HouseholdFile, _ user: User, _ context: TuopinRequestContext, status: HTTPResponse.Status = .ok,
        done: String? = nil, error: (reference: String, message: String)? = nil, leadError: String? = nil,
        edit: (values: [String: String], errors: [String: String])? = nil, refused: HouseholdPage.Refusal? = nil
    ) async -> HTML {
        let canEdit = Self.mayEdit(user, file)
        var exit: HouseholdPage.ExitPreview?
        let last = file.events.max { ($0.effectiveDate, $0.sequence) < ($1.effectiveDate, $1.sequence) }
        if canEdit, StatusTransition.isLegal(from: last?.status, kind: .exited) {
            let year = today().year
            do {
                exit = .init(year: year, decision: try await registry.exitCheck(file.household.number, year: year, on: today(), by: user))
            } catch let e as any WordedError {
                exit = .init(year: year, problem: e.message(site.strings[context.language]))
            } catch {
                exit = nil
            }
            exit?.mayOverride = AccessPolicy.decide(user, .approveAtCounty, area: file.household.village).passed
        }
        // The income form shows this year's stored income, so a correction keeps the rest.
        let income = canEdit ? try? await registry.income(file.household.number, year: today().year, by: user) : nil
        return HouseholdPage.render(
            file, today: today(), site: site, context: context, error: error, done: done, status: status, leadError: leadError, canEdit: canEdit,
            edit: edit, exit: exit, refused: refused, storedIncome: income ?? nil)
    }

    /// Ends a form whose refusals go next to its fields: `save` (nil when a field could not be
    /// read, `errors` saying why) then back to the page; a refusal of the rules next to the field
    /// `field(of:)` names, any other worded refusal above the form, the page again as entered.
    func fieldForm(
        _ request: Request, _ context: TuopinRequestContext, form: String, user: User, number: HouseholdNumber, errors: [String: String],
        field: (Check) -> String, save: (() async throws -> Void)?
    ) async throws -> Response {
        let s = site.strings[context.language]
        var errors = errors
        var formError: String?
        if errors.isEmpty, let save {
            do {
                try await save()
                return Response(status: .seeOther, headers: [.location: "/households/\(number.rawValue)?done=\(form)"])
            } catch HouseholdError.refused(let decision) {
                for check in decision.failedChecks {
                    let name = field(check)
                    errors[name] = [errors[name], s.explain(check)].compactMap { $0 }.joined(separator: s.language == .zh ? "；" : "; ")
                }
            } catch let denied as AccessDenied {
                throw denied
            } catch let refused as any WordedError & Sendable {
                formError = refused.message(s)
            }
        }
        let file = try await households.file(number, by: user)
        return try await page(
            file, user, context, status: .unprocessableContent,
            refused: .init(form: form, message: formError ?? s.text("household.member.fix"), entered: context.form, fields: errors)
        ).response(from: request, context: context)
    }

    /// A date field, nil when left empty, else a worded 400.
    static func day(_ f: FormData, _ name: String) throws -> CivilDate? {
        guard let text = f.value(name) else { return nil }
        do { return try CivilDate(text) } catch let e as CivilDate.ParseError { throw BadParameter(name, e) }
    }

    /// An amount in yuan (at most two decimals), nil when left empty and not required.
    static func amount(_ f: FormData, _ name: String, required: Bool = false) throws -> Money? {
        guard let text = f.value(name) else {
            if required { throw BadParameter(name, MissingValue()) }
            return nil
        }
        guard let money = try? Money(yuan: text), money >= .zero else { throw BadParameter(name, NotAnAmount(text: text)) }
        return money
    }
}

/// A form field that is no amount of yuan.
struct NotAnAmount: WordedError, Sendable {
    var text: String
    func message(_ s: Localizer) -> String { s.text("import.reason.invalidAmount", ["value": String(text.prefix(40))]) }
}
