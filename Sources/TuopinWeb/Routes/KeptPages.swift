import HTTPTypes
import Hummingbird
import TuopinStore

/// Rendered pages kept per key while nothing is committed (`Store.changeStamp`, SQLite files
/// only; elsewhere every request renders). The session's form token is cut out of a kept page
/// and joined back in on each request, so one rendering serves every session of the same user.
/// Only pages whose reading writes nothing (no audit entry) may be kept: a kept page skips the
/// services entirely, their scope checks included, which is sound because the key holds the
/// user and any change to the user commits.
///
/// ```swift
/// return try await kept.page([user.username.rawValue, number.rawValue], token: token) { try await render() }
/// ```
struct KeptPages: Sendable {
    let store: Store
    let cache: VersionedCache

    init(store: Store, capacity: Int = 1_024) {
        self.store = store
        self.cache = VersionedCache(capacity: capacity)
    }

    /// The page kept under `key` at the current change stamp, else `render()`'s, kept.
    func page(_ key: [String], token: String, render: @escaping @Sendable () async throws -> HTML) async throws -> HTML {
        let cut = { @Sendable () async throws -> Kept in
            let page = try await render()
            let parts = token.isEmpty ? [page.html] : page.html.split(separator: token, omittingEmptySubsequences: false).map(String.init)
            return Kept(parts: parts, status: page.status)
        }
        guard let stamp = await store.changeStamp() else { return try await cut().html(token: token) }
        return try await cache.value(key.joined(separator: "\u{1}"), version: stamp, compute: cut).html(token: token)
    }

    /// A rendered page as kept: its text around the session's form token.
    struct Kept: Sendable {
        var parts: [String]
        var status: HTTPResponse.Status

        func html(token: String) -> HTML { HTML(parts.joined(separator: token), status: status) }
    }
}
