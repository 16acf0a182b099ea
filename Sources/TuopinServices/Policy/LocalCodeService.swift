import TuopinCore
import TuopinStore
import TuopinStrings

/// The extensible code lists (REFERENCE §2.6): everyone reads them; an administrator adds local
/// codes (or renames one), each refining a built-in value, with an audit entry.
public struct LocalCodeService: Sendable {
    let environment: ServiceEnvironment

    public init(_ environment: ServiceEnvironment) { self.environment = environment }

    public func book(by user: User) async throws -> CodeBook {
        try await environment.authorize(user, .view, area: user.scope.code)
        return try await LocalCodeQuery.book(environment.store.sql)
    }

    /// Adds `code`, or renames the local code with its token (its base stays).
    public func add(_ code: LocalCode, by user: User) async throws {
        try await environment.authorize(user, .editPolicy, area: nil)
        try await environment.store.transaction { tx in
            let book = try await LocalCodeQuery.book(tx.sql)
            let decision = LocalCodeRules.evaluate(code, book: book)
            guard decision.passed else { throw HouseholdError.refused(decision) }
            try await LocalCodeQuery.save(code, in: tx)
            try await environment.audit.record(
                AuditEntry(
                    .localCodeSet, entity: "localCode:\(code.list.token):\(code.token)", area: nil,
                    after: ["zh": .text(code.label.zh), "en": .text(code.label.en), "base": .text(code.base)]),
                by: user, in: tx)
        }
    }

    /// Checks that every local code refines the value it is given for (a caller may only name
    /// codes the list has), inside the caller's transaction.
    static func check<T: CodeListValue>(_ local: [T: String], in list: CodeList, _ tx: StoreTransaction) async throws {
        try await check(Dictionary(uniqueKeysWithValues: local.map { ($0.key.token, $0.value) }), in: list, tx)
    }

    /// Checks that each local cause of a household refines one of its causes, none twice.
    static func checkCauses(_ h: Household, _ tx: StoreTransaction) async throws {
        guard !h.localCauses.isEmpty else { return }
        let causes = ([h.mainCause] + h.secondaryCauses).map(\.token)
        var local: [String: String] = [:]
        let book = try await LocalCodeQuery.book(tx.sql)
        for token in h.localCauses {
            guard let code = book.local(token, in: .povertyCause), causes.contains(code.base), local[code.base] == nil else {
                throw LocalCodeError.unknownCode(.povertyCause, token)
            }
            local[code.base] = token
        }
    }

    /// The same, with the built-in values as their tokens.
    static func check(_ local: [String: String], in list: CodeList, _ tx: StoreTransaction) async throws {
        guard !local.isEmpty else { return }
        let book = try await LocalCodeQuery.book(tx.sql)
        for (base, token) in local where book.local(token, in: list)?.base != base {
            throw LocalCodeError.unknownCode(list, token)
        }
    }
}

extension LocalCodeError: WordedError {
    public func message(_ s: Localizer) -> String { Rejections.localCodeError(self, s) }
}
