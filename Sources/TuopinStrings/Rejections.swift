import TuopinCore
import TuopinStore

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

extension Rejections {
    /// "members.csv 第 12 行，id_number：身份证号校验位错误，应为 X".
    public static func wording(_ r: ImportRejection, _ s: Localizer) -> String {
        let place =
            r.line == 0
            ? s.text("import.place.file", ["file": r.file.fileName])
            : r.field.map { s.text("import.place.field", ["file": r.file.fileName, "line": String(r.line), "field": $0]) }
                ?? s.text("import.place.row", ["file": r.file.fileName, "line": String(r.line)])
        return place + reason(r.reason, s)
    }

    /// `U+0000` for a code point.
    static func codePoint(_ code: UInt32) -> String {
        let hex = String(code, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    public static func reason(_ reason: ImportRejection.Reason, _ s: Localizer) -> String {
        switch reason {
        case .notARegularFile: s.text("import.reason.notARegularFile")
        case .unreadableFile: s.text("import.reason.unreadableFile")
        case .headerNotText: s.text("import.reason.headerNotText")
        case .misnamedFile(let found): s.text("import.reason.misnamedFile", ["found": found])
        case .emptyFile: s.text("import.reason.emptyFile")
        case .missingColumn(let c): s.text("import.reason.missingColumn", ["column": c])
        case .duplicateColumn(let c, let first, let second):
            s.text("import.reason.duplicateColumn", ["column": c, "first": String(first), "second": String(second)])
        case .wrongFieldCount(let e, let f): s.text("import.reason.wrongFieldCount", ["expected": String(e), "found": String(f)])
        case .notUTF8: s.text("import.reason.notUTF8")
        case .fieldTooLong(let bytes, let maximum): s.text("import.reason.fieldTooLong", ["bytes": s.count(bytes), "maximum": s.count(maximum)])
        case .textAfterClosingQuote: s.text("import.reason.textAfterClosingQuote")
        case .unterminatedQuote: s.text("import.reason.unterminatedQuote")
        case .unattributable: s.text("import.reason.unattributable")
        case .emptyField: s.text("import.reason.emptyField")
        case .invalidAreaCode(let e): s.text("import.reason.invalidAreaCode", ["reason": adminCode(e, s)])
        case .unknownArea(let c): s.text("import.reason.unknownArea", ["code": c])
        case .notAVillage(let c): s.text("import.reason.notAVillage", ["code": c])
        case .unknownCode(let v): s.text("import.reason.unknownCode", ["value": v])
        case .kindNotOfLevel(let kind, let digits): s.text("import.reason.kindNotOfLevel", ["kind": kind, "digits": String(digits)])
        case .invalidDate(let v): s.text("import.reason.invalidDate", ["value": v])
        case .invalidNumber(let v): s.text("import.reason.invalidNumber", ["value": v])
        case .invalidAmount(let v): s.text("import.reason.invalidAmount", ["value": v])
        case .tooManyColumns(let found, let maximum): s.text("import.reason.tooManyColumns", ["found": String(found), "maximum": String(maximum)])
        case .outOfRange(let v, let minimum, let maximum):
            s.text("import.reason.outOfRange", ["value": String(v), "minimum": String(minimum), "maximum": String(maximum)])
        case .invalidDecimal(let v, let places): s.text("import.reason.invalidDecimal", ["value": v, "places": String(places)])
        case .invalidHouseholdNumber(let v): s.text("import.reason.invalidHouseholdNumber", ["value": v])
        case .invalidIdentityNumber(let e): identityNumber(e, s)
        case .controlCharacter(let code): s.text("import.reason.controlCharacter", ["code": codePoint(code)])
        case .tooLong(let count, let maximum): s.text("import.reason.tooLong", ["count": s.count(count), "maximum": s.count(maximum)])
        case .rule(let check): s.explain(check)
        case .duplicateHousehold(let line): s.text("import.reason.duplicateHousehold", ["line": String(line)])
        case .householdAlreadyInRegistry(let n): s.text("import.reason.householdAlreadyInRegistry", ["number": n])
        case .unknownHousehold(let n): s.text("import.reason.unknownHousehold", ["number": n])
        case .identityInTwoHouseholds(let other, let line):
            s.text("import.reason.identityInTwoHouseholds", ["household": other, "line": String(line)])
        case .identityDiffers(let line): s.text("import.reason.identityDiffers", ["line": String(line)])
        case .identityAlreadyInRegistry: s.text("import.reason.identityAlreadyInRegistry")
        case .identityInOtherCounty(let county): s.text("import.reason.identityInOtherCounty", ["county": county])
        case .areaEventAlreadyInRegistry: s.text("import.reason.areaEventAlreadyInRegistry")
        case .profileAlreadyInRegistry(let year): s.text("import.reason.profileAlreadyInRegistry", ["year": String(year)])
        case .duplicateRow(let line): s.text("import.reason.duplicateRow", ["line": String(line)])
        case .notAMemberOfHousehold(let n, let year): s.text("import.reason.notAMemberOfHousehold", ["number": n, "year": String(year)])
        case .unknownSpecialGroup(let g): s.text("import.reason.unknownSpecialGroup", ["group": g])
        case .invalidSpecialGroup(let e): s.text("import.reason.invalidSpecialGroup", ["reason": groupError(e, s)])
        case .specialGroupDiffers(let g): s.text("import.reason.specialGroupDiffers", ["group": g])
        case .areaDiffers(let code, let name, let kind):
            s.text("import.reason.areaDiffers", ["code": code, "name": name, "kind": AreaKind(token: kind).map { s.label($0.label) } ?? kind])
        case .invalidLocalCode(let e): s.text("import.reason.invalidLocalCode", ["reason": localCodeError(e, s)])
        case .localCodeDiffers(let t): s.text("import.reason.localCodeDiffers", ["token": t])
        case .localCodeWithoutBase(let t, let base): s.text("import.reason.localCodeWithoutBase", ["token": t, "base": base])
        case .householdRejected(let n): s.text("import.reason.householdRejected", ["number": n])
        case .outsideScope(let code): s.text("import.reason.outsideScope", ["code": code])
        case .noRows: s.text("import.reason.noRows")
        }
    }
}

extension Rejections {
    /// Why a special group's definition is not valid.
    public static func groupError(_ e: SpecialGroupError, _ s: Localizer) -> String {
        switch e {
        case .badToken(let t): s.text("error.group.token", ["token": t])
        case .badName: s.text("error.group.name")
        case .unknownGroup(let t): s.text("error.group.unknown", ["token": t])
        case .endBeforeStart: s.text("error.group.order")
        }
    }

    public static func localCodeError(_ e: LocalCodeError, _ s: Localizer) -> String {
        switch e {
        case .badToken(let t): s.text("error.localCode.token", ["token": t])
        case .badName: s.text("error.localCode.name")
        case .unknownBase(let t): s.text("error.localCode.base", ["token": t])
        case .unknownCode(let list, let t): s.text("error.localCode.unknown", ["list": s.label(list.label), "token": t])
        }
    }
}
