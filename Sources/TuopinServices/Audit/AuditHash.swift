import TuopinStore

/// The hash of an audit entry: SHA-256 over a canonical encoding of every stored field and the
/// previous entry's hash, so changing, deleting or reordering any entry breaks the chain.
///
/// The encoding is a version tag, then each field in a fixed order as `<byte length>:<bytes>`
/// (`~` for NULL), separated by `|`. Length prefixes make it unambiguous whatever the fields
/// hold. docs/AUDIT.md gives the order.
public enum AuditHash {
    static let version = "tuopin-audit-v1"

    public static func canonical(_ r: AuditRow) -> String {
        let fields: [String?] = [
            r.countyCode, String(r.sequence), r.instant, r.actor, r.osUser, r.action, r.entity, r.area, r.before, r.after, r.detail,
            r.previousHash,
        ]
        return version + "|" + fields.map { field in field.map { "\($0.utf8.count):\($0)" } ?? "~" }.joined(separator: "|")
    }

    public static func hash(_ r: AuditRow) -> String { Digest.sha256Hex(canonical(r)) }
}
