import TuopinCore

/// One entry of the audit log as stored: who did what to which entity, where, when, the changed
/// fields before and after (private fields already masked), and the chain links.
///
/// `countyCode` names the chain: a county's code, or `""` for the registry-wide chain.
public struct AuditRow: Sendable, Equatable {
    public var countyCode: String
    public var sequence: Int64
    /// When, as stored (`Instant.description`): the hash covers this text exactly.
    public var instant: String
    /// The username, or `system` for command-line work without `--as`.
    public var actor: String
    /// The operating-system account of a command-line action.
    public var osUser: String?
    public var action: String
    /// What was acted on: `household:4304811002010001`, `user:leiyang`, `import:3 files`.
    public var entity: String
    public var area: String?
    /// JSON objects of the changed fields.
    public var before: String?
    public var after: String?
    /// JSON: counts, file digests, masking, reasons.
    public var detail: String?
    public var previousHash: String
    public var hash: String

    public init(
        countyCode: String, sequence: Int64, instant: String, actor: String, osUser: String?, action: String, entity: String,
        area: String?, before: String?, after: String?, detail: String?, previousHash: String, hash: String
    ) {
        self.countyCode = countyCode
        self.sequence = sequence
        self.instant = instant
        self.actor = actor
        self.osUser = osUser
        self.action = action
        self.entity = entity
        self.area = area
        self.before = before
        self.after = after
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The previous hash of a chain's first entry.
    public static let genesisHash = String(repeating: "0", count: 64)
    /// The chain of registry-wide events (users, sign-ins, national policy rows).
    public static let registryChain = ""
}
