import Foundation
import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The field form (`/campaigns/{key}/field`): a cadre's own households in the campaign and a
/// visit form. `static/field.js` keeps each visit on the device (local storage) before sending
/// it, and sends what is kept whenever the connection is back; `field-sw.js` (a service worker)
/// keeps the page itself so that it opens offline. The server takes each visit once, by the id
/// the device gave it. Without script the form posts as any other and the page answers.
extension CampaignsController {
    /// The largest photo the form accepts before the policy's own limit is checked (the
    /// parameter's ceiling), so that a huge file is refused unread.
    static let photoCeiling = 20_480 * 1_024

    func field(_ request: Request, context: TuopinRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        return try await fieldPage(
            try Self.key(context.parameters.get("key")), user: user, context: context, done: request.uri.queryParameters.get("done"))
    }

    /// A visit from the field form: multipart, with an optional photo. A script (Accept:
    /// application/json) gets the receipt or the refusal as JSON; a plain form post, the page.
    func visit(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let key = try Self.key(context.parameters.get("key"))
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        let s = site.strings[context.language]
        do {
            let receipt = try await campaigns.visit(try visitInput(key, context: context), by: user)
            if wantsJSON { return try Self.json(receipt.duplicate ? .ok : .created, receipt: receipt, s) }
            let done = receipt.leadFailed ? "leadFailed" : receipt.duplicate ? "duplicate" : "recorded"
            return Response(status: .seeOther, headers: [.location: "/campaigns/\(key)/field?done=\(done)"])
        } catch let refused as any WordedError & Sendable {
            let status: HTTPResponse.Status =
                refused is AccessDenied
                ? .forbidden : (refused as? CampaignError)?.status ?? (refused is BadParameter ? .badRequest : .unprocessableContent)
            if wantsJSON {
                return try Self.json(status, body: ["ok": .bool(false), "error": .string(refused.message(s))])
            }
            if case .notFound = refused as? CampaignError { throw refused }
            return try await fieldPage(key, user: user, context: context, refused: refused.message(s), status: status).response(
                from: request, context: context)
        }
    }

    func photo(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let key = try Self.key(context.parameters.get("key"))
        guard let id = VisitID(context.parameters.get("visit") ?? ""), let p = try await campaigns.photo(key, visit: id, by: user) else {
            throw CampaignError.notFound(key.description)
        }
        return Response(
            status: .ok, headers: [.contentType: p.kind.rawValue, .cacheControl: "private, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: p.bytes)))
    }

    /// The posted fields as a visit; a field that cannot be read is refused under its name.
    func visitInput(_ key: CampaignKey, context: TuopinRequestContext) throws -> CampaignVisit {
        let f = context.form
        func text(_ name: String, _ max: Int) -> String { String((f[name] ?? "").prefix(max + 1)) }
        let id = try FindingsController.field("id", text("id", 64)) { try FindingsController.required(VisitID($0), $0) }
        var picture: VisitPhoto?
        if let file = context.files.first(where: { $0.field == "photo" && $0.bytes > 0 }) {
            guard file.bytes <= Self.photoCeiling else {
                throw CampaignError.refused(
                    Decision(checks: [
                        Check(
                            CampaignRules.photo, passed: false,
                            values: [ReasonValue("bytes", .count(Int64(file.bytes))), ReasonValue("max", .count(Int64(Self.photoCeiling)))])
                    ]))
            }
            guard let data = try? Data(contentsOf: file.url), let p = VisitPhoto(bytes: Array(data)) else {
                throw BadParameter("photo", UnknownValue(value: String(file.filename.prefix(40))))
            }
            picture = p
        }
        let income = text("income", 20).trimmingCharacters(in: .whitespaces)
        let grade = text("dangerGrade", 10), toilet = text("toilet", 10)
        return CampaignVisit(
            id: id, campaign: key, household: try FindingsController.field("household", text("household", 32)) { try HouseholdNumber($0) },
            visitor: "",
            visitedAt: try FindingsController.field("visitedAt", text("visitedAt", 20)) { try FindingsController.required(VisitTime($0), $0) },
            metWith: text("metWith", CampaignRules.maxMetWith),
            secured: Set(BasicGuarantee.allCases.filter { f["secured." + $0.token] != nil }),
            perCapitaIncome: income.isEmpty
                ? nil
                : try FindingsController.field("income", income) { text in
                    guard let m = try? Money(yuan: text) else { throw AmountUnreadable(value: text) }
                    return m
                },
            dangerGrade: grade.isEmpty
                ? nil : try FindingsController.field("dangerGrade", grade) { try FindingsController.required(DangerGrade(token: $0), $0) },
            sanitaryToilet: toilet.isEmpty
                ? nil : try FindingsController.field("toilet", toilet) { try FindingsController.required(["yes": true, "no": false][$0], $0) },
            note: text("note", CampaignRules.maxNote), risks: RiskType.allCases.filter { f["risk." + $0.token] != nil },
            basis: String(text("basis", 16).filter { $0.isHexDigit }), photo: picture)
    }

    enum JSONValue: Encodable {
        case string(String)
        case bool(Bool)
        case int(Int)
        case null

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .string(let v): try c.encode(v)
            case .bool(let v): try c.encode(v)
            case .int(let v): try c.encode(v)
            case .null: try c.encodeNil()
            }
        }
    }

    static func json(_ status: HTTPResponse.Status, receipt r: CampaignService.Receipt, _ s: Localizer) throws -> Response {
        try json(
            status,
            body: [
                "ok": .bool(true), "visit": .string(r.visit.rawValue), "duplicate": .bool(r.duplicate), "differences": .int(r.differences),
                "lead": r.lead.map { .string($0) } ?? .null,
                "message": .string(
                    s.text(
                        r.duplicate ? "campaign.visit.duplicate" : "campaign.visit.recorded",
                        ["visit": r.visit.rawValue, "differences": String(r.differences)]) + (r.leadFailed ? s.text("campaign.visit.leadFailed") : "")
                ),
                "leadFailed": .bool(r.leadFailed),
            ])
    }

    static func json(_ status: HTTPResponse.Status, body: [String: JSONValue]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
    }

    func fieldPage(
        _ key: CampaignKey, user: User, context: TuopinRequestContext, done: String? = nil, refused: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let s = site.strings[context.language]
        let (c, households) = try await campaigns.fieldList(key, by: user)
        let day = today()
        let defaultTime = (c.isOpen(on: day) ? day : c.closes).description + "T09:00"
        var values: [String: Any] = [
            "title": s.text("field.title", ["key": key.description, "title": c.title]), "back": s.text("field.back"), "backLink": "/campaigns/\(key)",
            "key": key.description, "action": "/campaigns/\(key)/visits", "csrf": context.session?.csrfToken ?? "",
            "visitId": UUID().uuidString.lowercased(),
            "error": refused ?? false, "hasHouseholds": !households.isEmpty, "noHouseholds": s.text("field.noHouseholds"),
            "period": s.text("field.period", ["opens": c.opens.description, "closes": c.closes.description]),
            "householdLabel": s.text("field.household"),
            "households": households.map { h in
                [
                    "value": h.row.household.rawValue, "basis": h.snapshot.basis,
                    "label": "\(h.row.household.rawValue) \(h.row.headName ?? "")（\(h.row.villageName)）"
                        + (h.visited ? " ✓" + s.text("field.visited") : ""),
                ]
            },
            "visitedAtLabel": s.text("field.visitedAt"), "visitedAt": defaultTime, "min": c.opens.description + "T00:00",
            "max": c.closes.description + "T23:59",
            "metWithLabel": s.text("field.metWith"), "metWith": s.text("field.metWith.default"),
            "checklistLabel": s.text("field.checklist"),
            "guarantees": BasicGuarantee.allCases.map { ["name": "secured." + $0.token, "label": s.label($0.label), "id": "g-" + $0.token] },
            "incomeLabel": s.text("field.income"), "dangerGradeLabel": s.text("field.dangerGrade"), "unknown": s.text("field.unknown"),
            "grades": DangerGrade.allCases.map { ["value": $0.token, "label": s.label($0.label)] },
            "toiletLabel": s.text("field.toilet"), "yes": s.text("value.yes"), "no": s.text("value.no"),
            "risksLabel": s.text("field.risks"),
            "risks": RiskType.allCases.map { ["name": "risk." + $0.token, "label": s.label($0.label), "id": "r-" + $0.token] },
            "photoLabel": s.text("field.photo"), "noteLabel": s.text("field.note"), "submit": s.text("field.submit"),
            "queueHeading": s.text("field.queue"), "queueEmpty": s.text("field.queue.empty"),
            "msgQueued": s.text("field.msg.queued"), "msgSent": s.text("field.msg.sent"), "msgOffline": s.text("field.msg.offline"),
            "msgSignIn": s.text("field.msg.signIn"), "msgRefused": s.text("field.msg.refused"), "msgRemove": s.text("field.msg.remove"),
            "msgPhotoTooLarge": s.text("field.msg.photoTooLarge"), "msgFull": s.text("field.msg.full"),
            "msgPhotoUnreadable": s.text("field.msg.photoUnreadable"), "username": user.username.rawValue,
        ]
        if let done, ["recorded", "duplicate", "leadFailed"].contains(done) { values["done"] = s.text("field.done." + done) }
        return site.page("field", values, context: context, title: s.text("field.title", ["key": key.description, "title": c.title]), status: status)
    }
}

/// A form amount that is not yuan with at most two decimals.
struct AmountUnreadable: WordedError, Sendable {
    var value: String
    func message(_ s: Localizer) -> String { s.text("import.reason.invalidAmount", ["value": String(value.prefix(40))]) }
}
