import SQLKit
import TuopinCore

/// Appends to and reads the audit log. Nothing here updates or deletes an `audit_event` row.
///
/// Appending is three steps in the writer's transaction: `lockHead` (takes the chain's head
/// row: on PostgreSQL the row lock makes a second writer of the same chain wait until the first
/// commits; SQLite has one writer anyway), `insert`, `advanceHead`.
public enum AuditQuery {
    /// The chain's last sequence and hash, creating the head of a new chain; locks the head row
    /// until the transaction ends.
    public static func lockHead(_ chain: String, in tx: StoreTransaction) async throws -> (sequence: Int64, hash: String) {
        try await tx.sql.raw(
            """
            INSERT INTO audit_chain (county_code, last_sequence, last_hash) VALUES (\(bind: chain), 0, \(bind: AuditRow.genesisHash))
            ON CONFLICT (county_code) DO NOTHING
            """
        ).run()
        // An UPDATE that changes nothing takes the row lock and, under READ COMMITTED, returns the
        // newest committed head (portable: SQLite ≥ 3.35 and PostgreSQL both have RETURNING).
        guard
            let row = try await tx.sql.raw(
                """
                UPDATE audit_chain SET last_sequence = last_sequence WHERE county_code = \(bind: chain)
                RETURNING last_sequence, last_hash
                """
            ).first()
        else { throw StoredValueError(table: "audit_chain", column: "county_code", key: chain, value: chain) }
        return (
            try row.storedInt("last_sequence", table: "audit_chain", key: chain),
            try row.storedText("last_hash", table: "audit_chain", key: chain)
        )
    }

    public static func insert(_ r: AuditRow, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO audit_event (county_code, sequence, instant, actor, os_user, action, entity, area, before_values, after_values,
                                     detail, previous_hash, hash)
            VALUES (\(bind: r.countyCode), \(bind: r.sequence), \(bind: r.instant), \(bind: r.actor), \(bind: r.osUser),
                    \(bind: r.action), \(bind: r.entity), \(bind: r.area), \(bind: r.before), \(bind: r.after), \(bind: r.detail),
                    \(bind: r.previousHash), \(bind: r.hash))
            """
        ).run()
    }

    public static func advanceHead(_ chain: String, sequence: Int64, hash: String, in tx: StoreTransaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE audit_chain SET last_sequence = \(bind: sequence), last_hash = \(bind: hash) WHERE county_code = \(bind: chain)
            """
        ).run()
    }

    public struct ChainHead: Sendable, Equatable {
        public var chain: String
        public var lastSequence: Int64
        public var lastHash: String
    }

    /// Every chain: the heads, and chains that have entries but no head (a deleted head row).
    public static func chains(_ sql: any SQLDatabase) async throws -> [ChainHead] {
        var heads: [String: ChainHead] = [:]
        for row in try await sql.raw("SELECT county_code, last_sequence, last_hash FROM audit_chain").all() {
            let chain = try row.storedText("county_code", table: "audit_chain", key: "?")
            heads[chain] = ChainHead(
                chain: chain, lastSequence: try row.storedInt("last_sequence", table: "audit_chain", key: chain),
                lastHash: try row.storedText("last_hash", table: "audit_chain", key: chain))
        }
        for row in try await sql.raw("SELECT DISTINCT county_code FROM audit_event").all() {
            let chain = try row.storedText("county_code", table: "audit_event", key: "?")
            if heads[chain] == nil { heads[chain] = ChainHead(chain: chain, lastSequence: -1, lastHash: "") }
        }
        return heads.values.sorted { $0.chain < $1.chain }
    }

    /// Up to `limit` entries of a chain after `sequence`, in order.
    public static func page(_ chain: String, after sequence: Int64, limit: Int, _ sql: any SQLDatabase) async throws -> [AuditRow] {
        try await sql.raw(
            """
            SELECT * FROM audit_event WHERE county_code = \(bind: chain) AND sequence > \(bind: sequence)
            ORDER BY sequence LIMIT \(literal: limit)
            """
        ).all().map(decode)
    }

    /// What `audit list` asks for; every part optional.
    public struct Filter: Sendable {
        public var actor: String?
        /// Entries whose area lies inside this one (code prefix).
        public var area: AdminCode?
        public var action: String?
        public var since: Instant?
        /// The reader's scope: entries outside it are never returned.
        public var scope: AreaScope
        public var limit: Int

        public init(actor: String? = nil, area: AdminCode? = nil, action: String? = nil, since: Instant? = nil, scope: AreaScope, limit: Int = 100) {
            self.actor = actor
            self.area = area
            self.action = action
            self.since = since
            self.scope = scope
            self.limit = limit
        }
    }

    /// The newest entries matching the filter, newest first.
    public static func list(_ f: Filter, _ sql: any SQLDatabase) async throws -> [AuditRow] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let actor = f.actor { conditions.append("actor = \(bind: actor)") }
        if let action = f.action { conditions.append("action = \(bind: action)") }
        if let since = f.since { conditions.append("instant >= \(bind: since.description)") }
        if let area = f.area { conditions.append("area LIKE \(bind: area.prefix + "%")") }
        if let code = f.scope.code { conditions.append("area LIKE \(bind: code.prefix + "%")") }
        return try await sql.raw(
            """
            SELECT * FROM audit_event WHERE \(conditions.joined(separator: " AND "))
            ORDER BY instant DESC, county_code, sequence DESC LIMIT \(literal: f.limit)
            """
        ).all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> AuditRow {
        let t = "audit_event"
        let chain = try row.storedText("county_code", table: t, key: "?")
        let sequence = try row.storedInt("sequence", table: t, key: chain)
        let key = "\(chain.isEmpty ? "registry" : chain)#\(sequence)"
        return AuditRow(
            countyCode: chain, sequence: sequence, instant: try row.storedText("instant", table: t, key: key),
            actor: try row.storedText("actor", table: t, key: key), osUser: try row.storedOptionalText("os_user", table: t, key: key),
            action: try row.storedText("action", table: t, key: key), entity: try row.storedText("entity", table: t, key: key),
            area: try row.storedOptionalText("area", table: t, key: key),
            before: try row.storedOptionalText("before_values", table: t, key: key),
            after: try row.storedOptionalText("after_values", table: t, key: key),
            detail: try row.storedOptionalText("detail", table: t, key: key),
            previousHash: try row.storedText("previous_hash", table: t, key: key), hash: try row.storedText("hash", table: t, key: key))
    }
}
