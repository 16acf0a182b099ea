import TuopinCore
import TuopinServices
import TuopinStrings

/// The household page's member forms: a person joins (each refusal next to its field, the
/// form refilled), a current member leaves.
extension HouseholdPage {
    static func joinForm(_ file: HouseholdFileService.HouseholdFile, today: CivilDate, s: Localizer, refused: Refusal?) -> [String: Any] {
        let mine = refused?.form == "join" ? refused : nil
        func value(_ name: String, _ fallback: String = "") -> String { mine?.entered[name] ?? fallback }
        func options<T: CodeListValue>(_ all: [T], _ name: String, _ fallback: T? = nil) -> [[String: Any]] {
            let chosen = value(name, fallback?.token ?? "")
            return all.map { ["value": $0.token, "label": s.label($0.label), "selected": $0.token == chosen] }
        }
        func field(_ name: String, _ label: String, input: [String: Any]) -> [String: Any] {
            // `error` is always set: a field without one must not show the form's (Mustache looks up the stack).
            var f: [String: Any] = ["name": name, "id": "join-\(name)", "label": s.text(label), "value": value(name), "error": false]
            f.merge(input) { $1 }
            if let error = mine?.fields[name] {
                f["error"] = error
                f["errorId"] = "join-\(name)-error"
            }
            return f
        }
        let reasons = HouseholdService.JoinReason.allCases.map { r in
            ["value": r.rawValue, "label": s.text("household.member.reason." + r.rawValue), "selected": r.rawValue == value("reason", "birth")]
                as [String: Any]
        }
        var form: [String: Any] = [
            "action": "/households/\(file.household.number.rawValue)/members", "heading": s.text("household.member.joinHeading"),
            "submit": s.text("household.member.joinSubmit"),
            "texts": [
                field("name", "household.member.name", input: ["mode": "text", "max": "40"]),
                field("id_number", "household.member.id", input: ["mode": "text", "max": "18"]),
                field("birth_date", "household.member.birth", input: ["type": "date"]),
                field("ethnicity", "household.member.ethnicity", input: ["mode": "numeric", "max": "2", "value": value("ethnicity", "01")]),
                field("from_date", "household.member.from", input: ["type": "date", "value": value("from_date", today.description)]),
            ],
            "selects": [
                field("sex", "household.member.sex", input: ["options": options(Sex.allCases, "sex")]),
                field("relation", "household.member.relation", input: ["options": options(RelationToHead.allCases, "relation", .son)]),
                field("reason", "household.member.joinReason", input: ["options": reasons]),
                field("education", "household.member.education", input: ["options": options(Education.allCases, "education")]),
                field("labour", "household.member.labour", input: ["options": options(LabourCapacity.allCases, "labour")]),
            ],
        ]
        if let mine {
            form["error"] = mine.message
            form["open"] = true
        }
        return form
    }

    static func leaveForm(_ file: HouseholdFileService.HouseholdFile, today: CivilDate, s: Localizer, refused: Refusal?) -> [String: Any]? {
        let current = file.members.filter { $0.to == nil }
        guard !current.isEmpty else { return nil }
        let people = current.map { ["value": $0.member.idNumber, "label": "\($0.member.name)（\(s.label($0.relation.label))）"] }
        var form: [String: Any] = [
            "action": "/households/\(file.household.number.rawValue)/members/leave", "heading": s.text("household.member.leaveHeading"),
            "memberLabel": s.text("household.member.leaving"), "members": people, "dateLabel": s.text("household.open.date"),
            "today": today.description, "reasonLabel": s.text("household.member.leaveReason"),
            "reasons": NaturalReductionReason.allCases.filter { $0 != .split && $0 != .merged }.map {
                ["value": $0.token, "label": s.label($0.label)]
            },
            "headLabel": s.text("household.member.newHead"), "heads": [["value": "", "label": "—"]] + people.filter { _ in current.count > 1 },
            "submit": s.text("household.member.leaveSubmit"),
        ]
        if refused?.form == "leave", let r = refused {
            form["error"] = r.message
            form["open"] = true
        }
        return form
    }
}
