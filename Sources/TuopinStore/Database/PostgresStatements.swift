import Crypto
import NIOConcurrencyHelpers

/// Which statements run prepared on PostgreSQL, and under which name on each connection.
///
/// A statement is prepared once it has run `admitAfter` times in the process (one-off texts,
/// such as a list of keys written out, never fill the server's statement cache), when it is a
/// query or a row change (not DDL, `BEGIN` or `COPY`), its result columns cannot change with the
/// schema (no `*`), and it is short. Each connection prepares at most `perConnection` of them.
///
/// A statement whose preparation failed (an aborted transaction, a table not there yet) stays
/// failed on that connection in postgres-nio, so the next run of it there takes a new name
/// (`generation`), and is prepared afresh.
final class PostgresStatements: Sendable {
    let admitAfter: Int
    let perConnection: Int
    let enabled: Bool

    /// Uses per statement text (and bind types), until the text is admitted; -1 for a text that
    /// may never be prepared (so `isPreparable` runs once per text, not once per run).
    private let uses = NIOLockedValueBox<[String: Int]>([:])
    /// Per connection: each admitted statement's name and whether it has been prepared there.
    private let connections = NIOLockedValueBox<[ObjectIdentifier: [String: Entry]]>([:])

    /// The texts counted at most (further texts are never admitted).
    static let countedTexts = 4_096
    /// Longer texts are not prepared.
    static let maximumLength = 8_000

    struct Entry {
        var name: String
        var generation = 0
        var prepared = false
    }

    init(enabled: Bool = true, admitAfter: Int = 2, perConnection: Int = 256) {
        self.enabled = enabled
        self.admitAfter = admitAfter
        self.perConnection = perConnection
    }

    /// Whether `sql` may be prepared at all: a query or a row change, with a fixed set of result
    /// columns. (A prepared `SELECT *` fails once its table gains a column.)
    static func isPreparable(_ sql: String) -> Bool {
        guard sql.utf8.count <= maximumLength else { return false }
        let head = sql.drop(while: { $0 == " " || $0 == "\n" || $0 == "(" }).prefix(7).uppercased()
        guard ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(where: { head.hasPrefix($0) }) else { return false }
        return !sql.replacingOccurrences(of: "(*)", with: "").contains("*")
    }

    /// The name to run `key` (the text and its bind types) under on `connection`, or nil to run it
    /// unprepared; `first` tells whether this run prepares it there, `newConnection` whether it
    /// is the connection's first (the caller then arranges for `closed` when it closes).
    func name(for key: String, sql: String, on connection: ObjectIdentifier) -> (name: String, first: Bool, newConnection: Bool)? {
        guard enabled, admitted(key, sql: sql) else { return nil }
        return connections.withLockedValue { all -> (String, Bool, Bool)? in
            let newConnection = all[connection] == nil
            var entries = all[connection, default: [:]]
            if entries[key] == nil {
                guard entries.count < perConnection else { return nil }
                entries[key] = Entry(name: Self.name(key, generation: 0))
            }
            let entry = entries[key]!
            all[connection] = entries
            return (entry.name, !entry.prepared, newConnection)
        }
    }

    /// Counts a use of `key` (whose text is `sql`); true once a preparable text has been used
    /// `admitAfter` times before.
    private func admitted(_ key: String, sql: String) -> Bool {
        uses.withLockedValue { uses in
            switch uses[key] {
            case let n? where n < 0: return false
            case let n? where n >= admitAfter: return true
            case let n?: uses[key] = n + 1
            case nil:
                guard uses.count < Self.countedTexts else { return false }
                uses[key] = Self.isPreparable(sql) ? 1 : -1
            }
            return false
        }
    }

    /// Records the outcome of a run that prepared `key` on `connection`: kept when it succeeded,
    /// otherwise its next run there takes a new name.
    func prepared(_ key: String, on connection: ObjectIdentifier, succeeded: Bool) {
        connections.withLockedValue { all in
            guard var entry = all[connection]?[key] else { return }
            if succeeded {
                entry.prepared = true
            } else {
                entry.generation += 1
                entry.name = Self.name(key, generation: entry.generation)
            }
            all[connection]?[key] = entry
        }
    }

    /// Forgets a closed connection.
    func closed(_ connection: ObjectIdentifier) {
        _ = connections.withLockedValue { $0.removeValue(forKey: connection) }
    }

    /// How many statements `connection` has prepared (for tests).
    func preparedCount(on connection: ObjectIdentifier) -> Int {
        connections.withLockedValue { $0[connection]?.values.filter(\.prepared).count ?? 0 }
    }

    /// A name of at most 63 bytes (PostgreSQL's limit) that differs for each text and bind types.
    static func name(_ key: String, generation: Int) -> String {
        let digest = SHA256.hash(data: Array(key.utf8)).prefix(12).map { String($0, radix: 16).leftPadded(2) }.joined()
        return "tuopin_\(digest)_\(generation)"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
