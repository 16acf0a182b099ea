import Foundation
import TuopinCore
import TuopinStore
import TuopinStrings

/// What services need from outside, built once at start-up by the command line and handed to
/// the web application and every command: the store, the only clock, the audit log, the string
/// tables and the configuration. Services are small structs over it; none builds another.
///
/// ```swift
/// let environment = try ServiceEnvironment(store: store, configuration: .from(environment: ProcessInfo.processInfo.environment))
/// let figures = try await StatisticsService(environment).summary(of: leiyang, asOf: environment.today, by: user)
/// ```
public struct ServiceEnvironment: Sendable {
    public let store: Store
    /// A streaming read replica of `store`, when one is configured (`TUOPIN_REPLICA_DATABASE`).
    public let replica: Store?
    /// The only clock. Tests pin it.
    public let now: @Sendable () -> Date
    public let audit: AuditLog
    public let strings: StringTables
    public let configuration: TuopinConfiguration
    /// The data-quality reports pages show, kept between requests.
    public let qualityShelf = QualityShelf()

    public init(
        store: Store, replica: Store? = nil, configuration: TuopinConfiguration = TuopinConfiguration(), strings: StringTables? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.store = store
        self.replica = replica
        self.now = now
        self.configuration = configuration
        self.strings = try strings ?? StringTables.load()
        self.audit = AuditLog(now: now)
    }

    /// Where statistics, reports and exports read: the replica when there is one, else the
    /// primary. Only reads that need not see the user's own latest write go there (a replica
    /// lags the primary by its replay delay); every page that shows what was just saved, every
    /// check before a write, and every write use `store`.
    public var reporting: Store { replica ?? store }

    /// This moment, to the millisecond.
    public var instant: Instant { Instant(now()) }

    /// Today's date in China Standard Time (Asia/Shanghai), where the registry's dates are kept.
    public var today: CivilDate { instant.civilDate(utcOffsetSeconds: Instant.chinaStandardTime) }
}
