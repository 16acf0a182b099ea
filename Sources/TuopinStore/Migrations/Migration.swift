import SQLKit

/// One numbered, forward-only schema step. Statements are portable SQL unless a dialect needs
/// its own (then `statements(for:)` says so beside the portable text).
public protocol Migration: Sendable {
    var version: Int { get }
    var name: String { get }
    func statements(for dialect: StoreDialect) -> [String]
    /// Data the step seeds after its statements (policy tables from REFERENCE).
    func seed(_ tx: StoreTransaction) async throws
}

extension Migration {
    public func seed(_ tx: StoreTransaction) async throws {}
}
