/// The code lists as an installation has them: the built-in values and the local codes its
/// administrators added. Resolves what a user or a file wrote (a token or a Chinese name) to a
/// `CodeChoice`, and names any value of a list.
public struct CodeBook: Sendable {
    public private(set) var locals: [LocalCode] = []
    /// Each local code by its token and by its Chinese name.
    private var byToken: [CodeList: [String: LocalCode]] = [:]

    public init(_ locals: [LocalCode] = []) {
        for code in locals { insert(code) }
    }

    /// Adds a local code (or replaces the one with its token).
    public mutating func insert(_ code: LocalCode) {
        if let old = byToken[code.list]?[code.token], old.token == code.token {
            locals.removeAll { $0.list == code.list && $0.token == code.token }
            byToken[code.list]?[old.label.zh] = nil
        }
        locals.append(code)
        byToken[code.list, default: [:]][code.token] = code
        byToken[code.list, default: [:]][code.label.zh] = code
    }

    /// The local code of `list` whose token or Chinese name is `text`.
    public func localNamed(_ text: String, in list: CodeList) -> LocalCode? { byToken[list]?[text] }

    /// The value `text` names in `list`: a built-in one first, then a local code.
    public func resolve(_ text: String, in list: CodeList) -> CodeChoice? {
        if let builtIn = list.builtIn(text) { return CodeChoice(base: builtIn) }
        guard let code = byToken[list]?[text] else { return nil }
        return CodeChoice(base: code.base, local: code.token)
    }

    /// The local code `token` of `list`, if there is one.
    public func local(_ token: String, in list: CodeList) -> LocalCode? {
        byToken[list]?[token].flatMap { $0.token == token ? $0 : nil }
    }

    /// The label of a built-in or local token of `list`.
    public func label(_ token: String, in list: CodeList) -> Label? {
        if let code = local(token, in: list) { return code.label }
        return list.builtIns.first { $0.token == token }?.label
    }

    /// The label of a choice: the local code's when there is one.
    public func label(_ choice: CodeChoice, in list: CodeList) -> Label? {
        label(choice.token, in: list)
    }

    /// A list's local codes, in token order.
    public func locals(in list: CodeList) -> [LocalCode] {
        locals.filter { $0.list == list }.sorted { $0.token < $1.token }
    }
}

/// The check on a local code an administrator adds: its token and its Chinese name are new to
/// its list (a built-in value or another local code would otherwise be named twice). Renaming a
/// local code keeps its token and base.
public enum LocalCodeRules {
    /// The code's token is no value's token or name in the list (built-in or another local code).
    public static let newToken = RuleID("localCode.newToken")
    /// Its Chinese name is no value's token or name in the list either.
    public static let newName = RuleID("localCode.newName")
    public static let sameBase = RuleID("localCode.sameBase")

    public static func evaluate(_ code: LocalCode, book: CodeBook) -> Decision {
        let list = code.list
        let existing = book.local(code.token, in: list)
        // Looked up by name, not by scanning: a file of many codes stays linear.
        func taken(_ text: String) -> Bool {
            list.builtIn(text) != nil || (book.localNamed(text, in: list).map { $0.token != code.token } ?? false)
        }
        let values = [
            ReasonValue("list", .label(code.list.label)), ReasonValue("token", .token(code.token)), ReasonValue("name", .token(code.label.zh)),
        ]
        var checks = [Check(newToken, passed: !taken(code.token), values: values), Check(newName, passed: !taken(code.label.zh), values: values)]
        if let existing {
            checks.append(
                Check(
                    sameBase, passed: existing.base == code.base,
                    values: [ReasonValue("token", .token(code.token)), ReasonValue("base", .token(existing.base))]))
        }
        return Decision(checks: checks)
    }
}
