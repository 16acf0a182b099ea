import Hummingbird
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings

/// The household page's member forms (natural changes, REFERENCE §3.11): a person joins (birth,
/// marriage, other), held to the import's identity and member rules with each refusal next to
/// its field; a current member leaves, the head only with a successor.
extension HouseholdsController {
    static let memberFields = ["name", "id_number", "sex", "birth_date", "ethnicity", "relation", "from_date", "reason", "education", "labour"]

    func join(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let number = try Self.number(context)
        let f = context.form
        let s = site.strings[context.language]
        var errors: [String: String] = [:]
        func required(_ name: String) -> String? {
            guard let v = f.value(name) else {
                errors[name] = s.text("household.open.missing")
                return nil
            }
            return v
        }
        func day(_ name: String) -> CivilDate? {
            guard let text = required(name) else { return nil }
            guard let d = try? CivilDate(text) else {
                errors[name] = s.text("household.member.badDate", ["text": String(text.prefix(20))])
                return nil
            }
            return d
        }
        func code<T: CodeListValue>(_ name: String, _: T.Type) -> T? {
            guard let text = required(name) else { return nil }
            guard let value = T(token: text) else {
                errors[name] = UnknownValue(value: text).message(s)
                return nil
            }
            return value
        }
        let name = required("name"), id = required("id_number"), sex = code("sex", Sex.self), birth = day("birth_date")
        let relation = code("relation", RelationToHead.self), from = day("from_date")
        let education = code("education", Education.self), labour = code("labour", LabourCapacity.self)
        let reason = required("reason").flatMap { text -> HouseholdService.JoinReason? in
            guard let r = HouseholdService.JoinReason(rawValue: text) else {
                errors["reason"] = UnknownValue(value: text).message(s)
                return nil
            }
            return r
        }
        var save: (() async throws -> Void)?
        if errors.isEmpty, let name, let id, let sex, let birth, let relation, let from, let education, let labour, let reason {
            let member = Member(
                idNumber: id.uppercased(), name: String(name.prefix(40)), sex: sex, birthDate: birth, ethnicity: f.value("ethnicity") ?? "01",
                education: education, labourCapacity: labour)
            save = { try await registry.join(number, member: member, relation: relation, on: from, reason: reason, by: user) }
        }
        return try await fieldForm(
            request, context, form: "join", user: user, number: number, errors: errors, field: HouseholdService.memberField, save: save)
    }

    /// A current member leaves: the date, the reason and, for the head, who takes over.
    func leave(_ request: Request, context: TuopinRequestContext) async throws -> Response {
        try await workflow(request, context, form: "leave") { user, number, f in
            guard let id = f.value("id_number") else { throw BadParameter("id_number", MissingValue()) }
            guard let date = try Self.day(f, "date") else { throw BadParameter("date", MissingValue()) }
            guard let reason: NaturalReductionReason = try Self.code(f.value("reason"), name: "reason") else {
                throw BadParameter("reason", MissingValue())
            }
            try await registry.leave(number, idNumber: id, on: date, reason: reason, newHead: f.value("new_head"), by: user)
        }
    }
}
