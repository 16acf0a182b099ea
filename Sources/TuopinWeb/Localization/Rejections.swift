import TuopinCore

/// Words for parse errors of the domain types, shared by import reports, the CLI and pages.
public enum Rejections {
    public static func adminCode(_ e: AdminCode.ParseError, _ s: Localizer) -> String {
        switch e {
        case .wrongLength(let n): s.text("reason.adminCode.wrongLength", ["count": String(n)])
        case .notADigit(let p): s.text("reason.adminCode.notADigit", ["position": String(p)])
        case .unknownProvince(let p): s.text("reason.adminCode.unknownProvince", ["province": p])
        case .missingLevel(let level): s.text("reason.adminCode.missingLevel", ["level": s.label(level.label)])
        }
    }

    public static func identityNumber(_ e: IdentityNumber.ParseError, _ s: Localizer) -> String {
        switch e {
        case .wrongLength(let n): s.text("reason.id.wrongLength", ["count": String(n)])
        case .notADigit(let p): s.text("reason.id.notADigit", ["position": String(p)])
        case .invalidBirthDate(let d): s.text("reason.id.invalidBirthDate", ["date": d])
        case .birthDateInFuture(let d): s.text("reason.id.birthDateInFuture", ["date": d.description])
        case .wrongCheckCharacter(let expected, let found):
            s.text("reason.id.wrongCheckCharacter", ["expected": String(expected), "found": String(found)])
        }
    }
}
