/// A local code (地方扩展代码): a value an administrator adds to a code list. It refines one
/// built-in value, its base, under which every national figure counts it: 因婚 added to the
/// risks with the base 其他 is shown as 因婚 and counted as 其他 (REFERENCE §2.6).
public struct LocalCode: Hashable, Sendable {
    public let list: CodeList
    /// A stable token: letters and digits, starting with a letter (`marriage`).
    public let token: String
    public let label: Label
    /// The built-in token it refines (`other`; `2021:industry` for a measure kind).
    public let base: String

    public init(list: CodeList, token: String, label: Label, base: String) throws(LocalCodeError) {
        guard (2...40).contains(token.count), token.first?.isLetter == true, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .badToken(String(token.prefix(40)))
        }
        let zh = label.zh.trimmingCharacters(in: .whitespaces)
        guard !zh.isEmpty, zh.count <= 40, label.en.count <= 80, !zh.contains(",") else { throw .badName }
        guard let base = list.builtIn(base) else { throw .unknownBase(String(base.prefix(40))) }
        self.list = list
        self.token = token
        self.label = Label(zh, label.en.trimmingCharacters(in: .whitespaces))
        self.base = base
    }
}

public enum LocalCodeError: Error, Equatable, Sendable {
    case badToken(String)
    case badName
    case unknownBase(String)
    /// A value that is neither built-in nor a local code of the list.
    case unknownCode(CodeList, String)
}

/// A value chosen from an extensible list: the built-in token, and the local code when one was
/// chosen (its base is then `base`).
public struct CodeChoice: Hashable, Sendable {
    public let base: String
    public let local: String?

    public init(base: String, local: String? = nil) {
        self.base = base
        self.local = local
    }

    /// The token as chosen: the local code's, else the built-in one.
    public var token: String { local ?? base }
}
