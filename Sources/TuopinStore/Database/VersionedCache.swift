import NIOConcurrencyHelpers

/// Figures computed from a snapshot, kept under the version they were read at (the registry
/// version of `RegistryProjection.State`, or `Store.changeStamp`). Every write raises the
/// version, so an entry is good exactly while its version is current; a stale one is
/// recomputed and replaced, never served. Concurrent askers of the same key and version share
/// one computation, so a write does not set every waiting request computing at once.
///
/// ```swift
/// let figures = try await store.cache.value("overview|430481|2020-10-15", version: state.version) { try await load() }
/// ```
public final class VersionedCache: Sendable {
    private struct Entry {
        var version: Int64
        var value: Task<any Sendable, any Error>
    }
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    /// At most this many entries; past it, the cache starts again empty.
    let capacity: Int

    public init(capacity: Int = 1_024) { self.capacity = capacity }

    /// The value under `key` if it was (or is being) computed at `version`, else `compute()`'s,
    /// then kept. A computation that fails is not kept.
    public func value<T: Sendable>(_ key: String, version: Int64, compute: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = entries.withLockedValue { entries -> Task<any Sendable, any Error> in
            if let entry = entries[key], entry.version == version { return entry.value }
            let task = Task<any Sendable, any Error> { try await compute() }
            // A slower reader of an older snapshot must not replace a newer entry.
            if let existing = entries[key], existing.version > version { return task }
            if entries.count >= capacity, entries[key] == nil { entries = [:] }
            entries[key] = Entry(version: version, value: task)
            return task
        }
        do {
            guard let value = try await task.value as? T else { return try await compute() }
            return value
        } catch {
            entries.withLockedValue { entries in
                if let entry = entries[key], entry.version == version { entries[key] = nil }
            }
            throw error
        }
    }

    /// How many entries are held (for tests).
    public var count: Int { entries.withLockedValue { $0.count } }
}
