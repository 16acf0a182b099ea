import TuopinCore

/// What a service records about one change: the action, what it acted on, where, and the
/// changed fields before and after (private fields masked by the caller).
///
/// The chain is the area's county, or the registry-wide chain for city-level and registry-wide
/// entries (users, sign-ins, national policy rows, imports spanning counties).
public struct AuditEntry: Sendable, Equatable {
    public var action: AuditAction
    public var entity: String
    public var area: AdminCode?
    public var before: [String: AuditValue]?
    public var after: [String: AuditValue]?
    public var detail: [String: AuditValue]?

    public init(
        _ action: AuditAction, entity: String, area: AdminCode?, before: [String: AuditValue]? = nil,
        after: [String: AuditValue]? = nil, detail: [String: AuditValue]? = nil
    ) {
        self.action = action
        self.entity = entity
        self.area = area
        self.before = before
        self.after = after
        self.detail = detail
    }

    /// The chain key: the county's code, or `""` for registry-wide entries.
    public var chain: String { area?.county?.rawValue ?? "" }
}
