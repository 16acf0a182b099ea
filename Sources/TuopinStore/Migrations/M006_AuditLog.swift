/// The append-only, hash-chained audit log: one chain per county (`county_code`) and one for
/// registry-wide events (`county_code = ''`), so the chain shards with the data. `audit_chain`
/// holds each chain's head; updating it is what serialises writers of one chain (docs/AUDIT.md).
struct M006_AuditLog: Migration {
    let version = 6
    let name = "audit log"

    func statements(for dialect: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE audit_chain (
                county_code TEXT PRIMARY KEY,
                last_sequence BIGINT NOT NULL,
                last_hash TEXT NOT NULL)
            """,
            """
            CREATE TABLE audit_event (
                county_code TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                instant TEXT NOT NULL,
                actor TEXT NOT NULL,
                os_user TEXT,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                area TEXT,
                before_values TEXT,
                after_values TEXT,
                detail TEXT,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (county_code, sequence))
            """,
            "CREATE INDEX audit_event_instant ON audit_event (instant)",
            "CREATE INDEX audit_event_actor ON audit_event (actor, instant)",
        ]
    }
}
