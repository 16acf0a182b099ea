import NIOConcurrencyHelpers

/// A fixed set of connections handed out one task at a time and held across suspension points
/// (unlike an actor): the SQLite writer (a pool of one, so one transaction at a time) and the
/// SQLite readers (each read snapshot owns its connection until it ends).
final class AsyncPool<Resource: Sendable>: Sendable {
    private struct State {
        var idle: [Resource]
        var waiters: [CheckedContinuation<Resource, Never>] = []
    }
    private let state: NIOLockedValueBox<State>
    let all: [Resource]

    init(_ resources: [Resource]) {
        precondition(!resources.isEmpty, "a pool needs at least one resource")
        all = resources
        state = NIOLockedValueBox(State(idle: resources))
    }

    /// Runs `body` with a resource of its own, waiting for one to be free.
    func with<T: Sendable>(_ body: (Resource) async throws -> T) async throws -> T {
        let resource = await acquire()
        defer { release(resource) }
        return try await body(resource)
    }

    /// Runs `body` with a resource that is idle now, or returns nil at once when none is: it
    /// never waits, since a task holding one resource and waiting for another could wait on
    /// itself when every resource is held that way.
    func withIdle<T: Sendable>(_ body: (Resource) async throws -> T) async throws -> T? {
        guard let resource = state.withLockedValue({ $0.idle.popLast() }) else { return nil }
        defer { release(resource) }
        return try await body(resource)
    }

    private func acquire() async -> Resource {
        await withCheckedContinuation { (c: CheckedContinuation<Resource, Never>) in
            let ready = state.withLockedValue { s -> Resource? in
                if s.idle.isEmpty {
                    s.waiters.append(c)
                    return nil
                }
                return s.idle.removeLast()
            }
            if let ready { c.resume(returning: ready) }
        }
    }

    private func release(_ resource: Resource) {
        let next = state.withLockedValue { s -> CheckedContinuation<Resource, Never>? in
            if s.waiters.isEmpty {
                s.idle.append(resource)
                return nil
            }
            return s.waiters.removeFirst()
        }
        next?.resume(returning: resource)
    }
}
