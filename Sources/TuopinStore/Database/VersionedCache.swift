import NIOConcurrencyHelpers

/// Figures computed from a snapshot, kept under the registry version they were read at
/// (`RegistryProjection.State.version`). History changes only through writes, and every write
/// raises the version of the counties it touches, so an entry is good exactly while its
/// version is current; a stale one is recomputed and replaced, never served.
///
/// ```swift
/// let figures = try await store.cache.value("overview|430481|2020-10-15", version: state.version) { try await load() }
/// ```
public final class VersionedCache: Sendable {
    private struct Entry {
        var version: Int64
        var value: any Sendable
    }
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    /// At most this many entries; past it, the cache starts again empty.
    let capacity: Int

    public init(capacity: Int = 1_024) { self.capacity = capacity }

    /// The value under `key` if it was computed at `version`, else `compute()`'s, then kept.
    public func value<T: Sendable>(_ key: String, version: Int64, compute: () async throws -> T) async throws -> T {
        if let entry = entries.withLockedValue({ $0[key] }), entry.version == version, let value = entry.value as? T {
            return value
        }
        let value = try await compute()
        entries.withLockedValue { entries in
            if entries.count >= capacity, entries[key] == nil { entries = [:] }
            // A slower reader of an older snapshot must not replace a newer entry.
            if let existing = entries[key], existing.version > version { return }
            entries[key] = Entry(version: version, value: value)
        }
        return value
    }

    /// How many entries are held (for tests).
    public var count: Int { entries.withLockedValue { $0.count } }
}
