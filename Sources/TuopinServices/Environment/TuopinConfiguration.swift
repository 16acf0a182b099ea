import TuopinCore
import TuopinStore
import TuopinStrings

/// Settings read once at start-up from the environment; every one has a default.
///
/// | Variable | Type, default | Meaning |
/// |---|---|---|
/// | `TUOPIN_SESSION_IDLE_MINUTES` | integer, 30 | A web session ends after this long without a request |
/// | `TUOPIN_SESSION_MAX_HOURS` | integer, 12 | … and this long after sign-in, whatever happens |
/// | `TUOPIN_LOCKOUT_FAILURES` | integer, 5 | Failed sign-ins that lock an account … |
/// | `TUOPIN_LOCKOUT_MINUTES` | integer, 15 | … within this many minutes, for as long again |
/// | `TUOPIN_PASSWORD_MIN_LENGTH` | integer, 10 | Shortest password accepted |
/// | `TUOPIN_BCRYPT_COST` | integer 4–16, 12 | bcrypt work factor for new password hashes |
/// | `TUOPIN_SECURE_COOKIES` | `1`/`0`, 0 | Mark cookies `Secure` (set it behind TLS; `serve --behind-tls` too) |
/// | `TUOPIN_UPLOAD_LIMIT_MB` | integer 1–4096, 256 | Largest upload the web import accepts (the files, or their zip and what it unpacks to) |
/// | `TUOPIN_QUALITY_REFRESH_MINUTES` | integer 1–1440, 10 | A page's data-quality findings are rechecked in the background when older |
/// | `TUOPIN_DASHBOARD_QUALITY` | `1`/`0`, 0 | The dashboard also starts the area's data-quality check for its alert (else it shows what the worklist's check found) |
/// | `TUOPIN_DATABASE_CONNECTIONS` | integer 1–200, engine default | Connections to the database: PostgreSQL's pool (default 4 per core), SQLite's readers beside the writer (default 2 per core, at least 3) |
/// | `TUOPIN_REPLICA_DATABASE` | `postgres://…` URL, none | A streaming read replica of the PostgreSQL database: statistics, reports and exports read from it (docs/SCALING.md) |
/// | `TUOPIN_COUNTDOWN` | `YYYY-MM-DD 名称`, `2020-12-31 脱贫攻坚目标任务完成` | The dashboard counts the days to this date (while it lies ahead) |
public struct TuopinConfiguration: Sendable, Equatable {
    public var sessionIdleTimeoutSeconds: Int64 = 30 * 60
    public var sessionAbsoluteTimeoutSeconds: Int64 = 12 * 3600
    public var lockout = SignInLockout()
    public var passwordMinimumLength = 10
    public var bcryptCost: UInt8 = 12
    public var secureCookies = false
    /// Minutes after which pages' data-quality findings are rechecked (in the background).
    public var qualityRefreshMinutes = 10
    /// Whether the dashboard starts its area's data-quality check (for the alert); otherwise it
    /// shows the latest check the worklist started. A city's check costs half a minute of a core.
    public var dashboardQuality = false
    /// The largest web upload, in bytes (a county's import folder is a few megabytes).
    public var uploadLimitBytes = 256 << 20
    /// Connections to the database (nil: the engine's default; see `Store.open`).
    public var databaseConnections: Int?
    /// A read replica for statistics, reports and exports (nil: they read the primary).
    public var replicaDatabase: DatabaseLocation?
    /// The date the dashboard counts down to, and what it is; nil: no countdown.
    public var countdown: Countdown? = Countdown(date: CivilDate(year: 2020, month: 12, day: 31)!, name: "脱贫攻坚目标任务完成")

    public struct Countdown: Sendable, Equatable {
        public var date: CivilDate
        public var name: String

        public init(date: CivilDate, name: String) {
            self.date = date
            self.name = name
        }

        /// Whole days from `today` to the date; nil once it has come.
        public func daysLeft(from today: CivilDate) -> Int? { date > today ? date.dayNumber - today.dayNumber : nil }
    }

    public init() {}

    public enum ConfigurationError: Error, Equatable, Sendable {
        /// A variable holds something other than what it may.
        case invalid(variable: String, value: String, expected: String)
    }

    /// Reads the `TUOPIN_*` variables; an unusable value is an error that names it.
    public static func from(environment env: [String: String]) throws -> TuopinConfiguration {
        var c = TuopinConfiguration()
        func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let text = env[name], !text.isEmpty else { return nil }
            guard let n = Int(text), range.contains(n) else {
                throw ConfigurationError.invalid(variable: name, value: text, expected: "\(range.lowerBound)…\(range.upperBound)")
            }
            return n
        }
        if let n = try integer("TUOPIN_SESSION_IDLE_MINUTES", 1...1440) { c.sessionIdleTimeoutSeconds = Int64(n) * 60 }
        if let n = try integer("TUOPIN_SESSION_MAX_HOURS", 1...168) { c.sessionAbsoluteTimeoutSeconds = Int64(n) * 3600 }
        if let n = try integer("TUOPIN_LOCKOUT_FAILURES", 1...100) { c.lockout.maximumFailures = n }
        if let n = try integer("TUOPIN_LOCKOUT_MINUTES", 1...1440) {
            c.lockout.window = Double(n * 60)
            c.lockout.duration = Double(n * 60)
        }
        if let n = try integer("TUOPIN_PASSWORD_MIN_LENGTH", 8...64) { c.passwordMinimumLength = n }
        if let n = try integer("TUOPIN_BCRYPT_COST", 4...16) { c.bcryptCost = UInt8(n) }
        if let n = try integer("TUOPIN_UPLOAD_LIMIT_MB", 1...4096) { c.uploadLimitBytes = n << 20 }
        if let n = try integer("TUOPIN_QUALITY_REFRESH_MINUTES", 1...1440) { c.qualityRefreshMinutes = n }
        if let n = try integer("TUOPIN_DASHBOARD_QUALITY", 0...1) { c.dashboardQuality = n == 1 }
        if let n = try integer("TUOPIN_DATABASE_CONNECTIONS", 1...200) { c.databaseConnections = n }
        if let text = env["TUOPIN_REPLICA_DATABASE"], !text.isEmpty {
            guard case .postgres = DatabaseLocation(text) else {
                throw ConfigurationError.invalid(variable: "TUOPIN_REPLICA_DATABASE", value: text, expected: "postgres://…")
            }
            c.replicaDatabase = DatabaseLocation(text)
        }
        if let text = env["TUOPIN_SECURE_COOKIES"], !text.isEmpty {
            guard ["0", "1"].contains(text) else {
                throw ConfigurationError.invalid(variable: "TUOPIN_SECURE_COOKIES", value: text, expected: "0, 1")
            }
            c.secureCookies = text == "1"
        }
        if let text = env["TUOPIN_COUNTDOWN"] {
            let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                c.countdown = nil
            } else if let first = parts.first, let date = try? CivilDate(first), parts.count == 2,
                !parts[1].trimmingCharacters(in: .whitespaces).isEmpty, parts[1].count <= 40
            {
                c.countdown = Countdown(date: date, name: parts[1].trimmingCharacters(in: .whitespaces))
            } else {
                throw ConfigurationError.invalid(variable: "TUOPIN_COUNTDOWN", value: text, expected: "YYYY-MM-DD 名称（至多 40 字）")
            }
        }
        return c
    }
}

extension TuopinConfiguration.ConfigurationError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .invalid(let variable, let value, let expected):
            s.text("error.configuration", ["variable": variable, "value": value, "expected": expected])
        }
    }
}
