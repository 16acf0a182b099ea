import TuopinCore
import TuopinStore
import TuopinStrings

extension ServiceEnvironment {
    /// The area a listing covers when none is named: the user's scope, or, for a user whose
    /// scope is the whole registry, the registry's one top area (its province). A registry with
    /// several top areas needs one named.
    public func area(_ area: AdminCode?, of user: User) async throws -> AdminCode {
        if let area { return area }
        if let code = user.scope.code { return code }
        let roots = try await keptWhileUnchanged("area|roots") { try await AreaQuery.roots(store.sql) }
        guard roots.count == 1, let only = roots.first else { throw AreaNeeded(tops: roots.map(\.code.rawValue)) }
        return only.code
    }
}

/// A listing over the whole registry needs an area named: it has no one top area.
public struct AreaNeeded: Error, Equatable, Sendable {
    public var tops: [String]

    public init(tops: [String]) { self.tops = tops }
}

extension AreaNeeded: WordedError {
    public func message(_ s: Localizer) -> String {
        s.text("error.area.needed", ["tops": tops.isEmpty ? "-" : tops.prefix(5).joined(separator: ", ")])
    }
}

extension ServiceEnvironment {
    /// `read()`'s answer, kept while nothing is committed (`Store.changeStamp`; read afresh
    /// where there is none): for the few lookups every page makes, such as the registry's top area.
    func keptWhileUnchanged<T: Sendable>(_ key: String, _ read: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let stamp = await store.changeStamp() else { return try await read() }
        return try await store.cache.value("kept|" + key, version: stamp, compute: read)
    }
}
