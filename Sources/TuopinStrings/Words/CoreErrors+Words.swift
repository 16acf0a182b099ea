import TuopinCore

extension AdminCode.ParseError: WordedError {
    public func message(_ s: Localizer) -> String { s.text("error.area.invalid", ["reason": Rejections.adminCode(self, s)]) }
}

extension CivilDate.ParseError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .notADate(let text): s.text("error.date.invalid", ["text": text])
        }
    }
}

extension IdentityNumber.ParseError: WordedError {
    public func message(_ s: Localizer) -> String { Rejections.identityNumber(self, s) }
}

extension Username.ParseError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .wrongLength(let n): s.text("error.username.length", ["count": String(n)])
        case .invalidCharacter(let c): s.text("error.username.character", ["character": String(c)])
        case .mustStartWithLetter: s.text("error.username.start")
        case .reserved(let name): s.text("error.username.reserved", ["name": name])
        }
    }
}
